#include "searchfixture.h"

#include "messages/filemessages.h"
#include "protocolframes.h"
#include "sha256.h"

#include <QDebug>
#include <QUuid>

namespace lanchat::test {

QCborMap searchRequest(const QString& query, qint64 conversation)
{
    SearchMessages request;
    request.query = query;
    request.conversation = ConversationId(conversation);
    return request.encode();
}

bool SearchFixture::setUp()
{
    m_server = std::make_unique<TestServer>(false);
    if (!m_server->start())
        return false;
    m_alice = client(QStringLiteral("alice"));
    m_bob = client(QStringLiteral("bob"));
    m_carol = client(QStringLiteral("carol"));
    m_dave = client(QStringLiteral("dave"));
    if (!m_alice || !m_bob || !m_carol || !m_dave)
        return false;
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId(), m_carol->userId()});
    m_group = conversationId(m_alice->request(create, kSearchWaitMs));
    return m_group > 0;
}

void SearchFixture::tearDown()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_dave.reset();
    m_server.reset();
}

std::unique_ptr<RawClient> SearchFixture::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

QCborArray SearchFixture::features()
{
    RawClient c;
    if (!c.connectTo(m_server->port(), false))
        return {};
    return c.hello().value(QLatin1String("features")).toArray();
}

SearchPage SearchFixture::search(RawClient& c, const QCborMap& request)
{
    const QCborMap reply = c.request(request, kSearchWaitMs);
    QString error;
    const std::optional<SearchPage> page = SearchPage::decode(reply, &error);
    if (frameType(reply) != QLatin1String("ok") || !page) {
        qWarning() << "search failed:" << reply << error;
        return SearchPage{{}, true};
    }
    return *page;
}

QList<qint64> SearchFixture::seqs(RawClient& c, const QCborMap& request)
{
    QList<qint64> list;
    for (const SearchHit& hit : search(c, request).hits)
        list.append(hit.message.seq);
    return list;
}

qint64 SearchFixture::send(RawClient& c, const QString& text, qint64 conversation)
{
    return c.sendText(conversation ? conversation : m_group, text).value(QLatin1String("seq")).toInteger();
}

qint64 SearchFixture::uploadFile(RawClient& c, const QString& name)
{
    const QByteArray content = randomBytes(100);
    const FileOffer offer{ConversationId(m_group), QUuid::createUuid(), name, content.size(), Sha256::hash(content)};
    const auto accepted = FileOfferOk::decode(c.request(offer.encode(), kSearchWaitMs), nullptr);
    if (!accepted || accepted->complete)
        return 0;
    const auto done =
        FileChunkOk::decode(c.request(FileChunk{accepted->transfer, 0, content}.encode(), kSearchWaitMs), nullptr);
    return done && done->complete ? done->seq : 0;
}

} // namespace lanchat::test
