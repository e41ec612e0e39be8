// The chat opens at the first unread message: a "New messages" line above it, a "↑ N new messages" button that
// loads history back to it and scrolls there, and "↓" to the bottom. 300 unread messages through a real relay
// in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir). No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"
#include "unreadjumper.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
constexpr int kUnread = 300;

int rowOfText(const QAbstractItemModel* model, const QString& text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(roles::MessageText).toString() == text)
            return row;
    }
    return -1;
}

} // namespace

class tst_UnreadJump : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void opensAtFirstUnread();
    void jumpsBackAndToBottom();
    void restartedClientLoadsHistoryToFirstUnread();
    void fewUnreadOpenAtBottom();

private:
    /** A ConversationView of @p client, shown and active, 600×500. */
    std::unique_ptr<ConversationView> makeView(ChatClient* client);
    /** With LANCHAT_SHOTS_DIR set, saves @p view there as <name>-en.png and <name>-zh.png. */
    /** Where the first unread message ("new 0") is in @p view, relative to the top of the visible area. */
    int firstUnreadTop(ConversationView& view) const;

    AppDesk m_desk;
    std::unique_ptr<QSettings> m_bobState;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    ConversationId m_chat;
};

void tst_UnreadJump::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_bobState = std::make_unique<QSettings>(m_desk.dir.filePath(QStringLiteral("bob.ini")), QSettings::IniFormat);

    m_alice = std::make_unique<ChatClient>();
    m_alice->setSettings(nullptr);
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(m_bobState.get());
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));

    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->openPrivate(m_bob->currentUser().id);
    QVERIFY(opened.wait(kWaitMs));
    m_chat = opened.takeFirst().at(0).value<ConversationId>();

    // Twenty messages Bob has read, then 300 he has not.
    for (int i = 0; i < 20; ++i)
        m_alice->sendText(m_chat, QStringLiteral("old %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), 20, kWaitMs);
    m_bob->markRead(m_chat);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), 0, kWaitMs);
    for (int i = 0; i < kUnread; ++i)
        m_alice->sendText(m_chat, QStringLiteral("new %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), kUnread, kWaitMs);
}

void tst_UnreadJump::cleanupTestCase()
{
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

std::unique_ptr<ConversationView> tst_UnreadJump::makeView(ChatClient* client)
{
    auto view = std::make_unique<ConversationView>(client, *m_desk.settings);
    view->resize(600, 500);
    view->show();
    QApplication::setActiveWindow(view.get());
    return view;
}

int tst_UnreadJump::firstUnreadTop(ConversationView& view) const
{
    QListView* list = view.messageList();
    const int row = rowOfText(list->model(), QStringLiteral("new 0"));
    return row < 0 ? -1000000 : list->visualRect(list->model()->index(row, 0)).top();
}

void tst_UnreadJump::opensAtFirstUnread()
{
    auto view = makeView(m_bob.get());
    QTRY_VERIFY(view->isActiveWindow());
    view->setConversation(m_chat);
    auto* jumper = view->findChild<UnreadJumper*>();
    QVERIFY(jumper);
    // The line sits above the first of the 300, and that message is at the top of the view, not the bottom.
    QTRY_VERIFY_WITH_TIMEOUT(!jumper->isPositionPending(), kWaitMs);
    const QModelIndex first =
        view->messageList()->model()->index(rowOfText(view->messageList()->model(), QStringLiteral("new 0")), 0);
    QCOMPARE(jumper->dividerSeq(), first.data(roles::MessageSeq).toLongLong());
    QCOMPARE(firstUnreadTop(*view), 0);
    QScrollBar* bar = view->messageList()->verticalScrollBar();
    QVERIFY(bar->value() < bar->maximum() - 100);
    // Not at the bottom: nothing was marked read yet, and "↓" offers the way down.
    QCOMPARE(m_bob->conversations()->unread(m_chat), kUnread);
    QVERIFY(jumper->bottomButton()->isVisible());
    QVERIFY(!jumper->firstUnreadButton()->isVisible());
    m_desk.shoot(view.get(), QStringLiteral("unread-divider"));
}

void tst_UnreadJump::jumpsBackAndToBottom()
{
    auto view = makeView(m_bob.get());
    view->setConversation(m_chat);
    auto* jumper = view->findChild<UnreadJumper*>();
    QTRY_VERIFY_WITH_TIMEOUT(!jumper->isPositionPending(), kWaitMs);

    QTest::mouseClick(jumper->bottomButton(), Qt::LeftButton);
    QScrollBar* bar = view->messageList()->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), 0, kWaitMs);
    QVERIFY(!jumper->bottomButton()->isVisible());
    // The line stays while the conversation is open, and the button leads back to it.
    QTRY_VERIFY(jumper->firstUnreadButton()->isVisible());
    QCOMPARE(jumper->firstUnreadButton()->text(), QStringLiteral("↑ 300 new messages"));
    QVERIFY(jumper->dividerSeq() > 0);
    m_desk.shoot(view.get(), QStringLiteral("unread-jump"));
    QCOMPARE(jumper->firstUnreadButton()->text(), QStringLiteral("↑ 300 new messages"));
    QTest::mouseClick(jumper->firstUnreadButton(), Qt::LeftButton);
    QTRY_COMPARE(firstUnreadTop(*view), 0);
    QVERIFY(!jumper->firstUnreadButton()->isVisible());

    // Left and opened again: everything is read now, so no line and the view is at the bottom.
    view->setConversation(ConversationId());
    view->setConversation(m_chat);
    QCOMPARE(jumper->dividerSeq(), Seq(0));
    QVERIFY(!jumper->isPositionPending());
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void tst_UnreadJump::restartedClientLoadsHistoryToFirstUnread()
{
    // 300 more arrive while Bob's client runs but he does not look; then he restarts it. It syncs from its saved
    // position (after them) and holds only the newest page: the first unread is not loaded.
    QCOMPARE(m_bob->conversations()->unread(m_chat), 0);
    for (int i = 0; i < kUnread; ++i)
        m_alice->sendText(m_chat, QStringLiteral("later %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), kUnread, kWaitMs);
    m_bob.reset();
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(m_bobState.get());
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), false));
    MessagesModel* model = m_bob->messages(m_chat);
    QTRY_VERIFY_WITH_TIMEOUT(model->storedCount() > 0 && !model->isLoadingOlder(), kWaitMs);
    QVERIFY2(rowOfText(model, QStringLiteral("later 0")) < 0, "the first unread must not be loaded yet");

    auto view = makeView(m_bob.get());
    view->setConversation(m_chat);
    auto* jumper = view->findChild<UnreadJumper*>();
    QTRY_VERIFY_WITH_TIMEOUT(!jumper->isPositionPending(), kWaitMs);
    QVERIFY(rowOfText(model, QStringLiteral("later 0")) >= 0);
    QListView* list = view->messageList();
    const int row = rowOfText(list->model(), QStringLiteral("later 0"));
    QCOMPARE(jumper->dividerSeq(), list->model()->index(row, 0).data(roles::MessageSeq).toLongLong());
    QCOMPARE(list->visualRect(list->model()->index(row, 0)).top(), 0);
    QCOMPARE(jumper->unreadAtOpen(), kUnread);
    QCOMPARE(jumper->firstUnreadButton()->text(), QStringLiteral("↑ 300 new messages"));
}

void tst_UnreadJump::fewUnreadOpenAtBottom()
{
    auto view = makeView(m_bob.get());
    view->setConversation(m_chat);
    QScrollBar* bar = view->messageList()->verticalScrollBar();
    QTest::mouseClick(view->findChild<UnreadJumper*>()->bottomButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), 0, kWaitMs);
    view->setConversation(ConversationId());

    m_alice->sendText(m_chat, QStringLiteral("one"));
    m_alice->sendText(m_chat, QStringLiteral("two"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), 2, kWaitMs);
    view->setConversation(m_chat);
    auto* jumper = view->findChild<UnreadJumper*>();
    // Both fit below the line: the view stays at the bottom, they count as read, and the line is shown.
    QTRY_VERIFY(!jumper->isPositionPending());
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(jumper->dividerSeq() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_chat), 0, kWaitMs);
    QVERIFY(!jumper->firstUnreadButton()->isVisible());
}

QTEST_MAIN(tst_UnreadJump)
#include "tst_unreadjump.moc"
