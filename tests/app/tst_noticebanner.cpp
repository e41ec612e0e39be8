// Announcements in the desktop app, against a real relay in-process: a group owner posts from the app, the member's
// window pins the banner until "I have read this" (also in a fresh start), and the author's status dialog counts
// live, lists who has not acknowledged and exports the CSV. Saves the banner and the status view (English and
// Chinese) when LANCHAT_SHOTS_DIR is set.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "noticebanner.h"
#include "noticecenter.h"
#include "noticecontroller.h"
#include "noticestatusdialog.h"
#include "testserver.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

} // namespace

class tst_NoticeBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void memberAcknowledgesAndAuthorSeesItLive();
    void aPendingNoticeIsShownAgainAfterARestart();
    void aPlainMemberCannotPost();

private:
    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<MainWindow> m_aliceWindow;
    std::unique_ptr<MainWindow> m_bobWindow;
    ConversationId m_group;
};

void tst_NoticeBanner::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("lanchat.ini")));
    m_alice = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_alice, *m_desk.relay, QStringLiteral("alice"), QStringLiteral("Alice Martin")));
    m_bob = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_bob, *m_desk.relay, QStringLiteral("bob"), QStringLiteral("Bob Chen")));
    m_aliceWindow = std::make_unique<MainWindow>(m_alice.get(), *m_desk.settings, m_desk.languages.get());
    m_bobWindow = std::make_unique<MainWindow>(m_bob.get(), *m_desk.settings, m_desk.languages.get());
    m_aliceWindow->resize(900, 600);
    m_bobWindow->resize(900, 600);

    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("Ops team"), {m_bob->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.first().first().value<ConversationId>();
    QVERIFY(m_group.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->conversation(m_group).has_value(), kWaitMs);
}

void tst_NoticeBanner::cleanupTestCase()
{
    m_aliceWindow.reset();
    m_bobWindow.reset();
    m_alice.reset();
    m_bob.reset();
    m_desk.relay.reset();
}

void tst_NoticeBanner::memberAcknowledgesAndAuthorSeesItLive()
{
    NoticeCenter* authorCenter = m_aliceWindow->notices()->center();
    QTRY_VERIFY_WITH_TIMEOUT(authorCenter->isAvailable(), kWaitMs);
    QVERIFY(authorCenter->mayPost(m_group));
    auto* banner = m_bobWindow->findChild<NoticeBanner*>(QStringLiteral("noticeBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isHidden());

    authorCenter->post(m_group, QStringLiteral("Fire drill on Friday at 10:00: leave by the east stairs."), true);

    // The member's window pins it, with the author's name and the button to acknowledge.
    m_bobWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bobWindow.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    auto* text = banner->findChild<QLabel*>(QStringLiteral("noticeBannerText"));
    auto* title = banner->findChild<QLabel*>(QStringLiteral("noticeBannerTitle"));
    auto* ack = banner->findChild<QPushButton*>(QStringLiteral("noticeBannerAck"));
    QVERIFY(text && title && ack);
    QCOMPARE(text->text(), QStringLiteral("Fire drill on Friday at 10:00: leave by the east stairs."));
    QVERIFY2(title->text().startsWith(QStringLiteral("Announcement from Alice Martin")), qPrintable(title->text()));
    QCOMPARE(ack->text(), QStringLiteral("I have read this"));
    m_desk.shoot(m_bobWindow.get(), QStringLiteral("notice-banner"));
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QTRY_COMPARE_WITH_TIMEOUT(ack->text(), QStringLiteral("收到"), kWaitMs);
    m_desk.languages->apply(AppSettings::Language::English);

    // The author's status opened after the post: nobody has acknowledged yet.
    NoticeStatusDialog* status = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((status = m_aliceWindow->findChild<NoticeStatusDialog*>()) != nullptr, kWaitMs);
    auto* count = status->findChild<QLabel*>(QStringLiteral("noticeStatusCount"));
    auto* pending = status->findChild<QListWidget*>(QStringLiteral("noticeStatusPending"));
    auto* remind = status->findChild<QPushButton*>(QStringLiteral("noticeStatusRemind"));
    QVERIFY(count && pending && remind);
    QTRY_COMPARE_WITH_TIMEOUT(pending->count(), 1, kWaitMs);
    // The language switches above reach the dialog as posted events.
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("Acknowledged 0/1"), kWaitMs);
    QCOMPARE(pending->item(0)->text(), QStringLiteral("Bob Chen"));
    QVERIFY(remind->isEnabled());
    m_desk.shoot(status, QStringLiteral("notice-status"));

    // Bob acknowledges: his banner goes, Alice's count follows without her asking.
    QTest::mouseClick(ack, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("Acknowledged 1/1"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(pending->count(), 0, kWaitMs);
    QVERIFY(!remind->isEnabled());

    const QString path = m_desk.dir.filePath(QStringLiteral("ack.csv"));
    QVERIFY(status->exportCsv(path));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("username,display_name,acknowledged_at_utc"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("bob,Bob Chen,20")) && lines.at(1).endsWith(QLatin1Char('Z')),
             qPrintable(lines.at(1)));
    status->close();
}

void tst_NoticeBanner::aPendingNoticeIsShownAgainAfterARestart()
{
    NoticeCenter* authorCenter = m_aliceWindow->notices()->center();
    QSignalSpy posted(authorCenter, &NoticeCenter::noticePosted);
    authorCenter->post(m_group, QStringLiteral("Submit your timesheet by Monday."), true);
    QVERIFY(posted.wait(kWaitMs));
    const qint64 id = posted.first().first().value<NoticeInfo>().id;
    auto* banner = m_bobWindow->findChild<NoticeBanner*>(QStringLiteral("noticeBanner"));
    QTRY_COMPARE_WITH_TIMEOUT(banner->shownNotice(), id, kWaitMs);

    // A new start of the app knows nothing but what the server says: the notice is still pending.
    NoticeCenter fresh(m_bob.get());
    QTRY_COMPARE_WITH_TIMEOUT(fresh.pending().size(), 1, kWaitMs);
    QCOMPARE(fresh.pending().first().id, id);
    QCOMPARE(fresh.pending().first().mustAck, true);
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("noticeBannerAck")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), kWaitMs);
}

void tst_NoticeBanner::aPlainMemberCannotPost()
{
    NoticeCenter* memberCenter = m_bobWindow->notices()->center();
    QVERIFY(!memberCenter->mayPost(m_group));
    QSignalSpy failed(memberCenter, &NoticeCenter::postFailed);
    memberCenter->post(m_group, QStringLiteral("Not mine to say"), true);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().first().value<ErrorCode>(), ErrorCode::Forbidden);
    // What the author's banner shows is true: nothing arrived.
    QVERIFY(m_aliceWindow->notices()->center()->pending().isEmpty());
}

QTEST_MAIN(tst_NoticeBanner)
#include "tst_noticebanner.moc"
