#pragma once

#include <QComboBox>
#include <QString>

namespace lanchat {

class ServerFinder;

/**
 * The login dialog's editable server field: lists the servers a ServerFinder discovers (refreshing as they
 * come and go) and accepts a typed "host", "host:port" or "[v6]:port". Only the address is taken from a
 * discovered entry: the connection is always encrypted, whatever the (unauthenticated) announcement says.
 * GUI thread only.
 */
class ServerChooser : public QComboBox
{
    Q_OBJECT

public:
    /** @p finder may be null (no discovery) and must outlive the chooser. */
    explicit ServerChooser(ServerFinder* finder, QWidget* parent = nullptr);

    /** Parses "host", "host:port" or "[v6]:port"; false when empty or the port is invalid. */
    static bool parse(const QString& text, QString* host, quint16* port);

    /** The typed or chosen "host:port" text. */
    QString serverText() const { return currentText().trimmed(); }
    /** Shows @p host:@p port (brackets around an IPv6 literal). */
    void setServer(const QString& host, quint16 port);
    /** The fingerprint announced by the discovered entry that matches the current text, empty if none. */
    QString announcedFingerprint() const;
    /** Re-reads the finder's list, keeping the typed text; the first entry is chosen when nothing was typed. */
    void refresh();
    void retranslateUi();

private:
    ServerFinder* m_finder;
};

} // namespace lanchat
