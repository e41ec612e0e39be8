#include "appcontroller.h"

#include "appsettings.h"
#include "chatclient.h"
#include "languagemanager.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "serverfinder.h"
#include "theme.h"
#include "traycontroller.h"

#include <QApplication>
#include <QEventLoop>
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
{
    // Every login with a token replaces it (reconnects included): keep the newest, and only if the user chose so.
    connect(m_client, &ChatClient::deviceTokenChanged, this, [this](const QByteArray& token) {
        if (token.isEmpty() || m_settings->stayLoggedIn())
            m_settings->setDeviceToken(token);
    });
}

AppController::~AppController()
{
    m_window.reset();
}

void AppController::applyStyleSheet()
{
    QFile qss(QStringLiteral(":/style.qss"));
    if (qss.open(QIODevice::ReadOnly))
        Theme::setStyleSheetTemplate(QString::fromUtf8(qss.readAll()));
}

bool AppController::start()
{
    m_languages->apply(m_settings->language());
    Theme::install(Theme::storedMode(*m_settings));
    applyStyleSheet();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lanchat.png")));
    m_finder->start();
    return showLogin({}, true);
}

bool AppController::showLogin(const QString& reason, bool tryToken)
{
    LoginDialog login(m_client, *m_settings, m_finder);
    login.showMessage(reason);
    bool accepted = false;
    if (tryToken && login.startTokenLogin()) {
        // Unseen unless it fails: then the dialog shows why, with the password field empty.
        QEventLoop wait;
        connect(&login, &QDialog::finished, &wait, &QEventLoop::quit);
        connect(&login, &LoginDialog::failed, &wait, &QEventLoop::quit);
        wait.exec();
        accepted = login.result() == QDialog::Accepted;
    }
    if (!accepted && login.exec() != QDialog::Accepted)
        return false;
    m_finder->stop();
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_client, *m_settings, m_languages);
        connect(m_window.get(), &MainWindow::loggedOut, this, [this](const QString& reason) {
            m_settings->setDeviceToken({}); // the server forgot this device too (logout) or will refuse it
            // Back to the login dialog once the window's event handling is done.
            QTimer::singleShot(0, this, [this, reason] {
                m_finder->start();
                if (!showLogin(reason))
                    QApplication::quit();
            });
        });
    }
    m_window->setServerName(m_settings->lastHost() + QLatin1Char(':') + QString::number(m_settings->lastPort()));
    if (m_settings->startMinimised() && m_window->tray()->isAvailable())
        m_window->hide();
    else
        m_window->show();
    return true;
}

} // namespace lanchat
