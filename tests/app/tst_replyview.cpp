// Replies in the desktop app over a real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir): "Reply"
// from a message's context menu shows "Replying to …" above the input, Esc cancels it, the sent bubble shows the
// quote, and clicking the quote of a reply whose original is not loaded loads the history around it, scrolls
// there and highlights it; scrolling down then joins the live tail. No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "messagedelegate.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "replybar.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
constexpr int kFillers = 150;

int rowOfText(const QAbstractItemModel* model, const QString& text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(roles::MessageText).toString() == text)
            return row;
    }
    return -1;
}

/** Opens the context menu of @p row and triggers its entry @p text; false when the menu has no such entry. */
bool triggerMenuEntry(QListView* list, int row, const QString& text)
{
    bool found = false;
    QTimer::singleShot(0, list, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions()) {
            if (action->text() == text) {
                found = true;
                menu->close();
                action->trigger();
                return;
            }
        }
        menu->close();
    });
    const QRect rect = list->visualRect(list->model()->index(row, 0));
    Q_EMIT list->customContextMenuRequested(rect.center());
    return found;
}

} // namespace

class tst_ReplyView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void replyFromMenuShowsBarAndQuote();
    void clickOnQuoteJumpsToUnloadedOriginal();

private:
    std::unique_ptr<ConversationView> makeView(ChatClient* client);

    AppDesk m_desk;
    std::unique_ptr<QSettings> m_bobState;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    ConversationId m_chat;
    Seq m_original = 0;
};

void tst_ReplyView::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_bobState = std::make_unique<QSettings>(m_desk.dir.filePath(QStringLiteral("bob.ini")), QSettings::IniFormat);
    m_alice = std::make_unique<ChatClient>();
    m_alice->setSettings(nullptr);
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(m_bobState.get());
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    m_chat = openPrivate(*m_alice, m_bob->currentUser().id);
    QVERIFY(m_chat.isValid());

    m_alice->sendText(m_chat, QStringLiteral("Can you review the release notes?\nThey are in the wiki."));
    for (int i = 0; i < kFillers; ++i)
        m_alice->sendText(m_chat, QStringLiteral("filler %1").arg(i));
    MessagesModel* model = m_bob->messages(m_chat);
    QTRY_COMPARE_WITH_TIMEOUT(model->storedCount(), kFillers + 1, kWaitMs);
    m_original = model->index(0).data(roles::MessageSeq).toLongLong();
}

void tst_ReplyView::cleanupTestCase()
{
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

std::unique_ptr<ConversationView> tst_ReplyView::makeView(ChatClient* client)
{
    auto view = std::make_unique<ConversationView>(client, *m_desk.settings);
    view->resize(600, 500);
    view->show();
    QApplication::setActiveWindow(view.get());
    return view;
}

void tst_ReplyView::replyFromMenuShowsBarAndQuote()
{
    auto view = makeView(m_bob.get());
    view->setConversation(m_chat);
    QListView* list = view->messageList();
    auto* bar = child<ReplyBar>(view.get(), "replyBar");
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());

    // "Reply" on the last filler: the bar names Alice and the message.
    const int filler = rowOfText(list->model(), QStringLiteral("filler %1").arg(kFillers - 1));
    list->scrollToBottom();
    QVERIFY(triggerMenuEntry(list, filler, QStringLiteral("Reply")));
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("Replying to ALICE: filler %1").arg(kFillers - 1));
    QVERIFY(view->input()->hasFocus() || !view->isActiveWindow());
    m_desk.shoot(view.get(), QStringLiteral("reply-bar"));

    // Esc in the input cancels the reply, not the text.
    QTest::keyClicks(view->input(), QStringLiteral("draft"));
    QTest::keyClick(view->input(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(view->input()->toPlainText(), QStringLiteral("draft"));
    view->input()->clear();

    // Ctrl+R on the selected message starts it again; the sent bubble carries the quote.
    list->setCurrentIndex(list->model()->index(filler, 0));
    QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QTest::keyClicks(view->input(), QStringLiteral("Done, see my notes"));
    QTest::keyClick(view->input(), Qt::Key_Return);
    QVERIFY(!bar->isVisible());
    const QAbstractItemModel* model = list->model();
    const int sent = rowOfText(model, QStringLiteral("Done, see my notes"));
    QVERIFY(sent >= 0);
    const QModelIndex reply = model->index(sent, 0);
    QCOMPARE(reply.data(roles::MessageReplyState).toInt(), int(ReplyQuoteState::Shown));
    QCOMPARE(reply.data(roles::MessageReplyText).toString(), QStringLiteral("filler %1").arg(kFillers - 1));
    QTRY_COMPARE_WITH_TIMEOUT(reply.data(roles::MessageDeliveryState).toInt(), int(DeliveryState::Sent), kWaitMs);

    // The quote makes the bubble taller than the same one-line message without one.
    m_bob->sendText(m_chat, QStringLiteral("Done, no quote"));
    const int plain = rowOfText(model, QStringLiteral("Done, no quote"));
    QTRY_VERIFY(list->visualRect(model->index(plain, 0)).isValid());
    QVERIFY(list->visualRect(model->index(sent, 0)).height() > list->visualRect(model->index(plain, 0)).height() + 20);

    // And a reply to the first message, far above what a restarted client will hold.
    const QUuid far = m_bob->sendReply(m_chat, QStringLiteral("About the notes: approved"), m_original);
    const MessagesModel* messages = m_bob->messages(m_chat);
    QTRY_COMPARE_WITH_TIMEOUT(messages->index(messages->rowOfClientId(far)).data(roles::MessageDeliveryState).toInt(),
                              int(DeliveryState::Sent), kWaitMs);
    list->scrollToBottom();
    m_desk.shoot(view.get(), QStringLiteral("reply-quote"));
}

void tst_ReplyView::clickOnQuoteJumpsToUnloadedOriginal()
{
    // Bob restarts: his client holds only the newest page, without the original of his last reply.
    m_bob.reset();
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(m_bobState.get());
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), false));
    MessagesModel* model = m_bob->messages(m_chat);
    QTRY_VERIFY_WITH_TIMEOUT(model->storedCount() > 0 && !model->isLoadingOlder(), kWaitMs);
    QCOMPARE(model->rowOfSeq(m_original), -1);

    auto view = makeView(m_bob.get());
    view->setConversation(m_chat);
    QListView* list = view->messageList();
    list->scrollToBottom();
    const int replyRow = rowOfText(model, QStringLiteral("About the notes: approved"));
    QVERIFY(replyRow >= 0);
    QCOMPARE(model->index(replyRow).data(roles::MessageReplyText).toString(),
             QStringLiteral("Can you review the release notes?"));
    QTRY_VERIFY(list->visualRect(model->index(replyRow)).isValid());

    // Click down the reply's bubble until the quote answers (its place depends on fonts and the bubble).
    auto* delegate = view->findChild<MessageDelegate*>();
    QVERIFY(delegate);
    QSignalSpy clicked(delegate, &MessageDelegate::quoteClicked);
    const QRect rect = list->visualRect(model->index(replyRow));
    const int x = rect.right() - 12 - 32 - 8 - 10 - 20; // inside an own bubble, right-aligned beside the avatar
    for (int y = rect.top(); y <= rect.bottom() && clicked.isEmpty(); y += 2)
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(x, y));
    QCOMPARE(clicked.count(), 1);

    // The original is loaded, on screen and highlighted; the highlight goes by itself.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOfSeq(m_original) >= 0, kWaitMs);
    const QModelIndex original = model->index(model->rowOfSeq(m_original));
    QTRY_VERIFY(list->selectionModel()->isSelected(original));
    QVERIFY(list->viewport()->rect().intersects(list->visualRect(original)));
    QVERIFY(model->gapAfter() > 0);
    m_desk.shoot(view.get(), QStringLiteral("reply-jump"));
    QTRY_VERIFY(!list->selectionModel()->isSelected(original));

    // Scrolling down from there loads newer pages until they join the live tail.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (model->gapAfter() > 0)
                list->scrollTo(model->index(model->rowOfSeq(model->gapAfter())), QAbstractItemView::PositionAtBottom);
            return model->gapAfter() == 0;
        }(),
        kWaitMs);
    QCOMPARE(model->storedCount(), kFillers + 1 + 3);
}

QTEST_MAIN(tst_ReplyView)
#include "tst_replyview.moc"
