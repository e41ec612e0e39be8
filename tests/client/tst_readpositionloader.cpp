// Who has read it, end to end: ChatClient against the real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir) with three users. Read counts and names live, after a client restart, on a second device of
// the same user, after the server restarts, and the user's own reads on another device. No sleeps: QTRY_* only.

#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

/** The row of the message with text @p text in @p model, -1 if absent. */
int rowOf(const MessagesModel* model, const QString& text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(roles::MessageText).toString() == text)
            return row;
    }
    return -1;
}

/** @p role of the message with text @p text (an invalid QVariant while it is not loaded). */
QVariant dataOf(const MessagesModel* model, const QString& text, int role)
{
    const int row = rowOf(model, text);
    return row < 0 ? QVariant() : model->index(row).data(role);
}

int readCount(const MessagesModel* model, const QString& text)
{
    return dataOf(model, text, roles::MessageReadCount).toInt();
}

QStringList readers(const MessagesModel* model, const QString& text)
{
    return dataOf(model, text, roles::MessageReaderNames).toStringList();
}

QStringList nonReaders(const MessagesModel* model, const QString& text)
{
    return dataOf(model, text, roles::MessageNonReaderNames).toStringList();
}

} // namespace

class tst_ReadPositionLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void groupCountsLive();
    void countsAfterClientRestart();
    void countsOnSecondDevice();
    void countsAfterServerRestart();
    void ownReadOnAnotherDeviceClearsUnread();
    void privateChatReadByPeer();

private:
    /** alice (owner), bob and carol in group "team"; alice posts "first" and "second". */
    void makeGroup();

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
    std::unique_ptr<QSettings> m_aliceState;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<ChatClient> m_carol;
    ConversationId m_group;
};

void tst_ReadPositionLoader::init()
{
    m_relay = std::make_unique<TestServer>(false);
    QVERIFY(m_relay->start());
    m_aliceState = std::make_unique<QSettings>(
        m_dir.filePath(QStringLiteral("alice-%1.ini").arg(QTest::currentTestFunction())), QSettings::IniFormat);
    m_alice = newClient(m_aliceState.get());
    m_bob = newClient();
    m_carol = newClient();
    QVERIFY(enter(*m_alice, *m_relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_relay, QStringLiteral("carol"), true));
}

void tst_ReadPositionLoader::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_aliceState.reset();
    m_relay.reset();
}

void tst_ReadPositionLoader::makeGroup()
{
    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("team"), {m_bob->currentUser().id, m_carol->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.first().first().value<ConversationId>();
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->conversation(m_group).has_value(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_carol->conversations()->conversation(m_group).has_value(), kWaitMs);
    m_alice->sendText(m_group, QStringLiteral("first"));
    m_alice->sendText(m_group, QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(m_group), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->conversations()->unread(m_group), 2, kWaitMs);
}

void tst_ReadPositionLoader::groupCountsLive()
{
    makeGroup();
    const MessagesModel* model = m_alice->messages(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(dataOf(model, QStringLiteral("second"), roles::MessageReadTotal).toInt(), 2, kWaitMs);
    QCOMPARE(readCount(model, QStringLiteral("second")), 0);
    QCOMPARE(nonReaders(model, QStringLiteral("second")),
             (QStringList{QStringLiteral("BOB"), QStringLiteral("CAROL")}));

    m_bob->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("second")), 1, kWaitMs);
    QCOMPARE(readers(model, QStringLiteral("second")), QStringList{QStringLiteral("BOB")});
    QCOMPARE(nonReaders(model, QStringLiteral("second")), QStringList{QStringLiteral("CAROL")});

    // A message after bob's read is unread by both again; the sender never counts as a reader of their own.
    m_alice->sendText(m_group, QStringLiteral("third"));
    QTRY_COMPARE_WITH_TIMEOUT(dataOf(model, QStringLiteral("third"), roles::MessageSeq).toLongLong() > 0, true,
                              kWaitMs);
    QCOMPARE(readCount(model, QStringLiteral("third")), 0);
    QCOMPARE(readCount(model, QStringLiteral("first")), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->conversations()->unread(m_group), 3, kWaitMs);
    m_carol->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("third")), 1, kWaitMs);
    QCOMPARE(readCount(model, QStringLiteral("second")), 2);
    QCOMPARE(readers(model, QStringLiteral("second")), (QStringList{QStringLiteral("BOB"), QStringLiteral("CAROL")}));
    QVERIFY(nonReaders(model, QStringLiteral("second")).isEmpty());
    QCOMPARE(readers(model, QStringLiteral("third")), QStringList{QStringLiteral("CAROL")});

    // Bob sees the counts of his own message the same way.
    m_bob->sendText(m_group, QStringLiteral("from bob"));
    const MessagesModel* bobModel = m_bob->messages(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(dataOf(bobModel, QStringLiteral("from bob"), roles::MessageReadTotal).toInt(), 2,
                              kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->conversations()->unread(m_group), 1, kWaitMs);
    m_alice->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readers(bobModel, QStringLiteral("from bob")), QStringList{QStringLiteral("ALICE")},
                              kWaitMs);
}

void tst_ReadPositionLoader::countsAfterClientRestart()
{
    makeGroup();
    m_bob->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(m_alice->messages(m_group), QStringLiteral("second")), 1, kWaitMs);

    // Alice quits; carol reads while she is away; alice starts again with what she had kept.
    m_alice.reset();
    m_carol->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->conversations()->unread(m_group), 0, kWaitMs);
    m_alice = newClient(m_aliceState.get());
    QVERIFY(enter(*m_alice, *m_relay, QStringLiteral("alice"), false));
    const MessagesModel* model = m_alice->messages(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("second")), 2, kWaitMs);
    QCOMPARE(readCount(model, QStringLiteral("first")), 2);
    QCOMPARE(dataOf(model, QStringLiteral("second"), roles::MessageReadTotal).toInt(), 2);
    QCOMPARE(readers(model, QStringLiteral("second")), (QStringList{QStringLiteral("BOB"), QStringLiteral("CAROL")}));
}

void tst_ReadPositionLoader::countsOnSecondDevice()
{
    makeGroup();
    m_bob->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(m_alice->messages(m_group), QStringLiteral("second")), 1, kWaitMs);

    auto laptop = newClient();
    QVERIFY(enter(*laptop, *m_relay, QStringLiteral("alice"), false));
    const MessagesModel* model = laptop->messages(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("second")), 1, kWaitMs);
    QCOMPARE(nonReaders(model, QStringLiteral("second")), QStringList{QStringLiteral("CAROL")});
    // Both devices follow the next receipt.
    m_carol->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("second")), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(m_alice->messages(m_group), QStringLiteral("second")), 2, kWaitMs);
}

void tst_ReadPositionLoader::countsAfterServerRestart()
{
    makeGroup();
    m_bob->markRead(m_group);
    const MessagesModel* model = m_alice->messages(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("second")), 1, kWaitMs);

    // The server goes away; carol's read is stored after it is back; alice reconnects on her own and reloads.
    const quint16 port = m_relay->port();
    m_relay->stop();
    QVERIFY(m_relay->start(port));
    QSignalSpy aliceSynced(m_alice.get(), &ChatClient::synced);
    QSignalSpy carolSynced(m_carol.get(), &ChatClient::synced);
    QVERIFY(aliceSynced.count() > 0 || aliceSynced.wait(kWaitMs));
    QVERIFY(carolSynced.count() > 0 || carolSynced.wait(kWaitMs));
    m_carol->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("second")), 2, kWaitMs);

    auto fresh = newClient();
    QVERIFY(enter(*fresh, *m_relay, QStringLiteral("alice"), false));
    QTRY_COMPARE_WITH_TIMEOUT(readCount(fresh->messages(m_group), QStringLiteral("second")), 2, kWaitMs);
}

void tst_ReadPositionLoader::ownReadOnAnotherDeviceClearsUnread()
{
    makeGroup();
    auto bobsLaptop = newClient();
    QVERIFY(enter(*bobsLaptop, *m_relay, QStringLiteral("bob"), false));
    QTRY_COMPARE_WITH_TIMEOUT(bobsLaptop->conversations()->unread(m_group), 2, kWaitMs);
    m_bob->markRead(m_group);
    QTRY_COMPARE_WITH_TIMEOUT(bobsLaptop->conversations()->unread(m_group), 0, kWaitMs);
    // Bob's own read never counts for him, but it does for alice.
    QTRY_COMPARE_WITH_TIMEOUT(readCount(m_alice->messages(m_group), QStringLiteral("second")), 1, kWaitMs);
}

void tst_ReadPositionLoader::privateChatReadByPeer()
{
    const ConversationId chat = openPrivate(*m_alice, m_bob->currentUser().id);
    QVERIFY(chat.isValid());
    m_alice->sendText(chat, QStringLiteral("hi bob"));
    const MessagesModel* model = m_alice->messages(chat);
    QTRY_COMPARE_WITH_TIMEOUT(dataOf(model, QStringLiteral("hi bob"), roles::MessageReadTotal).toInt(), 1, kWaitMs);
    QCOMPARE(readCount(model, QStringLiteral("hi bob")), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(chat), 1, kWaitMs);
    m_bob->markRead(chat);
    QTRY_COMPARE_WITH_TIMEOUT(readCount(model, QStringLiteral("hi bob")), 1, kWaitMs);
    QCOMPARE(readers(model, QStringLiteral("hi bob")), QStringList{QStringLiteral("BOB")});
}

QTEST_GUILESS_MAIN(tst_ReadPositionLoader)
#include "tst_readpositionloader.moc"
