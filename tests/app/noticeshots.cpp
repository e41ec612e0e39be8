#include "noticeshots.h"

#include "appsettings.h"
#include "chatclient.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "noticecenter.h"
#include "noticecontroller.h"
#include "noticestatusdialog.h"

#include <QApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>

namespace lanchat::screenshots {

namespace {

constexpr int kWaitMs = 20000;

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

bool fail(const char* what)
{
    std::fprintf(stderr, "lanchat-screenshots: notices: %s\n", what);
    return false;
}

} // namespace

bool saveNoticeStates(ChatClient& alice, ChatClient& bob, ChatClient& carol, ConversationId group, MainWindow& window,
                      LanguageManager& languages, const QString& out, const QString& themeSuffix)
{
    NoticeCenter* mine = window.notices()->center();
    NoticeCenter bobs(&bob);
    NoticeCenter carols(&carol);
    if (!QTest::qWaitFor([&] { return mine->isAvailable() && bobs.isAvailable() && carols.isAvailable(); }, kWaitMs))
        return fail("the server has no notices");

    // Alice's own notice: Carol acknowledges, Bob has not yet.
    QSignalSpy posted(mine, &NoticeCenter::noticePosted);
    mine->post(group, QStringLiteral("Release freeze starts Thursday 18:00. Merge only fixes approved in the review."),
               true);
    if (!posted.wait(kWaitMs))
        return fail("alice's notice not posted");
    const qint64 id = posted.first().first().value<NoticeInfo>().id;
    if (!QTest::qWaitFor([&] { return !carols.pending().isEmpty(); }, kWaitMs))
        return fail("carol got no notice");
    carols.acknowledge(id);
    auto* status = window.findChild<NoticeStatusDialog*>();
    if (!status)
        return fail("no status dialog");
    auto* pending = status->findChild<QListWidget*>(QStringLiteral("noticeStatusPending"));
    if (!QTest::qWaitFor([&] { return mine->postedNotice(id)->acknowledged == 1 && pending->count() == 1; }, kWaitMs))
        return fail("no acknowledgement");

    // Bob's notice to a group of his: pinned on Alice's window.
    QSignalSpy opened(&bob, &ChatClient::conversationOpened);
    bob.createGroup(QStringLiteral("Facilities"), {alice.currentUser().id, carol.currentUser().id});
    if (!opened.wait(kWaitMs))
        return fail("bob's group not created");
    bobs.post(opened.first().first().value<ConversationId>(),
              QStringLiteral("Fire drill on Friday at 10:00: leave by the east stairs and meet at the car park."),
              true);
    if (!QTest::qWaitFor([&] { return !mine->pending().isEmpty(); }, kWaitMs))
        return fail("alice got no notice");

    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        save(&window, out, QStringLiteral("notice-banner-") + suffix + themeSuffix);
        save(status, out, QStringLiteral("notice-status-") + suffix + themeSuffix);
    }
    status->close();
    return true;
}

} // namespace lanchat::screenshots
