#include "appcontroller.h"

#include "appsettings.h"
#include "chatclient.h"
#include "languagemanager.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "serverfinder.h"
#include "theme.h"
#include "tokenvault.h"
#include "traycontroller.h"

#include <QApplication>
#include <QFile>
#include <QTimer>

namespace lanchat {

AppController::AppController(QObject* parent)
    : AppController(std::make_unique<AppSettings>(), parent)
{}

AppController::AppController(std::unique_ptr<AppSettings> settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_languages(new LanguageManager(this))
    , m_client(new ChatClient(this))
    , m_finder(new ServerFinder(this))
    , m_vault(new TokenVault(this))
{
    // Every login with a token replaces it (reconnects included): keep the newest, and only if the user chose so.
    // An empty one means the server forgot this device (password changed, session revoked).
    connect(m_client, &ChatClient::deviceTokenChanged, this, [this](const QByteArray& token) {
        if (token.isEmpty())
            m_vault->forget();
        else if (m_settings->stayLoggedIn())
            m_vault->store(m_settings->lastHost(), m_settings->lastPort(), m_settings->lastUsername(), token);
    });
}

AppController::~AppController()
{
    delete m_login;
    m_window.reset();
}

void AppController::applyStyleSheet()
{
    QFile qss(QStringLiteral(":/style.qss"));
    if (qss.open(QIODevice::ReadOnly))
        Theme::setStyleSheetTemplate(QString::fromUtf8(qss.readAll()));
}

void AppController::start()
{
    m_languages->apply(m_settings->language());
    Theme::install(Theme::storedMode(*m_settings));
    applyStyleSheet();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lanchat.png")));
    m_finder->start();
    // Also without a remembered login: the read tells whether there is a keychain at all, which the dialog shows.
    connect(
        m_vault, &TokenVault::loaded, this, [this] { showLogin({}, true); }, Qt::SingleShotConnection);
    m_vault->load(m_settings->lastHost(), m_settings->lastPort(), m_settings->lastUsername());
}

void AppController::showLogin(const QString& reason, bool tryToken)
{
    m_login = new LoginDialog(m_client, *m_settings, *m_vault, m_finder);
    m_login->showMessage(reason);
    connect(m_login, &QDialog::finished, this, &AppController::onLoginFinished);
    if (tryToken && m_login->startTokenLogin()) {
        // Unseen unless it fails: then the dialog shows why, with the password field empty.
        connect(
            m_login, &LoginDialog::failed, m_login, [this] { m_login->open(); }, Qt::SingleShotConnection);
        return;
    }
    m_login->open();
}

void AppController::onLoginFinished(int result)
{
    m_login->deleteLater(); // from its own signal
    m_login = nullptr;
    if (result != QDialog::Accepted) {
        Q_EMIT quitRequested();
        return;
    }
    m_finder->stop();
    showWindow();
}

void AppController::showWindow()
{
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_client, *m_settings, m_languages);
        connect(m_window.get(), &MainWindow::loggedOut, this, [this](const QString& reason) {
            m_vault->forget(); // the server forgot this device too (logout) or will refuse it
            // Back to the login dialog once the window's event handling is done.
            QTimer::singleShot(0, this, [this, reason] {
                m_finder->start();
                showLogin(reason);
            });
        });
    }
    m_window->setServerName(m_settings->lastHost() + QLatin1Char(':') + QString::number(m_settings->lastPort()));
    if (m_settings->startMinimised() && m_window->tray()->isAvailable())
        m_window->hide();
    else
        m_window->show();
    Q_EMIT windowShown();
}

} // namespace lanchat
