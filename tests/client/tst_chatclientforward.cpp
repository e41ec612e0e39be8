// ChatClient::forward against a real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir): three users,
// the copies in every member's model (the forwarder's two devices included), refusals reported, an offline member
// and a restarted relay.

#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 10000;

QStringList texts(const MessagesModel* model)
{
    QStringList out;
    for (int i = 0; i < model->rowCount(); ++i)
        out.append(model->index(i, 0).data(roles::MessageText).toString());
    return out;
}

Seq seqOf(const MessagesModel* model, const QString& text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(roles::MessageText).toString() == text)
            return model->index(i, 0).data(roles::MessageSeq).toLongLong();
    }
    return 0;
}

} // namespace

class tst_ChatClientForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void copiesReachEveryMemberAndDevice();
    void refusalIsReported();
    void offlineMemberGetsThemAfterARestart();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<ChatClient> m_carol;
    ConversationId m_chat;  ///< alice and bob
    ConversationId m_group; ///< alice and carol
};

void tst_ChatClientForward::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_alice = newClient();
    m_bob = newClient();
    m_carol = newClient();
    QVERIFY(enter(*m_alice, *m_server, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_server, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_server, QStringLiteral("carol"), true));
    m_chat = openPrivate(*m_alice, m_bob->currentUser().id);
    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("Team"), {m_carol->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.takeFirst().at(0).value<ConversationId>();
    QVERIFY(m_chat.isValid() && m_group.isValid());
    m_bob->sendText(m_chat, QStringLiteral("first"));
    m_bob->sendText(m_chat, QStringLiteral("second"));
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(m_alice->messages(m_chat), QStringLiteral("second")) > 0, kWaitMs);
}

void tst_ChatClientForward::cleanup()
{
    m_carol.reset();
    m_bob.reset();
    m_alice.reset();
    m_server.reset();
}

void tst_ChatClientForward::copiesReachEveryMemberAndDevice()
{
    auto laptop = newClient();
    QVERIFY(enter(*laptop, *m_server, QStringLiteral("alice"), false));
    MessagesModel* source = m_alice->messages(m_chat);
    QSignalSpy forwarded(m_alice.get(), &ChatClient::forwarded);
    const QUuid request = m_alice->forward(
        m_group, m_chat, {seqOf(source, QStringLiteral("first")), seqOf(source, QStringLiteral("second"))});
    QVERIFY(forwarded.wait(kWaitMs));
    QCOMPARE(forwarded.first().at(0).toUuid(), request);
    QCOMPARE(forwarded.first().at(1).value<ConversationId>(), m_group);
    const auto seqs = forwarded.first().at(2).value<QList<Seq>>();
    QCOMPARE(seqs.size(), 2);

    const QStringList expected{QStringLiteral("first"), QStringLiteral("second")};
    for (ChatClient* member : {m_alice.get(), laptop.get(), m_carol.get()}) {
        MessagesModel* group = member->messages(m_group);
        QTRY_COMPARE_WITH_TIMEOUT(texts(group).mid(texts(group).size() - 2), expected, kWaitMs);
        QCOMPARE(seqOf(group, QStringLiteral("second")), seqs.last());
    }
    // The conversation list shows the newest copy as its last message.
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->conversations()->conversation(m_group)->lastSeq, seqs.last(), kWaitMs);
}

void tst_ChatClientForward::refusalIsReported()
{
    // Carol is not in the private chat: forbidden, and nothing arrives anywhere.
    QSignalSpy failed(m_carol.get(), &ChatClient::requestFailed);
    m_carol->forward(m_group, m_chat, {1});
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("forward"));
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    // A seq that is not in the source: invalid_argument.
    QSignalSpy aliceFailed(m_alice.get(), &ChatClient::requestFailed);
    m_alice->forward(m_group, m_chat, {seqOf(m_alice->messages(m_chat), QStringLiteral("second")) + 1000});
    QVERIFY(aliceFailed.wait(kWaitMs));
    QCOMPARE(aliceFailed.first().at(1).value<ErrorCode>(), ErrorCode::InvalidArgument);
    QVERIFY(!texts(m_carol->messages(m_group)).contains(QStringLiteral("first")));
}

void tst_ChatClientForward::offlineMemberGetsThemAfterARestart()
{
    m_carol.reset();
    QSignalSpy forwarded(m_alice.get(), &ChatClient::forwarded);
    m_alice->forward(m_group, m_chat, {seqOf(m_alice->messages(m_chat), QStringLiteral("first"))});
    QVERIFY(forwarded.wait(kWaitMs));
    m_server->stop();
    QVERIFY(m_server->start(m_server->port()));
    m_carol = newClient();
    QVERIFY(enter(*m_carol, *m_server, QStringLiteral("carol"), false));
    QTRY_VERIFY_WITH_TIMEOUT(texts(m_carol->messages(m_group)).contains(QStringLiteral("first")), kWaitMs);
}

QTEST_GUILESS_MAIN(tst_ChatClientForward)
#include "tst_chatclientforward.moc"
