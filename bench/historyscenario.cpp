#include "historyscenario.h"

#include "sendtemplate.h"

#include <QCborArray>

#include <algorithm>
#include <functional>

namespace lanchat::bench {

namespace {

// Page timings are well under a millisecond on a shared machine, where one descheduling costs more than the
// request: the median of 5 moved by up to 2× between runs here. A sync of 10,000 (20 pages) is long
// enough for 5.
constexpr int kPageRepetitions = 21;
constexpr int kSyncRepetitions = 5;

} // namespace

HistoryScenario::HistoryScenario(BenchHarness& harness, int messages)
    : m_harness(harness)
    , m_messages(messages)
{}

double HistoryScenario::medianCallMs(BenchConnection* connection, const QCborMap& request, int repetitions)
{
    std::vector<qint64> samples;
    for (int i = 0; i < repetitions; ++i) {
        bool ok = false;
        const qint64 start = nowNs();
        // The reply is only checked in place: decoding 50 messages into a QCborMap would add the generator's
        // own work to a timing whose target is 2 ms.
        const bool answered = m_harness.callRaw(connection, request, [&](const BenchFrame& frame) {
            ok = frame.type == "ok" && frame.field("messages").has_value();
        });
        if (!answered || !ok)
            return -1;
        samples.push_back(nowNs() - start);
    }
    std::sort(samples.begin(), samples.end());
    return double(samples[samples.size() / 2]) / 1e6;
}

double HistoryScenario::syncMs(BenchConnection* connection, qint64 since, int expected)
{
    const qint64 start = nowNs();
    int received = 0;
    bool more = true;
    while (more) {
        int count = 0;
        std::uint64_t lastSeq = 0;
        more = false;
        const bool answered =
            m_harness.callRaw(connection,
                              QCborMap{{QStringLiteral("t"), QStringLiteral("sync")},
                                       {QStringLiteral("since"), since},
                                       {QStringLiteral("limit"), 500}},
                              [&](const BenchFrame& frame) {
                                  const std::optional<CborItem> messages = frame.field("messages");
                                  if (!messages)
                                      return;
                                  CborScanner::forEach(*messages, [&](const CborItem& message) {
                                      ++count;
                                      if (const std::optional<CborItem> seq = CborScanner::field(message, "seq"))
                                          lastSeq = seq->value;
                                  });
                                  const std::optional<CborItem> moreField = frame.field("more");
                                  more = moreField && moreField->isTrue();
                              });
        if (!answered || count == 0)
            break;
        received += count;
        since = qint64(lastSeq);
    }
    return received == expected ? double(nowNs() - start) / 1e6 : -1;
}

QList<RunResult> HistoryScenario::run()
{
    RunResult fill;
    fill.scenario = QStringLiteral("history fill");
    fill.unit = QStringLiteral("msg/s");
    QString error;
    QList<BenchUser> users;
    if (m_harness.startServer(&error))
        users = m_harness.connectUsers({QStringLiteral("writer"), QStringLiteral("reader")}, false, &error);
    if (users.isEmpty()) {
        fill.note = error;
        return {fill};
    }
    const QCborMap open =
        m_harness.call(users[0].connection, QCborMap{{QStringLiteral("t"), QStringLiteral("open_private")},
                                                     {QStringLiteral("user"), users[1].userId}});
    const qint64 conversation =
        open.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();

    // Fill through the protocol, as users would, with a deep window of pre-encoded sends.
    BenchConnection* writer = users[0].connection;
    SendTemplate frame{std::uint64_t(conversation)};
    int sent = 0;
    int acked = 0;
    QString failure;
    qint64 middleSeq = 0;
    qint64 lastSeq = 0;
    const std::uint64_t firstId = writer->nextId() + 1;
    const std::uint64_t middleId = firstId + std::uint64_t(m_messages / 2);
    const auto sendOne = [&] {
        const auto id = std::uint32_t(writer->nextId());
        frame.write(writer->reserve(frame.size()), id, nowNs());
        writer->commit(frame.size());
        ++sent;
    };
    writer->setFrameHandler([&](const BenchFrame& reply) {
        if (reply.type == "error") {
            failure = reply.toMap().value(QLatin1String("code")).toString();
            return;
        }
        if (reply.type != "ok" || !reply.id)
            return;
        ++acked;
        const qint64 seq = qint64(reply.field("seq").value_or(CborItem{}).value);
        lastSeq = std::max(lastSeq, seq);
        if (*reply.id == middleId)
            middleSeq = seq;
        if (sent < m_messages)
            sendOne();
    });
    m_harness.beginMeasure();
    for (int i = 0; i < 256 && sent < m_messages; ++i)
        sendOne();
    fill.ok = m_harness.waitUntil(
        [&] { return acked == m_messages || !failure.isEmpty() || m_harness.lostConnections() > 0; }, 400000);
    fill.ok = fill.ok && acked == m_messages && middleSeq > 0;
    fill.rate = acked / m_harness.endMeasure(&fill);
    writer->setFrameHandler({});
    if (!failure.isEmpty())
        fill.note = QStringLiteral("send refused: %1").arg(failure);
    else if (m_harness.lostConnections() > 0)
        fill.note = QStringLiteral("connection lost after %1 acks: %2").arg(acked).arg(m_harness.lostReason());
    else
        fill.note = QStringLiteral("%1 messages, window 256").arg(acked);
    if (!fill.ok) {
        m_harness.closeAll();
        m_harness.server().stop();
        return {fill};
    }

    BenchConnection* reader = users[1].connection;
    // The reader was sent every message of the fill as a push; let that backlog drain so the timings below
    // measure the requests, not the tail of the fill.
    m_harness.loop().runFor(500);
    auto timing = [&](const QString& name, double ms, int repetitions) {
        RunResult r;
        r.scenario = name;
        r.variant = m_harness.variant();
        r.unit = QStringLiteral("ms");
        r.ok = ms >= 0;
        r.rate = ms;
        r.serverPeakRssKiB = m_harness.server().peakRssKiB();
        r.note = QStringLiteral("median of %1").arg(repetitions);
        return r;
    };
    const QCborMap newest{{QStringLiteral("t"), QStringLiteral("history")},
                          {QStringLiteral("conversation"), conversation},
                          {QStringLiteral("limit"), 50}};
    QCborMap deep = newest;
    deep.insert(QLatin1String("before"), middleSeq);
    QList<RunResult> results{
        fill,
        timing(QStringLiteral("history newest 50"), medianCallMs(reader, newest, kPageRepetitions), kPageRepetitions),
        timing(QStringLiteral("history deep 50"), medianCallMs(reader, deep, kPageRepetitions), kPageRepetitions)};
    std::vector<double> syncs;
    for (int i = 0; i < kSyncRepetitions; ++i)
        syncs.push_back(syncMs(reader, lastSeq - 10000, 10000));
    std::sort(syncs.begin(), syncs.end());
    results.append(timing(QStringLiteral("sync 10000"), syncs[syncs.size() / 2], kSyncRepetitions));
    m_harness.closeAll();
    m_harness.server().stop();
    return results;
}

} // namespace lanchat::bench
