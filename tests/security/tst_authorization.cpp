// Issue 6 authorization review, one test per rule not already covered by tests/server (tst_badinput covers a
// non-member's send/history/group_add on a group; tst_relayserver a non-owner's group_add and a removed member's
// send). Real relay in-process on 127.0.0.1:0, real SQLite, raw protocol clients.

#include "messages/chatmessages.h"
#include "messages/filemessages.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QCborValue>
#include <QtTest>

#include <memory>

using namespace lanchat;
using lanchat::test::conversationId;
using lanchat::test::RawClient;
using lanchat::test::TestServer;
using lanchat::test::typed;

namespace {

bool listsConversation(RawClient& client, qint64 conversation)
{
    const QCborArray list = client.request(typed("conversations")).value(QLatin1String("conversations")).toArray();
    for (const QCborValue& c : list) {
        if (c.toMap().value(QLatin1String("id")).toInteger() == conversation)
            return true;
    }
    return false;
}

} // namespace

class tst_Authorization : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void nonMemberCannotSeeGroupOrItsMembers();
    void nonMemberCannotMarkGroupRead();
    void nonMemberCannotDownload();
    void onlyParticipantsUsePrivateConversation();
    void onlyOwnerRemovesOrRenames();
    void memberDoesNotReceiveOthersPrivateMessages();

private:
    std::unique_ptr<RawClient> client(const QString& name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_owner;
    std::unique_ptr<RawClient> m_member;
    std::unique_ptr<RawClient> m_outsider;
    qint64 m_group = 0;
};

std::unique_ptr<RawClient> tst_Authorization::client(const QString& name)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(name) <= 0)
        return nullptr;
    return c;
}

void tst_Authorization::initTestCase()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_owner = client(QStringLiteral("owner"));
    m_member = client(QStringLiteral("member"));
    m_outsider = client(QStringLiteral("outsider"));
    QVERIFY(m_owner && m_member && m_outsider);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("board"));
    create.insert(QLatin1String("members"), QCborArray{m_member->userId()});
    m_group = conversationId(m_owner->request(create));
    QVERIFY(m_group > 0);
    QCOMPARE(RawClient::errorCode(m_owner->sendText(m_group, QStringLiteral("minutes"))), QString());
}

void tst_Authorization::cleanupTestCase()
{
    m_owner.reset();
    m_member.reset();
    m_outsider.reset();
    m_server.reset();
}

void tst_Authorization::nonMemberCannotSeeGroupOrItsMembers()
{
    // The member list travels only inside the conversation record: a non-member never gets it.
    QVERIFY(listsConversation(*m_member, m_group));
    QVERIFY(!listsConversation(*m_outsider, m_group));
    QCborMap sync = typed("sync");
    sync.insert(QLatin1String("since"), 0);
    const QCborArray messages = m_outsider->request(sync).value(QLatin1String("messages")).toArray();
    for (const QCborValue& m : messages)
        QVERIFY(m.toMap().value(QLatin1String("conversation")).toInteger() != m_group);
}

void tst_Authorization::nonMemberCannotMarkGroupRead()
{
    QCOMPARE(RawClient::errorCode(m_outsider->request(MarkRead{ConversationId(m_group), 1}.encode())),
             QStringLiteral("forbidden"));
    QCOMPARE(RawClient::errorCode(m_member->request(MarkRead{ConversationId(m_group), 1}.encode())), QString());
}

void tst_Authorization::nonMemberCannotDownload()
{
    FileRead read;
    read.conversation = ConversationId(m_group);
    read.sha256 = QByteArray(32, '\x11');
    read.length = 1024;
    QCOMPARE(RawClient::errorCode(m_outsider->request(read.encode())), QStringLiteral("forbidden"));
    // A member asking for content not posted there gets not_found, not the bytes of another conversation.
    QCOMPARE(RawClient::errorCode(m_member->request(read.encode())), QStringLiteral("not_found"));
}

void tst_Authorization::onlyParticipantsUsePrivateConversation()
{
    const qint64 chat = conversationId(m_owner->request(OpenPrivate{UserId(m_member->userId())}.encode()));
    QVERIFY(chat > 0);
    QCOMPARE(RawClient::errorCode(m_member->sendText(chat, QStringLiteral("hi"))), QString());
    QCOMPARE(RawClient::errorCode(m_outsider->sendText(chat, QStringLiteral("me too"))), QStringLiteral("forbidden"));
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), chat);
    QCOMPARE(RawClient::errorCode(m_outsider->request(history)), QStringLiteral("forbidden"));
    QCOMPARE(RawClient::errorCode(m_outsider->request(MarkRead{ConversationId(chat), 1}.encode())),
             QStringLiteral("forbidden"));
    QVERIFY(!listsConversation(*m_outsider, chat));
    // A private conversation is not a group: nobody adds a third participant.
    QCborMap add = typed("group_add");
    add.insert(QLatin1String("conversation"), chat);
    add.insert(QLatin1String("user"), m_outsider->userId());
    QVERIFY(RawClient::errorCode(m_owner->request(add)) != QString());
    QVERIFY(!listsConversation(*m_outsider, chat));
}

void tst_Authorization::onlyOwnerRemovesOrRenames()
{
    auto third = client(QStringLiteral("third"));
    QVERIFY(third);
    QCborMap add = typed("group_add");
    add.insert(QLatin1String("conversation"), m_group);
    add.insert(QLatin1String("user"), third->userId());
    QCOMPARE(RawClient::errorCode(m_owner->request(add)), QString());

    QCborMap remove = typed("group_remove");
    remove.insert(QLatin1String("conversation"), m_group);
    remove.insert(QLatin1String("user"), third->userId());
    QCOMPARE(RawClient::errorCode(m_member->request(remove)), QStringLiteral("forbidden"));
    QCOMPARE(RawClient::errorCode(m_outsider->request(remove)), QStringLiteral("forbidden"));
    QCborMap removeOwner = typed("group_remove");
    removeOwner.insert(QLatin1String("conversation"), m_group);
    removeOwner.insert(QLatin1String("user"), m_owner->userId());
    QVERIFY(RawClient::errorCode(m_member->request(removeOwner)) != QString());
    QCborMap rename = typed("group_rename");
    rename.insert(QLatin1String("conversation"), m_group);
    rename.insert(QLatin1String("name"), QStringLiteral("hijacked"));
    QCOMPARE(RawClient::errorCode(m_member->request(rename)), QStringLiteral("forbidden"));
    QCOMPARE(RawClient::errorCode(m_outsider->request(rename)), QStringLiteral("forbidden"));
    QVERIFY(listsConversation(*third, m_group)); // nothing changed
    QCOMPARE(RawClient::errorCode(m_owner->request(remove)), QString());
    QVERIFY(!listsConversation(*third, m_group));
}

void tst_Authorization::memberDoesNotReceiveOthersPrivateMessages()
{
    const qint64 chat = conversationId(m_owner->request(OpenPrivate{UserId(m_member->userId())}.encode()));
    QVERIFY(chat > 0);
    m_outsider->clearPushes();
    QCOMPARE(RawClient::errorCode(m_owner->sendText(chat, QStringLiteral("private words"))), QString());
    QVERIFY(!m_member->waitPush(QStringLiteral("message")).isEmpty());
    // The outsider's connection is in step with the server (a reply arrived after the push went out) and
    // holds no push of that message.
    QCOMPARE(m_outsider->request(typed("ping")).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    for (const QCborMap& push : m_outsider->pushes())
        QVERIFY(push.value(QLatin1String("t")).toString() != QLatin1String("message"));
}

QTEST_GUILESS_MAIN(tst_Authorization)
#include "tst_authorization.moc"
