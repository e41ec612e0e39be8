#include "accountdialog.h"

#include "accountsessions.h"
#include "chatclient.h"
#include "errortext.h"
#include "passwordform.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lanchat {

namespace {

QTreeWidget* makeList(QWidget* parent, const char* name)
{
    auto* list = new QTreeWidget(parent);
    list->setObjectName(QLatin1String(name));
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    list->setMinimumHeight(90);
    return list;
}

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : QString();
}

QLabel* title(QWidget* parent)
{
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

AccountDialog::AccountDialog(ChatClient* client, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_sessions(new AccountSessions(client, this))
    , m_password(new PasswordForm(client, this))
    , m_sessionsTitle(title(this))
    , m_sessionList(makeList(this, "sessionList"))
    , m_devicesTitle(title(this))
    , m_deviceList(makeList(this, "deviceList"))
    , m_message(new QLabel(this))
    , m_logOutOthers(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("accountDialog"));
    m_message->setObjectName(QStringLiteral("accountMessage"));
    m_message->setWordWrap(true);
    m_logOutOthers->setObjectName(QStringLiteral("logOutOthersButton"));
    auto* passwordTitle = title(this);
    passwordTitle->setObjectName(QStringLiteral("passwordTitle"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(passwordTitle);
    layout->addWidget(m_password);
    layout->addSpacing(8);
    layout->addWidget(m_sessionsTitle);
    layout->addWidget(m_sessionList, 1);
    layout->addWidget(m_devicesTitle);
    layout->addWidget(m_deviceList, 1);
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_logOutOthers);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_logOutOthers, &QPushButton::clicked, this, &AccountDialog::logOutOthers);
    connect(m_sessions, &AccountSessions::refreshed, this, &AccountDialog::fill);
    connect(m_sessions, &AccountSessions::failed, this, &AccountDialog::onFailed);
    connect(m_sessions, &AccountSessions::loggedOutOthers, this, [this](int sessions, int devices) {
        //: after "Log out other devices": %1 how many sessions were ended, %2 how many remembered devices forgotten
        m_message->setText(
            tr("%1 other session(s) logged out, %2 remembered device(s) forgotten.").arg(sessions).arg(devices));
    });
    // A new password logs the other devices out too: the lists change.
    connect(m_password, &PasswordForm::changed, m_sessions, &AccountSessions::refresh);
    retranslateUi();
    resize(620, 640);
    const bool available = m_sessions->isAvailable();
    m_logOutOthers->setEnabled(available);
    if (available)
        m_sessions->refresh();
    else
        m_message->setText(tr("This server cannot list your sessions (an older version), or you are offline."));
}

AccountDialog::~AccountDialog() = default;

QString AccountDialog::message() const
{
    return m_message->text();
}

void AccountDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AccountDialog::retranslateUi()
{
    //: window title of the account dialog; %1 is the user's name
    setWindowTitle(tr("Account — %1").arg(m_client->currentUser().displayName));
    findChild<QLabel*>(QStringLiteral("passwordTitle"))->setText(tr("Password"));
    m_sessionsTitle->setText(tr("Logged in now"));
    m_sessionList->setHeaderLabels({tr("Device"), tr("Address"), tr("Logged in"), tr("Last active")});
    m_devicesTitle->setText(tr("Devices that stay logged in"));
    m_deviceList->setHeaderLabels({tr("Device"), tr("Remembered since"), tr("Last used")});
    m_logOutOthers->setText(tr("Log out other devices"));
    m_close->setText(tr("Close"));
    fill();
}

void AccountDialog::fill()
{
    m_sessionList->clear();
    for (const AccountSession& s : m_sessions->sessions()) {
        QString device = s.device.isEmpty() ? s.client : s.device;
        if (device.isEmpty())
            device = tr("Unknown device");
        //: marks the row of the computer the user is using now
        if (s.current)
            device = tr("%1 (this device)").arg(device);
        auto* item = new QTreeWidgetItem(m_sessionList, {device, s.address, when(s.sinceMs), when(s.lastSeenMs)});
        if (s.current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
    }
    m_deviceList->clear();
    for (const AccountDevice& d : m_sessions->devices()) {
        const QString name = d.current ? tr("%1 (this device)").arg(d.name) : d.name;
        new QTreeWidgetItem(m_deviceList, {name, when(d.createdMs), when(d.lastUsedMs)});
    }
}

void AccountDialog::logOutOthers()
{
    if (m_confirm &&
        QMessageBox::question(this, tr("Log out other devices"),
                              tr("Log out LanChat everywhere except on this computer? Other devices have to log in "
                                 "with your password again.")) != QMessageBox::Yes) {
        return;
    }
    m_message->setText(tr("Logging out your other devices…"));
    m_sessions->logOutOthers();
}

void AccountDialog::onFailed(const QString& request, ErrorCode code)
{
    Q_UNUSED(request);
    m_message->setText(ErrorText::message(code));
}

} // namespace lanchat
