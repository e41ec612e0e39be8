#include "passwordform.h"

#include "chatclient.h"
#include "errortext.h"
#include "protocol.h"
#include "theme.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace lanchat {

namespace {

QLineEdit* passwordEdit(QWidget* parent, const char* name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

PasswordForm::PasswordForm(ChatClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_oldLabel(new QLabel(this))
    , m_newLabel(new QLabel(this))
    , m_repeatLabel(new QLabel(this))
    , m_old(passwordEdit(this, "oldPassword"))
    , m_new(passwordEdit(this, "newPassword"))
    , m_repeat(passwordEdit(this, "repeatPassword"))
    , m_rules(new QLabel(this))
    , m_message(new QLabel(this))
    , m_submit(new QPushButton(this))
{
    setObjectName(QStringLiteral("passwordForm"));
    auto* form = new QFormLayout;
    form->addRow(m_oldLabel, m_old);
    form->addRow(m_newLabel, m_new);
    form->addRow(m_repeatLabel, m_repeat);
    m_rules->setWordWrap(true);
    m_rules->setEnabled(false); // the muted look of a hint
    m_message->setObjectName(QStringLiteral("passwordMessage"));
    m_message->setWordWrap(true);
    m_submit->setObjectName(QStringLiteral("changePasswordButton"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_rules);
    layout->addWidget(m_message);
    layout->addWidget(m_submit, 0, Qt::AlignRight);
    connect(m_submit, &QPushButton::clicked, this, &PasswordForm::submit);
    connect(m_client, &ChatClient::passwordChanged, this, [this] {
        if (!std::exchange(m_waiting, false))
            return;
        m_old->clear();
        m_new->clear();
        m_repeat->clear();
        showMessage(
            [] {
                return tr("Your password was changed. Your other devices were logged out and must log in with the new "
                          "password.");
            },
            false);
        Q_EMIT changed();
    });
    connect(m_client, &ChatClient::requestFailed, this, &PasswordForm::onFailed);
    retranslateUi();
}

QString PasswordForm::message() const
{
    return m_message->text();
}

void PasswordForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PasswordForm::retranslateUi()
{
    m_oldLabel->setText(tr("Current password:"));
    m_newLabel->setText(tr("New password:"));
    m_repeatLabel->setText(tr("Repeat new password:"));
    //: %1 and %2 are the shortest and longest password in bytes (8, 1024)
    m_rules->setText(tr("At least %1 characters (%1 to %2 bytes; Chinese characters count 3 bytes each). Changing "
                        "it logs out your other devices.")
                         .arg(protocol::kMinPasswordBytes)
                         .arg(protocol::kMaxPasswordBytes));
    m_submit->setText(tr("Change password"));
    m_message->setText(m_messageText ? m_messageText() : QString());
}

void PasswordForm::submit()
{
    if (m_old->text().isEmpty()) {
        showMessage([] { return tr("Enter your current password."); }, true);
        return;
    }
    const qsizetype bytes = m_new->text().toUtf8().size();
    if (bytes < protocol::kMinPasswordBytes || bytes > protocol::kMaxPasswordBytes) {
        showMessage(
            [] {
                return tr("The new password must be %1 to %2 bytes long.")
                    .arg(protocol::kMinPasswordBytes)
                    .arg(protocol::kMaxPasswordBytes);
            },
            true);
        return;
    }
    if (m_new->text() != m_repeat->text()) {
        showMessage([] { return tr("The two new passwords differ."); }, true);
        return;
    }
    m_waiting = true;
    showMessage([] { return tr("Changing the password…"); }, false);
    m_client->changePassword(m_old->text(), m_new->text());
}

void PasswordForm::onFailed(const QString& request, ErrorCode code)
{
    if (request != QLatin1String("change_password") || !std::exchange(m_waiting, false))
        return;
    if (code == ErrorCode::BadCredentials) {
        m_old->selectAll();
        m_old->setFocus();
        showMessage(
            [] {
                return tr(
                    "The current password is wrong. After a few wrong tries you have to wait before trying again.");
            },
            true);
        return;
    }
    showMessage([code] { return ErrorText::message(code); }, true);
}

void PasswordForm::showMessage(std::function<QString()> text, bool error)
{
    m_messageText = std::move(text);
    m_message->setText(m_messageText());
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xd9, 0x30, 0x25) : Theme::colors().online);
    m_message->setPalette(palette);
}

} // namespace lanchat
