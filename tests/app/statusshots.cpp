#include "statusshots.h"

#include "accountdialog.h"
#include "appsettings.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "ownstatus.h"
#include "statusbutton.h"
#include "statuscontroller.h"
#include "statusmenu.h"

#include <QTest>
#include <QTreeWidget>

#include <cstdio>
#include <utility>

using namespace lanchat;

namespace {

constexpr int kWaitMs = 20000;

bool fail(const char* what)
{
    std::fprintf(stderr, "lanchat-screenshots: %s\n", what);
    return false;
}

} // namespace

bool saveStatusStates(MainWindow& window, ChatClient& me, ChatClient& peer, ConversationId chat,
                      LanguageManager& languages, const QString& themeSuffix, const ShotHooks& hooks)
{
    OwnStatus peerStatus(&peer);
    const UserId peerId = peer.currentUser().id;
    peerStatus.set(QStringLiteral("busy"), QStringLiteral("在开会，下午回复"));
    if (!QTest::qWaitFor([&] { return me.contacts()->statusOf(peerId) == QLatin1String("busy"); }, kWaitMs))
        return fail("peer status");
    window.openConversation(chat);
    const QList<std::pair<AppSettings::Language, QString>> languageTags{
        {AppSettings::Language::English, QStringLiteral("en")},
        {AppSettings::Language::Chinese, QStringLiteral("zh_CN")}};
    OwnStatus* own = window.statusController()->ownStatus();
    own->set(QStringLiteral("dnd"), QString());
    if (!QTest::qWaitFor([&] { return own->isDoNotDisturb(); }, kWaitMs))
        return fail("own status");
    StatusButton* button = window.statusController()->button();
    for (const auto& [language, suffix] : languageTags) {
        languages.apply(language);
        hooks.save(&window, QStringLiteral("status-header-") + suffix + themeSuffix);
        StatusMenu* menu = button->statusMenu();
        menu->popup(button->mapToGlobal(QPoint(0, button->height())));
        if (!QTest::qWaitForWindowExposed(menu))
            return fail("status menu");
        hooks.save(menu, QStringLiteral("status-menu-") + suffix + themeSuffix);
        menu->hide();
        AccountDialog dialog(&me, &window);
        dialog.show();
        if (!QTest::qWaitForWindowExposed(&dialog) ||
            !QTest::qWaitFor([&] { return dialog.sessionList()->topLevelItemCount() > 0; }, kWaitMs))
            return fail("account dialog");
        hooks.save(&dialog, QStringLiteral("account-") + suffix + themeSuffix);
    }
    own->set(QStringLiteral("online"), QString());
    peerStatus.set(QStringLiteral("online"), QString());
    return QTest::qWaitFor([&] { return me.contacts()->statusOf(peerId) == QLatin1String("online"); }, kWaitMs) ||
           fail("peer back online");
}
