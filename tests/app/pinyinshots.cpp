#include "pinyinshots.h"

#include "appsettings.h"
#include "chatclient.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "sidebar.h"

#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

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

ConversationId opened(ChatClient& client, const std::function<void()>& open)
{
    QSignalSpy spy(&client, &ChatClient::conversationOpened);
    open();
    return spy.wait(kWaitMs) ? spy.last().first().value<ConversationId>() : ConversationId();
}

bool say(ChatClient& from, ConversationId conversation, const QString& text, ChatClient& to)
{
    QSignalSpy received(&to, &ChatClient::messageReceived);
    from.sendText(conversation, text);
    return received.wait(kWaitMs);
}

} // namespace

bool savePinyinStates(MainWindow& window, ChatClient& me, LanguageManager& languages, const QString& themeSuffix,
                      const ShotHooks& hooks)
{
    // Two people only: the server limits sign-ups per address, and the scene has three already.
    ChatClient zhang;
    ChatClient wang;
    for (ChatClient* c : {&zhang, &wang})
        c->setSettings(nullptr);
    if (!hooks.enter(zhang, QStringLiteral("zhang.san"), QStringLiteral("张三")) ||
        !hooks.enter(wang, QStringLiteral("wang.xm"), QStringLiteral("王小明")))
        return fail("pinyin users");
    const UserId meId = me.currentUser().id;
    const ConversationId withZhang = opened(zhang, [&] { zhang.openPrivate(meId); });
    const ConversationId withWang = opened(wang, [&] { wang.openPrivate(meId); });
    if (!withZhang.isValid() || !withWang.isValid() ||
        !say(zhang, withZhang, QStringLiteral("周五的评审材料我放到共享盘了"), me) ||
        !say(wang, withWang, QStringLiteral("Build 2.4 is green, shipping at 5"), me))
        return fail("pinyin chats");
    const ConversationId group = opened(me, [&] {
        me.createGroup(QStringLiteral("项目组"), {zhang.currentUser().id, wang.currentUser().id});
    });
    if (!group.isValid() || !QTest::qWaitFor([&] { return me.conversations()->rowOf(group) >= 0; }, kWaitMs))
        return fail("pinyin group");

    auto* search = window.sidebar()->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    window.openConversation(withZhang);
    me.markRead(withZhang);
    const QList<std::pair<AppSettings::Language, QString>> languageTags{
        {AppSettings::Language::English, QStringLiteral("en")},
        {AppSettings::Language::Chinese, QStringLiteral("zh_CN")}};
    for (const auto& [language, suffix] : languageTags) {
        languages.apply(language);
        search->clear();
        QTest::keyClicks(search, QStringLiteral("zs"));
        hooks.save(&window, QStringLiteral("pinyin-sidebar-") + suffix + themeSuffix);
    }
    search->clear();
    window.openConversation(group);
    MessageInput* input = window.conversationView()->input();
    for (const auto& [language, suffix] : languageTags) {
        languages.apply(language);
        input->clear();
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("@wxm"));
        hooks.save(&window, QStringLiteral("pinyin-mention-") + suffix + themeSuffix);
    }
    input->clear();
    return true;
}
