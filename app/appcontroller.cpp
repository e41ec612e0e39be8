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
#include <QFile>
#include <QTimer>

namespace lanchat {

AppController::AppController(QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<AppSettings>())
    , m_languages(new LanguageManager(this))
    , m_client(new ChatClient(this))
    , m_finder(new ServerFinder(this))
{}

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
    return showLogin();
}

bool AppController::showLogin(const QString& reason)
{
    LoginDialog login(m_client, *m_settings, m_finder);
    login.showMessage(reason);
    if (login.exec() != QDialog::Accepted)
        return false;
    m_finder->stop();
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_client, *m_settings, m_languages);
        connect(m_window.get(), &MainWindow::loggedOut, this, [this](const QString& reason) {
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
