#include "messagingscenario.h"

#include "uuidv7.h"

#include <QCborArray>
#include <QUuid>

#include <algorithm>

namespace lanchat::bench {

namespace {
constexpr int kClients = 200;
constexpr int kGroupSenders = 5;
} // namespace

MessagingScenario::MessagingScenario(BenchHarness& harness, Shape shape, int window, int messagesPerSender)
    : m_harness(harness)
    , m_shape(shape)
    , m_window(window)
    , m_messagesPerSender(messagesPerSender)
{}

bool MessagingScenario::setUp(QString* error)
{
    if (!m_harness.startServer(error))
        return false;
    QStringList names;
    for (int i = 0; i < kClients; ++i)
        names << QStringLiteral("user%1").arg(i);
    const QList<BenchUser> users = m_harness.connectUsers(names, false, error);
    if (users.isEmpty())
        return false;
    m_senders.clear();
    const auto onDelivery = [this](qint64 sentNs) {
        m_latenciesNs.push_back(nowNs() - sentNs);
        ++m_deliveries;
    };
    for (const BenchUser& u : users)
        u.connection->setDeliveryHandler(onDelivery);

    if (m_shape == Shape::Pairs) {
        m_receiversPerMessage = 1;
        for (int i = 0; i < kClients; i += 2) {
            const QCborMap reply =
                m_harness.call(users[i].connection, QCborMap{{QStringLiteral("t"), QStringLiteral("open_private")},
                                                             {QStringLiteral("user"), users[i + 1].userId}});
            const qint64 conversation =
                reply.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
            if (conversation == 0) {
                *error = QStringLiteral("open_private failed: %1").arg(reply.value(QLatin1String("code")).toString());
                return false;
            }
            m_senders.push_back(Sender{users[i].connection, conversation});
        }
    } else {
        QCborArray members;
        for (int i = 1; i < kClients; ++i)
            members.append(users[i].userId);
        const QCborMap reply =
            m_harness.call(users[0].connection, QCborMap{{QStringLiteral("t"), QStringLiteral("group_create")},
                                                         {QStringLiteral("name"), QStringLiteral("bench")},
                                                         {QStringLiteral("members"), members}});
        const qint64 conversation =
            reply.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
        if (conversation == 0) {
            *error = QStringLiteral("group_create failed: %1").arg(reply.value(QLatin1String("code")).toString());
            return false;
        }
        m_receiversPerMessage = kClients - 1;
        for (int i = 0; i < kGroupSenders; ++i)
            m_senders.push_back(Sender{users[i].connection, conversation});
        // Let the conversation pushes of group creation drain before measuring.
        BenchHarness::waitUntil([] { return false; }, 300);
    }
    return true;
}

void MessagingScenario::sendNext(Sender& sender)
{
    const quint64 id = sender.connection->nextId();
    QCborMap send{{QStringLiteral("t"), QStringLiteral("send")},
                  {QStringLiteral("id"), qint64(id)},
                  {QStringLiteral("conversation"), sender.conversation},
                  {QStringLiteral("client_msg_id"), createUuidV7().toRfc4122()},
                  {QStringLiteral("text"), benchText(nowNs())}};
    ++sender.sent;
    sender.connection->sendRaw(FrameCodec::encode(send), id, [this, &sender](const QCborMap& reply) {
        if (reply.value(QLatin1String("t")).toString() != QLatin1String("ok")) {
            m_failure = QStringLiteral("send refused: %1").arg(reply.value(QLatin1String("code")).toString());
            return;
        }
        ++sender.acked;
        if (sender.sent < m_messagesPerSender)
            sendNext(sender);
    });
}

RunResult MessagingScenario::run()
{
    RunResult result;
    result.scenario = QStringLiteral("%1 w%2")
                          .arg(m_shape == Shape::Pairs ? QStringLiteral("pairs") : QStringLiteral("group"))
                          .arg(m_window);
    result.unit = QStringLiteral("deliv/s");
    QString error;
    if (!setUp(&error)) {
        result.note = error;
        return result;
    }
    const qint64 expected = qint64(m_senders.size()) * m_messagesPerSender * m_receiversPerMessage;
    m_latenciesNs.clear();
    m_latenciesNs.reserve(size_t(expected));
    m_deliveries = 0;
    m_failure.clear();

    m_harness.beginMeasure();
    for (Sender& sender : m_senders) {
        for (int i = 0; i < m_window && sender.sent < m_messagesPerSender; ++i)
            sendNext(sender);
    }
    const bool finished =
        BenchHarness::waitUntil([&] { return m_deliveries >= expected || !m_failure.isEmpty(); }, 180000);
    const double seconds = m_harness.endMeasure(&result);

    result.ok = finished && m_failure.isEmpty();
    result.rate = double(m_deliveries) / seconds;
    std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
    result.p50 = percentileMs(m_latenciesNs, 50);
    result.p99 = percentileMs(m_latenciesNs, 99);
    result.p999 = percentileMs(m_latenciesNs, 99.9);
    if (!result.ok)
        result.note = m_failure.isEmpty()
                          ? QStringLiteral("%1 of %2 deliveries in time").arg(m_deliveries).arg(expected)
                          : m_failure;
    m_harness.closeAll();
    m_harness.server().stop();
    return result;
}

} // namespace lanchat::bench
