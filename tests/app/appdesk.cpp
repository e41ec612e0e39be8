#include "appdesk.h"

#include "appsettings.h"
#include "languagemanager.h"
#include "testserver.h"

#include <QApplication>
#include <QWidget>
#include <QtDebug>

namespace lanchat::test {

AppDesk::AppDesk() = default;
AppDesk::~AppDesk() = default;

bool AppDesk::start(bool tls, const QString& settingsFile)
{
    if (!dir.isValid()) {
        qWarning("AppDesk: no temporary folder");
        return false;
    }
    relay = std::make_unique<TestServer>(tls);
    if (!relay->start())
        return false;
    settings = std::make_unique<AppSettings>(dir.filePath(settingsFile));
    settings->setCloseToTray(false);
    languages = std::make_unique<LanguageManager>();
    languages->apply(AppSettings::Language::English);
    return true;
}

void AppDesk::shoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    languages->apply(AppSettings::Language::Chinese);
    QApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral("-zh.png"));
    languages->apply(AppSettings::Language::English);
    QApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral("-en.png"));
}

} // namespace lanchat::test
