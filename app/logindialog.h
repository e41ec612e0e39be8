#pragma once

#include "chatclient.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabBar;

namespace lanchat {

class AppSettings;
class ServerFinder;

/**
 * Log in and sign up in one dialog. Lists the servers ServerFinder discovers (refreshing) and accepts a
 * typed "host" or "host:port"; remembers the last server and user (and the password only when asked).
 * Connects, asks the user to trust a new server certificate (CertificateDialog) or blocks on a changed
 * one, then logs in or registers. Every failure is shown inline in the dialog via ErrorText.
 * Accepted once ChatClient::loggedIn() arrives.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    /** @p finder may be null (no discovery); @p client and @p settings must outlive the dialog. */
    LoginDialog(ChatClient* client, AppSettings& settings, ServerFinder* finder, QWidget* parent = nullptr);

    /** Parses "host", "host:port" or "[v6]:port"; false when empty or the port is invalid. */
    static bool parseServer(const QString& text, QString* host, quint16* port);

    /** The inline error currently shown (empty when none), for tests. */
    QString errorText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Step
    {
        Idle,
        Connecting,
        Authenticating,
    };

    void buildUi();
    void retranslateUi();
    void refreshServers();
    void onModeChanged();
    void onSubmit();
    void onStateChanged(ChatClient::State state);
    void onCertificateMismatch(const QString& host, quint16 port, const QString& pinned, const QString& presented);
    bool confirmFirstUse();
    void authenticate();
    void showError(const QString& text);
    void setBusy(Step step);
    bool isSignUp() const;
    QString announcedFingerprint() const;

    ChatClient* m_client;
    AppSettings& m_settings;
    ServerFinder* m_finder;
    Step m_step = Step::Idle;
    QString m_host;
    quint16 m_port = 0;
    QTabBar* m_mode = nullptr;
    QLabel* m_serverLabel = nullptr;
    QComboBox* m_server = nullptr;
    QCheckBox* m_tls = nullptr;
    QLabel* m_usernameLabel = nullptr;
    QLineEdit* m_username = nullptr;
    QLabel* m_displayNameLabel = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_confirm = nullptr;
    QCheckBox* m_remember = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace lanchat
