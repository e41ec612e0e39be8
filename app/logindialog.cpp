#include "logindialog.h"

#include "appsettings.h"
#include "certificatedialog.h"
#include "clientconnection.h"
#include "errortext.h"
#include "logging.h"
#include "protocol.h"
#include "serverchooser.h"
#include "stayloggedinbox.h"
#include "tokenvault.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

namespace lanchat {

LoginDialog::LoginDialog(ChatClient* client, AppSettings& settings, TokenVault& vault, ServerFinder* finder,
                         QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_settings(settings)
    , m_vault(vault)
{
    setObjectName(QStringLiteral("loginDialog"));
    m_server = new ServerChooser(finder, this);
    buildUi();
    if (!m_settings.lastHost().isEmpty())
        m_server->setServer(m_settings.lastHost(), m_settings.lastPort());
    m_username->setText(m_settings.lastUsername());
    m_remember->setChecked(m_settings.stayLoggedIn());
    connect(m_client, &ChatClient::stateChanged, this, &LoginDialog::onStateChanged);
    connect(m_client, &ChatClient::registrationChanged, this, &LoginDialog::updateSignUpUi);
    connect(m_client, &ChatClient::loggedIn, this, [this] {
        setBusy(Step::Idle);
        accept();
    });
    connect(m_client, &ChatClient::loginFailed, this, [this](ErrorCode code, const QString&) {
        if (m_step == Step::Idle)
            return;
        if (code == ErrorCode::BadToken) {
            m_vault.forget(); // used up or revoked: only the password logs in now
            m_password->clear();
        }
        if (code == ErrorCode::BadInvite) {
            m_inviteAsked = true;
            updateSignUpUi();
            fail(ErrorText::message(code), m_invite);
            return;
        }
        fail(ErrorText::message(code));
    });
    connect(m_client, &ChatClient::certificateMismatch, this, &LoginDialog::onCertificateMismatch);
    retranslateUi();
    setMinimumWidth(420);
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void LoginDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    auto* logo = new QLabel(this);
    // From the 256 px image at the screen's scale: sharp at 200 %.
    logo->setPixmap(QIcon(QStringLiteral(":/icons/lanchat.png")).pixmap(QSize(56, 56), devicePixelRatioF()));
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
    field(m_serverLabel, m_server, "serverCombo");
    m_server->lineEdit()->setObjectName(QStringLiteral("serverEdit"));
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
    m_invite = new QLineEdit(this);
    m_invite->setMaxLength(256);
    field(m_inviteLabel, m_invite, "inviteEdit");
    m_remember = new StayLoggedInBox(m_vault, this);
    form->addRow(QString(), m_remember);
    layout->addLayout(form);

    m_signUpNote = new QLabel(this);
    m_signUpNote->setObjectName(QStringLiteral("signUpNote"));
    m_signUpNote->setWordWrap(true);
    layout->addWidget(m_signUpNote);
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
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    // Never the default, not even while focused: Enter after a failed attempt must retry, not quit.
    m_cancel->setAutoDefault(false);
    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setAutoDefault(true);
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
    connect(m_server, &QComboBox::editTextChanged, this, [this] {
        m_inviteAsked = false;
        updateSignUpUi();
    });
    onModeChanged();
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("LanChat"));
    m_mode->setTabText(0, tr("Log in"));
    m_mode->setTabText(1, tr("Sign up"));
    m_serverLabel->setText(tr("&Server:"));
    m_usernameLabel->setText(tr("&User name:"));
    m_username->setPlaceholderText(tr("letters, digits, . _ -"));
    m_displayNameLabel->setText(tr("&Display name:"));
    m_displayName->setPlaceholderText(tr("shown to your colleagues, e.g. 张伟"));
    m_passwordLabel->setText(tr("&Password:"));
    m_confirmLabel->setText(tr("&Confirm password:"));
    m_inviteLabel->setText(tr("&Invite code:"));
    m_invite->setPlaceholderText(tr("from your administrator"));
    m_signUpNote->setText(ErrorText::message(ErrorCode::RegistrationDisabled));
    m_cancel->setText(m_step == Step::Idle ? tr("Quit") : tr("Stop"));
    m_submit->setText(isSignUp() ? tr("Sign up") : tr("Log in"));
    if (m_step == Step::Connecting)
        m_status->setText(tr("Connecting to %1…").arg(m_server->currentText()));
    else if (m_step == Step::Authenticating)
        m_status->setText(isSignUp() ? tr("Creating your account…") : tr("Logging in…"));
    else
        m_status->clear();
    m_server->retranslateUi();
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
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
    updateSignUpUi();
}

ChatClient::Registration LoginDialog::knownRegistration() const
{
    QString host;
    quint16 port = 0;
    const ClientConnection* connection = m_client->connection();
    if (!parseServer(m_server->serverText(), &host, &port) ||
        ClientConnection::endpointKey(host, port) !=
            ClientConnection::endpointKey(connection->host(), connection->port()))
        return ChatClient::Registration::Unknown;
    return m_client->registration();
}

void LoginDialog::updateSignUpUi()
{
    const ChatClient::Registration mode = knownRegistration();
    const bool signUp = isSignUp();
    const bool invite = signUp && (mode == ChatClient::Registration::Invite || m_inviteAsked);
    m_inviteLabel->setVisible(invite);
    m_invite->setVisible(invite);
    m_signUpNote->setVisible(signUp && mode == ChatClient::Registration::Off);
    adjustSize();
}

void LoginDialog::showMessage(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString LoginDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void LoginDialog::fail(const QString& text, QLineEdit* focus)
{
    m_step = Step::Idle; // first: the disconnect below is our doing, not an answer to report
    m_client->disconnectFromServer();
    setBusy(Step::Idle);
    showMessage(text);
    QLineEdit* target = focus ? focus : m_password;
    target->setFocus();
    target->selectAll();
    Q_EMIT failed();
}

void LoginDialog::setBusy(Step step)
{
    m_step = step;
    const bool idle = step == Step::Idle;
    for (QWidget* w : std::initializer_list<QWidget*>{m_mode, m_server, m_username, m_displayName, m_password,
                                                      m_confirm, m_invite, m_remember, m_submit}) {
        w->setEnabled(idle);
    }
    retranslateUi();
}

bool LoginDialog::parseServer(const QString& text, QString* host, quint16* port)
{
    return ServerChooser::parse(text, host, port);
}

void LoginDialog::onSubmit()
{
    if (m_step != Step::Idle)
        return;
    showMessage({});
    if (!parseServer(m_server->currentText(), &m_host, &m_port)) {
        showMessage(tr("Enter the server as host or host:port, e.g. 192.168.1.5:7411."));
        m_server->setFocus();
        return;
    }
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    if (!validName.match(m_username->text().trimmed()).hasMatch()) {
        showMessage(tr("The user name may only contain letters, digits, '.', '_' and '-' (at most 32)."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty() && !canUseToken()) {
        showMessage(tr("Please enter your password."));
        m_password->setFocus();
        return;
    }
    if (isSignUp() && m_password->text().toUtf8().size() < protocol::kMinPasswordBytes) {
        showMessage(tr("The password needs at least %n characters.", nullptr, protocol::kMinPasswordBytes));
        m_password->setFocus();
        return;
    }
    if (isSignUp() && m_password->text() != m_confirm->text()) {
        showMessage(tr("The two passwords do not match."));
        m_confirm->setFocus();
        return;
    }
    m_settings.setLastServer(m_host, m_port);
    const QString pin = m_settings.pinnedFingerprint(m_host, m_port);
    if (!pin.isEmpty())
        m_client->setPinnedFingerprint(m_host, m_port, pin);
    if (m_client->state() == ChatClient::State::Connected) {
        if (!isSignUp() || signUpPossible())
            authenticate();
        return;
    }
    setBusy(Step::Connecting);
    m_client->connectToServer(m_host, m_port, true);
}

void LoginDialog::onStateChanged(ChatClient::State state)
{
    if (m_step == Step::Connecting && state == ChatClient::State::Connected) {
        // Credentials go out only after the handshake signals settled (the client would otherwise send
        // them a second time on its own `ready`) and after the user trusted a new certificate.
        m_step = Step::Authenticating;
        QTimer::singleShot(0, this, &LoginDialog::onConnected);
    } else if (m_step != Step::Idle &&
               (state == ChatClient::State::Reconnecting || state == ChatClient::State::Offline)) {
        // During login a lost or refused connection is an answer for the user, not something to retry silently.
        const bool shown = !m_error->text().isEmpty() && m_error->isVisible();
        fail(shown ? m_error->text() : ErrorText::unreachable(m_client->lastConnectionError()));
    }
}

void LoginDialog::onConnected()
{
    if (m_step != Step::Authenticating || m_client->state() != ChatClient::State::Connected)
        return;
    if (!confirmFirstUse()) {
        setBusy(Step::Idle); // first: the user's choice, not a connection failure to report
        m_client->disconnectFromServer();
        return;
    }
    if (!isSignUp() || signUpPossible())
        authenticate();
}

bool LoginDialog::signUpPossible()
{
    updateSignUpUi();
    switch (m_client->registration()) {
    case ChatClient::Registration::Off:
        fail(QString(), m_username); // the sign-up note, now shown, says why; no need to say it twice
        return false;
    case ChatClient::Registration::Invite:
        if (!m_invite->text().trimmed().isEmpty())
            return true;
        fail(tr("This server needs an invite code to sign up. Enter the code your administrator gave you."), m_invite);
        return false;
    case ChatClient::Registration::Unknown:
    case ChatClient::Registration::Open:
        break;
    }
    return true;
}

bool LoginDialog::confirmFirstUse()
{
    const QString presented = m_client->serverFingerprint();
    if (presented.isEmpty() || !m_settings.pinnedFingerprint(m_host, m_port).isEmpty())
        return true;
    CertificateDialog dialog(CertificateDialog::Mode::FirstUse, m_server->currentText(), presented, {},
                             m_server->announcedFingerprint(), this);
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
    fail(tr("The server's certificate has changed. The connection was stopped for your safety."));
    if (!wasBusy || !isVisible())
        return;
    CertificateDialog dialog(CertificateDialog::Mode::Mismatch, m_server->currentText(), presented, pinned,
                             m_server->announcedFingerprint(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setPinnedFingerprint(host, port, presented);
    m_client->setPinnedFingerprint(host, port, presented);
    showMessage({});
    onSubmit();
}

void LoginDialog::authenticate()
{
    setBusy(Step::Authenticating);
    const QString user = m_username->text().trimmed();
    // Before the reply: a device token arriving with it belongs to this server and user.
    m_settings.setLastUsername(user);
    m_settings.setStayLoggedIn(m_remember->isChecked());
    if (!m_remember->isChecked() || storedToken().isEmpty())
        m_vault.forget(); // the token of another server or user, or one the user no longer wants kept
    qCInfo(lcApp) << (isSignUp() ? "signing up as" : "logging in as") << user << "at" << m_host << m_port;
    if (isSignUp()) {
        const QString display = m_displayName->text().trimmed();
        // A server that does not ask for an invite code ignores it.
        m_client->registerAccount(user, m_password->text(), display.isEmpty() ? user : display,
                                  m_invite->text().trimmed(), m_remember->isChecked(), deviceName());
    } else if (m_password->text().isEmpty() && canUseToken()) {
        m_client->loginWithToken(user, storedToken());
    } else {
        m_client->login(user, m_password->text(), m_remember->isChecked(), deviceName());
    }
}

bool LoginDialog::startTokenLogin()
{
    if (m_settings.lastHost().isEmpty() || m_settings.lastUsername().isEmpty() || !m_settings.stayLoggedIn() ||
        m_vault.tokenFor(m_settings.lastHost(), m_settings.lastPort(), m_settings.lastUsername()).isEmpty())
        return false;
    m_server->setServer(m_settings.lastHost(), m_settings.lastPort());
    m_username->setText(m_settings.lastUsername());
    m_password->clear();
    m_mode->setCurrentIndex(0);
    onSubmit();
    return m_step != Step::Idle;
}

bool LoginDialog::canUseToken() const
{
    return !isSignUp() && m_remember->isChecked() && !storedToken().isEmpty();
}

QByteArray LoginDialog::storedToken() const
{
    return m_vault.tokenFor(m_host, m_port, m_username->text().trimmed());
}

QString LoginDialog::deviceName()
{
    // Shown to the administrator in `lanchat-server user tokens`; not translated (the server's admin reads it).
    const QString host = QSysInfo::machineHostName();
    return QStringLiteral("LanChat desktop on %1 (%2)")
        .arg(host.isEmpty() ? QStringLiteral("?") : host, QSysInfo::prettyProductName());
}

} // namespace lanchat
