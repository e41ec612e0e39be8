#pragma once

#include "errorcode.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace lanchat {

class AccountSessions;
class ChatClient;
class PasswordForm;

/**
 * "Account…" (the status menu): change the password (PasswordForm), see where the account is logged in now (device,
 * address, logged in since, last active, "this device") and which devices stay logged in, and log out every other
 * device at once (docs/protocol.md 17; they get session_revoked and must log in with the password again). The lists
 * are shown only on a server with the `account_sessions` feature. GUI thread.
 */
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    /** @p client must outlive the dialog. The lists are asked for at once. */
    explicit AccountDialog(ChatClient* client, QWidget* parent = nullptr);
    ~AccountDialog() override;

    PasswordForm* passwordForm() const { return m_password; }
    QTreeWidget* sessionList() const { return m_sessionList; }
    QTreeWidget* deviceList() const { return m_deviceList; }
    QPushButton* logOutOthersButton() const { return m_logOutOthers; }
    /** The line under the lists: the outcome of "Log out other devices", or why the lists are missing (tests). */
    QString message() const;
    /** Skips the confirmation question of "Log out other devices" (tests, screenshots). */
    void setConfirmLogOut(bool confirm) { m_confirm = confirm; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fill();
    void logOutOthers();
    void onFailed(const QString& request, lanchat::ErrorCode code);

    ChatClient* m_client;
    AccountSessions* m_sessions;
    PasswordForm* m_password;
    QLabel* m_sessionsTitle;
    QTreeWidget* m_sessionList;
    QLabel* m_devicesTitle;
    QTreeWidget* m_deviceList;
    QLabel* m_message;
    QPushButton* m_logOutOthers;
    QPushButton* m_close;
    bool m_confirm = true;
};

} // namespace lanchat
