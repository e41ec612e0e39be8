#include "appdesk.h"

#include "appsettings.h"
#include "languagemanager.h"
#include "testserver.h"

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

} // namespace lanchat::test
