#include "historyscenario.h"

#include "uuidv7.h"

#include <QCborArray>
#include <QUuid>

#include <algorithm>
#include <functional>

namespace lanchat::bench {

HistoryScenario::HistoryScenario(BenchHarness& harness, int messages)
    : m_harness(harness)
    , m_messages(messages)
{}

double HistoryScenario::medianCallMs(BenchConnection* connection, const QCborMap& request, int repetitions)
{
    std::vector<qint64> samples;
    for (int i = 0; i < repetitions; ++i) {
        const qint64 start = nowNs();
        const QCborMap reply = m_harness.call(connection, request);
        if (reply.value(QLatin1String("t")).toString() != QLatin1String("ok"))
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
        const QCborMap reply = m_harness.call(connection, QCborMap{{QStringLiteral("t"), QStringLiteral("sync")},
                                                                   {QStringLiteral("since"), since},
                                                                   {QStringLiteral("limit"), 500}});
        const QCborArray messages = reply.value(QLatin1String("messages")).toArray();
        if (messages.isEmpty())
            break;
        received += int(messages.size());
        since = messages.last().toMap().value(QLatin1String("seq")).toInteger();
        more = reply.value(QLatin1String("more")).toBool();
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

    // Fill through the protocol, as users would, with a deep window.
    BenchConnection* writer = users[0].connection;
    int sent = 0;
    int acked = 0;
    qint64 middleSeq = 0;
    qint64 lastSeq = 0;
    const QString text(100, QLatin1Char('h'));
    std::function<void()> sendOne = [&] {
        const int index = sent++;
        writer->request(QCborMap{{QStringLiteral("t"), QStringLiteral("send")},
                                 {QStringLiteral("conversation"), conversation},
                                 {QStringLiteral("client_msg_id"), createUuidV7().toRfc4122()},
                                 {QStringLiteral("text"), text}},
                        [&, index](const QCborMap& reply) {
                            ++acked;
                            const qint64 seq = reply.value(QLatin1String("seq")).toInteger();
                            lastSeq = std::max(lastSeq, seq);
                            if (index == m_messages / 2)
                                middleSeq = seq;
                            if (sent < m_messages)
                                sendOne();
                        });
    };
    m_harness.beginMeasure();
    for (int i = 0; i < 256 && sent < m_messages; ++i)
        sendOne();
    fill.ok = BenchHarness::waitUntil([&] { return acked == m_messages; }, 400000);
    fill.rate = acked / m_harness.endMeasure(&fill);
    fill.note = QStringLiteral("%1 messages, window 256").arg(acked);
    if (!fill.ok)
        return {fill};

    BenchConnection* reader = users[1].connection;
    auto timing = [&](const QString& name, double ms) {
        RunResult r;
        r.scenario = name;
        r.variant = m_harness.variant();
        r.unit = QStringLiteral("ms");
        r.ok = ms >= 0;
        r.rate = ms;
        r.serverPeakRssKiB = m_harness.server().peakRssKiB();
        r.note = QStringLiteral("median of 5");
        return r;
    };
    const QCborMap newest{{QStringLiteral("t"), QStringLiteral("history")},
                          {QStringLiteral("conversation"), conversation},
                          {QStringLiteral("limit"), 50}};
    QCborMap deep = newest;
    deep.insert(QLatin1String("before"), middleSeq);
    QList<RunResult> results{fill, timing(QStringLiteral("history newest 50"), medianCallMs(reader, newest, 5)),
                             timing(QStringLiteral("history deep 50"), medianCallMs(reader, deep, 5))};
    std::vector<double> syncs;
    for (int i = 0; i < 5; ++i)
        syncs.push_back(syncMs(reader, lastSeq - 10000, 10000));
    std::sort(syncs.begin(), syncs.end());
    results.append(timing(QStringLiteral("sync 10000"), syncs[2]));
    m_harness.closeAll();
    m_harness.server().stop();
    return results;
}

} // namespace lanchat::bench
