#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace lanchat {

/**
 * Trust decisions about a server's TLS certificate (trust on first use, like SSH):
 * FirstUse shows the SHA-256 fingerprint for comparison with the one the administrator publishes
 * (`lanchat-server` prints it); Mismatch blocks with a clear warning, showing the pinned and the presented
 * fingerprints, and only a deliberate tick plus "Accept new certificate" replaces the pin.
 */
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        FirstUse,
        Mismatch,
    };

    /**
     * @p presented and @p pinned are hex SHA-256 fingerprints; @p announced is the one the discovery
     * answer carried (may be empty) — when it equals @p presented the dialog says so.
     */
    CertificateDialog(Mode mode, const QString& server, const QString& presented, const QString& pinned,
                      const QString& announced, QWidget* parent = nullptr);

    /** "ab:cd:…" in groups for reading aloud; @p hex is 64 hex digits. */
    static QString formatFingerprint(const QString& hex);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Mode m_mode;
    QString m_server;
    QString m_presented;
    QString m_pinned;
    QString m_announced;
    QLabel* m_heading = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_fingerprints = nullptr;
    QCheckBox* m_confirm = nullptr;
    QPushButton* m_accept = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace lanchat
