// A draft per conversation (kept when switching chats and across a restart, shown as "[Draft] text" in the list)
// and pinned conversations (context menu "Pin to top", above the others, kept across a restart), in the real main
// window against a real relay in-process (127.0.0.1, port 0). No sleeps: QTRY_* and QSignalSpy::wait only.
// With LANCHAT_SHOTS_DIR set, the sidebar and chat are also written there as PNGs in English and Chinese.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "draftstore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "pinnedconversations.h"
#include "sidebar.h"
#include "testserver.h"
#include "unreadjumper.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QListView>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

/** The conversation ids in the order the sidebar lists them. */
QList<qint64> listed(const QListView* list)
{
    QList<qint64> ids;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        ids.append(list->model()->index(row, 0).data(roles::ConversationId).toLongLong());
    return ids;
}

bool holds(const QAbstractItemModel* model, const QString& text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(roles::MessageText).toString() == text &&
            DeliveryState(model->index(row, 0).data(roles::MessageDeliveryState).toInt()) == DeliveryState::Sent)
            return true;
    }
    return false;
}

QModelIndex rowOf(const QListView* list, ConversationId id)
{
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(roles::ConversationId).toLongLong() == id.value())
            return index;
    }
    return {};
}

} // namespace

class tst_DraftsAndPins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void draftKeptPerConversation();
    void sendingClearsTheDraft();
    void pinFromContextMenu();
    void survivesRestart();

private:
    void startBob(bool signUp);
    void shoot(const QString& name);
    /** Opens the sidebar's context menu on @p conversation and triggers its pin/unpin action. */
    void togglePinThroughMenu(ConversationId conversation, const QString& expectedText);

    AppDesk m_desk;
    std::unique_ptr<QSettings> m_bobState;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_carol;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_withAlice;
    ConversationId m_withCarol;
};

void tst_DraftsAndPins::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_bobState = std::make_unique<QSettings>(m_desk.dir.filePath(QStringLiteral("bob.ini")), QSettings::IniFormat);

    m_alice = std::make_unique<ChatClient>();
    m_alice->setSettings(nullptr);
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    m_carol = std::make_unique<ChatClient>();
    m_carol->setSettings(nullptr);
    QVERIFY(enter(*m_carol, *m_desk.relay, QStringLiteral("carol"), true));
    startBob(true);

    QSignalSpy aliceOpened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->openPrivate(m_bob->currentUser().id);
    QVERIFY(aliceOpened.wait(kWaitMs));
    m_withAlice = aliceOpened.takeFirst().at(0).value<ConversationId>();
    QSignalSpy carolOpened(m_carol.get(), &ChatClient::conversationOpened);
    m_carol->openPrivate(m_bob->currentUser().id);
    QVERIFY(carolOpened.wait(kWaitMs));
    m_withCarol = carolOpened.takeFirst().at(0).value<ConversationId>();
    m_alice->sendText(m_withAlice, QStringLiteral("hi from alice"));
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->rowOf(m_withAlice) >= 0, kWaitMs);
    m_carol->sendText(m_withCarol, QStringLiteral("hi from carol"));
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->rowOf(m_withCarol) == 0, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(holds(m_bob->messages(m_withAlice), QStringLiteral("hi from alice")), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(holds(m_bob->messages(m_withCarol), QStringLiteral("hi from carol")), kWaitMs);
}

void tst_DraftsAndPins::cleanupTestCase()
{
    m_window.reset();
    m_bob.reset();
    m_carol.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

void tst_DraftsAndPins::startBob(bool signUp)
{
    m_window.reset();
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(m_bobState.get());
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), signUp));
    m_window = std::make_unique<MainWindow>(m_bob.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 560);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
}

void tst_DraftsAndPins::shoot(const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    for (const auto language : {AppSettings::Language::English, AppSettings::Language::Chinese}) {
        m_desk.languages->apply(language);
        QApplication::processEvents();
        const QString suffix = language == AppSettings::Language::English ? QStringLiteral("en") : QStringLiteral("zh");
        m_window->grab().save(dir + QLatin1Char('/') + name + QLatin1Char('-') + suffix + QStringLiteral(".png"));
    }
    m_desk.languages->apply(AppSettings::Language::English);
}

void tst_DraftsAndPins::draftKeptPerConversation()
{
    MessageInput* input = m_window->conversationView()->input();
    m_window->openConversation(m_withAlice);
    QTest::keyClicks(input, QStringLiteral("see you at ten"));
    // The cursor goes back before "ten".
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(input, Qt::Key_Left);
    m_window->openConversation(m_withCarol);
    QCOMPARE(input->toPlainText(), QString());
    QTest::keyClicks(input, QStringLiteral("report"));

    // The list shows the draft where it would show the last message, except for the chat being typed in.
    const QListView* list = m_window->sidebar()->conversationList();
    QCOMPARE(rowOf(list, m_withAlice).data(roles::ConversationDraft).toString(), QStringLiteral("see you at ten"));
    QCOMPARE(rowOf(list, m_withCarol).data(roles::ConversationDraft).toString(), QString());
    QCOMPARE(m_bob->drafts()->draft(m_withCarol).text, QStringLiteral("report"));
    m_window->openConversation(m_withAlice);
    QCOMPARE(rowOf(list, m_withCarol).data(roles::ConversationDraft).toString(), QStringLiteral("report"));
    QCOMPARE(input->toPlainText(), QStringLiteral("see you at ten"));
    QCOMPARE(input->textCursor().position(), 11);
    QTest::keyClicks(input, QStringLiteral("half past "));
    QCOMPARE(input->toPlainText(), QStringLiteral("see you at half past ten"));
    m_window->openConversation(m_withCarol);
    QCOMPARE(input->toPlainText(), QStringLiteral("report"));
    // Carol's message is unread: the line marks it (once history says nothing older is unread).
    QTRY_VERIFY_WITH_TIMEOUT(m_window->conversationView()->findChild<UnreadJumper*>()->dividerSeq() > 0, kWaitMs);
    shoot(QStringLiteral("drafts"));
}

void tst_DraftsAndPins::sendingClearsTheDraft()
{
    MessageInput* input = m_window->conversationView()->input();
    m_window->openConversation(m_withCarol);
    QCOMPARE(input->toPlainText(), QStringLiteral("report"));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(holds(m_carol->messages(m_withCarol), QStringLiteral("report")), kWaitMs);
    QCOMPARE(m_bob->drafts()->draft(m_withCarol).text, QString());
    QCOMPARE(rowOf(m_window->sidebar()->conversationList(), m_withCarol).data(roles::ConversationDraft).toString(),
             QString());
    QCOMPARE(m_bob->drafts()->draft(m_withAlice).text, QStringLiteral("see you at half past ten"));
}

void tst_DraftsAndPins::togglePinThroughMenu(ConversationId conversation, const QString& expectedText)
{
    QListView* list = m_window->sidebar()->conversationList();
    const QModelIndex index = rowOf(list, conversation);
    QVERIFY(index.isValid());
    QString seen;
    QTimer::singleShot(0, this, [&seen] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        auto* action = menu->findChild<QAction*>(QStringLiteral("pinAction"));
        seen = action ? action->text() : QString();
        if (action)
            action->trigger();
        menu->close();
    });
    Q_EMIT list->customContextMenuRequested(list->visualRect(index).center());
    QCOMPARE(seen, expectedText);
}

void tst_DraftsAndPins::pinFromContextMenu()
{
    const QListView* list = m_window->sidebar()->conversationList();
    // Carol's chat has the newest activity (Bob just wrote there); Alice's is below.
    QTRY_COMPARE(listed(list), (QList<qint64>{m_withCarol.value(), m_withAlice.value()}));
    togglePinThroughMenu(m_withAlice, QStringLiteral("Pin to top"));
    QVERIFY(m_bob->pinnedConversations()->isPinned(m_withAlice));
    QCOMPARE(listed(list), (QList<qint64>{m_withAlice.value(), m_withCarol.value()}));
    QVERIFY(rowOf(list, m_withAlice).data(roles::ConversationPinned).toBool());
    QVERIFY(!rowOf(list, m_withCarol).data(roles::ConversationPinned).toBool());

    // Newer activity elsewhere does not move a conversation above a pinned one.
    m_carol->sendText(m_withCarol, QStringLiteral("still there?"));
    QTRY_VERIFY_WITH_TIMEOUT(holds(m_bob->messages(m_withCarol), QStringLiteral("still there?")), kWaitMs);
    QCOMPARE(listed(list), (QList<qint64>{m_withAlice.value(), m_withCarol.value()}));
    shoot(QStringLiteral("pinned"));

    togglePinThroughMenu(m_withAlice, QStringLiteral("Unpin"));
    QCOMPARE(listed(list), (QList<qint64>{m_withCarol.value(), m_withAlice.value()}));
    togglePinThroughMenu(m_withAlice, QStringLiteral("Pin to top"));
}

void tst_DraftsAndPins::survivesRestart()
{
    // The app is closed and started again: drafts (with their cursor) and pins come back for this user.
    m_bob->drafts()->setDraft(m_withCarol, QStringLiteral("后来再说"), 2);
    startBob(false);
    QCOMPARE(m_bob->drafts()->draft(m_withAlice).text, QStringLiteral("see you at half past ten"));
    QCOMPARE(m_bob->drafts()->draft(m_withCarol).text, QStringLiteral("后来再说"));
    QVERIFY(m_bob->pinnedConversations()->isPinned(m_withAlice));
    const QListView* list = m_window->sidebar()->conversationList();
    QTRY_COMPARE_WITH_TIMEOUT(listed(list), (QList<qint64>{m_withAlice.value(), m_withCarol.value()}), kWaitMs);
    m_window->openConversation(m_withCarol);
    MessageInput* input = m_window->conversationView()->input();
    QCOMPARE(input->toPlainText(), QStringLiteral("后来再说"));
    QCOMPARE(input->textCursor().position(), 2);

    // Another user logging in on the same computer (the same window, their own chat with Bob open) has neither;
    // Bob's draft comes back when he logs in again.
    m_bob->logout();
    QSignalSpy synced(m_bob.get(), &ChatClient::synced);
    m_bob->login(QStringLiteral("carol"), kPassword);
    QVERIFY(synced.wait(kWaitMs));
    QCOMPARE(input->toPlainText(), QString());
    QCOMPARE(m_bob->drafts()->conversations(), QList<ConversationId>());
    QCOMPARE(m_bob->pinnedConversations()->pinned(), QList<ConversationId>());
    QTest::keyClicks(input, QStringLiteral("carol's"));
    m_bob->logout();
    m_bob->login(QStringLiteral("bob"), kPassword);
    QVERIFY(synced.wait(kWaitMs));
    QCOMPARE(input->toPlainText(), QStringLiteral("后来再说"));
    QVERIFY(m_bob->pinnedConversations()->isPinned(m_withAlice));
}

QTEST_MAIN(tst_DraftsAndPins)
#include "tst_draftsandpins.moc"
