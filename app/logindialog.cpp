#include "logindialog.h"

#include "appsettings.h"
#include "certificatedialog.h"
#include "errortext.h"
#include "logging.h"
#include "protocol.h"
#include "serverfinder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

namespace lanchat {

LoginDialog::LoginDialog(ChatClient* client, AppSettings& settings, ServerFinder* finder, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_settings(settings)
    , m_finder(finder)
{
    setObjectName(QStringLiteral("loginDialog"));
    buildUi();
    if (!m_settings.lastHost().isEmpty()) {
        const QString host = m_settings.lastHost().contains(QLatin1Char(':'))
                                 ? QLatin1Char('[') + m_settings.lastHost() + QLatin1Char(']')
                                 : m_settings.lastHost();
        m_server->setEditText(host + QLatin1Char(':') + QString::number(m_settings.lastPort()));
    }
    m_tls->setChecked(m_settings.useTls());
    m_username->setText(m_settings.lastUsername());
    m_remember->setChecked(m_settings.rememberPassword());
    m_password->setText(m_settings.rememberedPassword());
    if (m_finder)
        connect(m_finder, &ServerFinder::serversChanged, this, &LoginDialog::refreshServers);
    connect(m_client, &ChatClient::stateChanged, this, &LoginDialog::onStateChanged);
    connect(m_client, &ChatClient::loggedIn, this, [this] {
        m_settings.setLastUsername(m_username->text().trimmed());
        m_settings.setRememberedPassword(m_remember->isChecked(), m_password->text());
        setBusy(Step::Idle);
        accept();
    });
    connect(m_client, &ChatClient::loginFailed, this, [this](ErrorCode code, const QString&) {
        if (m_step == Step::Idle)
            return;
        setBusy(Step::Idle);
        m_client->disconnectFromServer();
        showError(ErrorText::message(code));
    });
    connect(m_client, &ChatClient::certificateMismatch, this, &LoginDialog::onCertificateMismatch);
    retranslateUi();
    refreshServers();
    setMinimumWidth(420);
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void LoginDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/lanchat.png")).pixmap(56, 56));
    logo->setAlignment(Qt::AlignCenter);
    layout->addWidget(logo);
    m_mode = new QTabBar(this);
    m_mode->setObjectName(QStringLiteral("modeTabs"));
    m_mode->addTab(QString());
    m_mode->addTab(QString());
    m_mode->setExpanding(true);
    m_mode->setDrawBase(false);
    layout->addWidget(m_mode);

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto field = [this, form](QLabel*& label, auto* widget, const char* name) {
        label = new QLabel(this);
        widget->setObjectName(QLatin1String(name));
        label->setBuddy(widget);
        form->addRow(label, widget);
    };
    m_server = new QComboBox(this);
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->setMinimumContentsLength(20);
    m_server->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    field(m_serverLabel, m_server, "serverCombo");
    m_server->lineEdit()->setObjectName(QStringLiteral("serverEdit"));
    m_tls = new QCheckBox(this);
    m_tls->setObjectName(QStringLiteral("tlsCheck"));
    form->addRow(QString(), m_tls);
    m_username = new QLineEdit(this);
    m_username->setMaxLength(protocol::kMaxUsernameChars);
    field(m_usernameLabel, m_username, "usernameEdit");
    m_displayName = new QLineEdit(this);
    m_displayName->setMaxLength(protocol::kMaxNameChars);
    field(m_displayNameLabel, m_displayName, "displayNameEdit");
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    field(m_passwordLabel, m_password, "passwordEdit");
    m_confirm = new QLineEdit(this);
    m_confirm->setEchoMode(QLineEdit::Password);
    field(m_confirmLabel, m_confirm, "confirmEdit");
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    form->addRow(QString(), m_remember);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    m_cancel = new QPushButton(this);
    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);

    connect(m_mode, &QTabBar::currentChanged, this, &LoginDialog::onModeChanged);
    connect(m_submit, &QPushButton::clicked, this, &LoginDialog::onSubmit);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_step != Step::Idle) {
            setBusy(Step::Idle);
            m_client->disconnectFromServer();
            return;
        }
        reject();
    });
    connect(m_server, &QComboBox::activated, this, [this](int index) {
        m_tls->setChecked(m_server->itemData(index, Qt::UserRole + 1).toBool());
        m_server->setEditText(m_server->itemData(index).toString());
    });
    onModeChanged();
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("LanChat"));
    m_mode->setTabText(0, tr("Log in"));
    m_mode->setTabText(1, tr("Sign up"));
    m_serverLabel->setText(tr("&Server:"));
    m_server->lineEdit()->setPlaceholderText(tr("Searching the network… or type host:port"));
    m_tls->setText(tr("Encrypted connection (TLS)"));
    m_usernameLabel->setText(tr("&User name:"));
    m_username->setPlaceholderText(tr("letters, digits, . _ -"));
    m_displayNameLabel->setText(tr("&Display name:"));
    m_displayName->setPlaceholderText(tr("shown to your colleagues, e.g. 张伟"));
    m_passwordLabel->setText(tr("&Password:"));
    m_confirmLabel->setText(tr("&Confirm password:"));
    m_remember->setText(tr("Remember password on this computer"));
    m_cancel->setText(m_step == Step::Idle ? tr("Quit") : tr("Stop"));
    m_submit->setText(isSignUp() ? tr("Sign up") : tr("Log in"));
    if (m_step == Step::Connecting)
        m_status->setText(tr("Connecting to %1…").arg(m_server->currentText()));
    else if (m_step == Step::Authenticating)
        m_status->setText(isSignUp() ? tr("Creating your account…") : tr("Logging in…"));
    else
        m_status->clear();
    refreshServers();
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::refreshServers()
{
    const QString typed = m_server->currentText();
    const QSignalBlocker blocker(m_server);
    m_server->clear();
    if (m_finder) {
        for (const ServerFinder::Server& s : m_finder->servers()) {
            const QString address = s.address.protocol() == QAbstractSocket::IPv6Protocol
                                        ? QLatin1Char('[') + s.address.toString() + QLatin1Char(']')
                                        : s.address.toString();
            const QString hostPort = address + QLatin1Char(':') + QString::number(s.port);
            //: entry of the discovered servers list: %1 server name, %2 address:port
            m_server->addItem(tr("%1 (%2)").arg(s.name, hostPort), hostPort);
            m_server->setItemData(m_server->count() - 1, s.tls, Qt::UserRole + 1);
            m_server->setItemData(m_server->count() - 1, s.fingerprint, Qt::UserRole + 2);
        }
    }
    if (typed.isEmpty() && m_server->count() > 0) {
        m_server->setEditText(m_server->itemData(0).toString());
        m_tls->setChecked(m_server->itemData(0, Qt::UserRole + 1).toBool());
    } else {
        m_server->setEditText(typed);
    }
}

QString LoginDialog::announcedFingerprint() const
{
    for (int i = 0; i < m_server->count(); ++i) {
        if (m_server->itemData(i).toString() == m_server->currentText().trimmed())
            return m_server->itemData(i, Qt::UserRole + 2).toString();
    }
    return {};
}

bool LoginDialog::isSignUp() const
{
    return m_mode->currentIndex() == 1;
}

void LoginDialog::onModeChanged()
{
    const bool signUp = isSignUp();
    m_displayNameLabel->setVisible(signUp);
    m_displayName->setVisible(signUp);
    m_confirmLabel->setVisible(signUp);
    m_confirm->setVisible(signUp);
    m_error->hide();
    if (m_submit)
        m_submit->setText(signUp ? tr("Sign up") : tr("Log in"));
    adjustSize();
}

QString LoginDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void LoginDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LoginDialog::setBusy(Step step)
{
    m_step = step;
    const bool idle = step == Step::Idle;
    for (QWidget* w : std::initializer_list<QWidget*>{m_mode, m_server, m_tls, m_username, m_displayName, m_password,
                                                      m_confirm, m_remember, m_submit}) {
        w->setEnabled(idle);
    }
    retranslateUi();
}

bool LoginDialog::parseServer(const QString& text, QString* host, quint16* port)
{
    QString t = text.trimmed();
    *port = protocol::kDefaultPort;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        *host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return false;
        portText = rest.mid(1);
    } else if (t.count(QLatin1Char(':')) == 1) {
        *host = t.section(QLatin1Char(':'), 0, 0);
        portText = t.section(QLatin1Char(':'), 1);
    } else {
        *host = t; // a bare host name, IPv4 or IPv6 literal without port
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint value = portText.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return false;
        *port = quint16(value);
    }
    return !host->isEmpty() && !host->contains(QLatin1Char(' '));
}

void LoginDialog::onSubmit()
{
    if (m_step != Step::Idle)
        return;
    showError({});
    if (!parseServer(m_server->currentText(), &m_host, &m_port)) {
        showError(tr("Enter the server as host or host:port, e.g. 192.168.1.5:7411."));
        m_server->setFocus();
        return;
    }
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    if (!validName.match(m_username->text().trimmed()).hasMatch()) {
        showError(tr("The user name may only contain letters, digits, '.', '_' and '-' (at most 32)."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Please enter your password."));
        m_password->setFocus();
        return;
    }
    if (isSignUp() && m_password->text().toUtf8().size() < protocol::kMinPasswordBytes) {
        showError(tr("The password needs at least %n characters.", nullptr, protocol::kMinPasswordBytes));
        m_password->setFocus();
        return;
    }
    if (isSignUp() && m_password->text() != m_confirm->text()) {
        showError(tr("The two passwords do not match."));
        m_confirm->setFocus();
        return;
    }
    m_settings.setLastServer(m_host, m_port);
    m_settings.setUseTls(m_tls->isChecked());
    const QString pin = m_settings.pinnedFingerprint(m_host, m_port);
    if (!pin.isEmpty())
        m_client->setPinnedFingerprint(m_host, m_port, pin);
    if (m_client->state() == ChatClient::State::Connected) {
        authenticate();
        return;
    }
    setBusy(Step::Connecting);
    m_client->connectToServer(m_host, m_port, m_tls->isChecked());
}

void LoginDialog::onStateChanged(ChatClient::State state)
{
    if (m_step == Step::Connecting && state == ChatClient::State::Connected) {
        // Credentials go out only after the handshake signals settled (the client would otherwise send
        // them a second time on its own `ready`) and after the user trusted a new certificate.
        m_step = Step::Authenticating;
        QTimer::singleShot(0, this, [this] {
            if (m_step != Step::Authenticating || m_client->state() != ChatClient::State::Connected)
                return;
            if (m_tls->isChecked() && !confirmFirstUse()) {
                m_client->disconnectFromServer();
                setBusy(Step::Idle);
                return;
            }
            authenticate();
        });
    } else if (m_step != Step::Idle &&
               (state == ChatClient::State::Reconnecting || state == ChatClient::State::Offline)) {
        // During login a lost or refused connection is an answer for the user, not something to retry silently.
        const QString detail = m_client->lastConnectionError();
        m_client->disconnectFromServer();
        setBusy(Step::Idle);
        if (m_error->text().isEmpty() || !m_error->isVisible())
            showError(ErrorText::unreachable(detail));
    }
}

bool LoginDialog::confirmFirstUse()
{
    const QString presented = m_client->serverFingerprint();
    if (presented.isEmpty() || !m_settings.pinnedFingerprint(m_host, m_port).isEmpty())
        return true;
    CertificateDialog dialog(CertificateDialog::Mode::FirstUse, m_server->currentText(), presented, {},
                             announcedFingerprint(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    m_settings.setPinnedFingerprint(m_host, m_port, presented);
    m_client->setPinnedFingerprint(m_host, m_port, presented);
    return true;
}

void LoginDialog::onCertificateMismatch(const QString& host, quint16 port, const QString& pinned,
                                        const QString& presented)
{
    const bool wasBusy = m_step != Step::Idle;
    m_client->disconnectFromServer();
    setBusy(Step::Idle);
    showError(tr("The server's certificate has changed. The connection was stopped for your safety."));
    if (!wasBusy || !isVisible())
        return;
    CertificateDialog dialog(CertificateDialog::Mode::Mismatch, m_server->currentText(), presented, pinned,
                             announcedFingerprint(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setPinnedFingerprint(host, port, presented);
    m_client->setPinnedFingerprint(host, port, presented);
    showError({});
    onSubmit();
}

void LoginDialog::authenticate()
{
    setBusy(Step::Authenticating);
    const QString user = m_username->text().trimmed();
    qCInfo(lcApp) << (isSignUp() ? "signing up as" : "logging in as") << user << "at" << m_host << m_port;
    if (isSignUp()) {
        const QString display = m_displayName->text().trimmed();
        m_client->registerAccount(user, m_password->text(), display.isEmpty() ? user : display);
    } else {
        m_client->login(user, m_password->text());
    }
}

} // namespace lanchat
