#pragma once

#include "errorcode.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lanchat {

class ChatClient;

/**
 * Change password, in the account dialog: current password, new password and its repetition, the server's rules
 * (8 to 1024 bytes), checked here before anything is sent; the server's refusals in words (a wrong current password
 * is bad_credentials, and counts like a failed login: rate_limited after a few). GUI thread.
 */
class PasswordForm : public QWidget
{
    Q_OBJECT

public:
    /** @p client must outlive the form. */
    explicit PasswordForm(ChatClient* client, QWidget* parent = nullptr);

    /** The line under the fields: what went wrong or that it worked (tests). */
    QString message() const;

Q_SIGNALS:
    /** The server stored the new password (every other device of the user was logged out). */
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void submit();
    /** Shows @p text() under the fields; kept as a function so a language switch shows it in the new language. */
    void showMessage(std::function<QString()> text, bool error);
    void onFailed(const QString& request, lanchat::ErrorCode code);

    ChatClient* m_client;
    QLabel* m_oldLabel;
    QLabel* m_newLabel;
    QLabel* m_repeatLabel;
    QLineEdit* m_old;
    QLineEdit* m_new;
    QLineEdit* m_repeat;
    QLabel* m_rules;
    QLabel* m_message;
    QPushButton* m_submit;
    bool m_waiting = false;
    std::function<QString()> m_messageText;
};

} // namespace lanchat
