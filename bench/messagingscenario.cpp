#include "messagingscenario.h"

#include <QCborArray>

#include <algorithm>

namespace lanchat::bench {

namespace {
constexpr int kClients = 200;
constexpr int kGroupSenders = 5;
} // namespace

MessagingScenario::MessagingScenario(BenchHarness& harness, Shape shape, int window, int messagesPerSender,
                                     QStringList serverConfig)
    : m_harness(harness)
    , m_shape(shape)
    , m_window(window)
    , m_messagesPerSender(messagesPerSender)
    , m_serverConfig(std::move(serverConfig))
{}

bool MessagingScenario::setUp(QString* error)
{
    if (!m_harness.startServer(error, m_serverConfig))
        return false;
    QStringList names;
    for (int i = 0; i < kClients; ++i)
        names << QStringLiteral("user%1").arg(i);
    const QList<BenchUser> users = m_harness.connectUsers(names, false, error);
    if (users.isEmpty())
        return false;
    m_senders.clear();
    m_senders.reserve(kClients);

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
            m_senders.push_back(Sender{users[i].connection, SendTemplate(std::uint64_t(conversation))});
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
            m_senders.push_back(Sender{users[i].connection, SendTemplate(std::uint64_t(conversation))});
        // Let the conversation pushes of group creation drain before measuring.
        m_harness.loop().runFor(300);
    }
    for (const BenchUser& u : users) {
        int sender = -1;
        for (size_t s = 0; s < m_senders.size(); ++s) {
            if (m_senders[s].connection == u.connection)
                sender = int(s);
        }
        u.connection->setFrameHandler([this, sender](const BenchFrame& frame) { onFrame(sender, frame); });
    }
    return true;
}

void MessagingScenario::onFrame(int sender, const BenchFrame& frame)
{
    if (frame.type == "message") {
        const std::optional<CborItem> text = frame.field("text");
        const std::optional<std::int64_t> sentNs =
            text && text->kind == CborItem::Kind::Text ? SendTemplate::sentNs(text->content) : std::nullopt;
        if (sentNs) {
            m_latenciesNs.push_back(frame.receivedNs - *sentNs);
            ++m_deliveries;
        }
        return;
    }
    if (frame.type == "error") {
        const QCborMap reply = frame.toMap();
        m_failure = QStringLiteral("server error: %1").arg(reply.value(QLatin1String("code")).toString());
        return;
    }
    if (sender < 0 || frame.type != "ok" || !frame.id)
        return; // presence and conversation pushes do not matter here
    Sender& s = m_senders[size_t(sender)];
    ++s.acked;
    if (s.sent < m_messagesPerSender)
        sendNext(s);
}

void MessagingScenario::sendNext(Sender& sender)
{
    const auto id = std::uint32_t(sender.connection->nextId());
    sender.frame.write(sender.connection->reserve(sender.frame.size()), id, nowNs());
    sender.connection->commit(sender.frame.size());
    ++sender.sent;
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
        m_harness.closeAll(); // their frame handlers point at this scenario
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
    const bool finished = m_harness.waitUntil(
        [&] { return m_deliveries >= expected || !m_failure.isEmpty() || m_harness.lostConnections() > 0; }, 180000);
    const double seconds = m_harness.endMeasure(&result);

    result.rate = double(m_deliveries) / seconds;
    std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
    result.p50 = percentileMs(m_latenciesNs, 50);
    result.p99 = percentileMs(m_latenciesNs, 99);
    result.p999 = percentileMs(m_latenciesNs, 99.9);
    if (m_failure.isEmpty() && m_harness.lostConnections() > 0)
        m_failure =
            QStringLiteral("%1 connections lost: %2").arg(m_harness.lostConnections()).arg(m_harness.lostReason());
    result.ok = finished && m_failure.isEmpty();
    if (!result.ok)
        result.note = m_failure.isEmpty()
                          ? QStringLiteral("%1 of %2 deliveries in time").arg(m_deliveries).arg(expected)
                          : m_failure;
    m_harness.closeAll();
    m_harness.server().stop();
    return result;
}

} // namespace lanchat::bench
