#include "searchshots.h"

#include "appsettings.h"
#include "chatclient.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messagesearch.h"
#include "searchdock.h"
#include "searchpanel.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>

namespace lanchat::screenshots {

namespace {

constexpr int kWaitMs = 20000;

bool say(ChatClient& from, ConversationId conversation, const QString& text, ChatClient& to)
{
    QSignalSpy received(&to, &ChatClient::messageReceived);
    from.sendText(conversation, text);
    return received.wait(kWaitMs);
}

bool search(SearchPanel* panel, const QString& query)
{
    panel->field()->setText(query);
    panel->search()->searchNow();
    return QTest::qWaitFor([&] { return panel->search()->status() != MessageSearch::Status::Searching; }, kWaitMs);
}

void save(QWidget* widget, const QString& out, const QString& name)
{
    QApplication::processEvents();
    QTest::qWait(150); // let queued layouts and repaints settle before grabbing
    const QString path = out + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        std::fprintf(stderr, "lanchat-screenshots: cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

} // namespace

bool saveSearchStates(ChatClient& alice, ChatClient& bob, ChatClient& carol, ConversationId chat, ConversationId group,
                      MainWindow& window, LanguageManager& languages, const QString& out, const QString& themeSuffix)
{
    if (!say(carol, group,
             QStringLiteral("Q3 报告的草稿已上传到共享文件夹，周五评审前请大家看一下，有问题直接在文档里批注。"),
             alice) ||
        !say(bob, chat, QStringLiteral("报告里的图表我更新了"), alice) ||
        !say(carol, group, QStringLiteral("Report template for Project Apollo with a very long title that cannot fit"),
             alice)) {
        std::fprintf(stderr, "lanchat-screenshots: search messages not delivered\n");
        return false;
    }
    SearchDock* dock = window.searchDock();
    SearchPanel* panel = dock->panel();
    const QSize size = window.size();
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        window.resize(size);
        window.openConversation(chat);
        dock->open(ConversationId());
        if (!search(panel, QStringLiteral("报告")))
            return false;
        save(&window, out, QStringLiteral("search-") + suffix + themeSuffix);
        // A small window, searching in the open chat only: titles and excerpts must elide, not overflow.
        window.resize(960, 600);
        dock->open(chat);
        if (!search(panel, QStringLiteral("report")))
            return false;
        save(&window, out, QStringLiteral("search-in-chat-") + suffix + themeSuffix);
        dock->dismiss();
    }
    window.resize(size);
    return true;
}

} // namespace lanchat::screenshots
