#include "appcontroller.h"
#include "automationhook.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LanChat"));
    QApplication::setApplicationName(QStringLiteral("lanchat"));
    QApplication::setApplicationDisplayName(QStringLiteral("LanChat"));
    QApplication::setApplicationVersion(QStringLiteral(LANCHAT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("lanchat"));
    // --version and --help exit here, after the platform plugin loaded: the package check starts the installed
    // client offscreen this way.
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    // The tray keeps the app alive while the window is hidden; quitting is explicit (tray or menu).
    QApplication::setQuitOnLastWindowClosed(false);

    // End-to-end scripts find widgets through this hook; it exists only when LANCHAT_AUTOMATION_SOCKET is set.
    lanchat::AutomationHook::installFromEnvironment(&app);
    lanchat::AppController controller;
    // Queued: the user may quit before exec() runs the event loop that quit() ends.
    QObject::connect(&controller, &lanchat::AppController::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.start();
    return QApplication::exec();
}
