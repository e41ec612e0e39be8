#include "searchscenario.h"

#include "messagingscenario.h"
#include "passwordhasher.h"
#include "searchqueries.h"
#include "sqlitestorage.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace lanchat::bench {

namespace {

// Each query of a kind runs this often: 10 queries × 20 = 200 samples per row, enough for a p99.
constexpr int kRepetitions = 20;

/** The database with its WAL (a closed database has none: the last connection checkpoints and removes it), MiB. */
double databaseMiB(const QString& path)
{
    return double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / (1024.0 * 1024.0);
}

RunResult failed(const QString& scenario, const QString& why)
{
    RunResult row;
    row.scenario = scenario;
    row.variant = QStringLiteral("storage");
    row.note = why;
    return row;
}

RunResult secondsRow(const QString& scenario, double seconds, const QString& note)
{
    RunResult row;
    row.scenario = scenario;
    row.variant = QStringLiteral("storage");
    row.ok = true;
    row.rate = seconds;
    row.unit = QStringLiteral("s");
    row.note = note;
    return row;
}

} // namespace

SearchScenario::SearchScenario(BenchHarness& harness, CorpusSpec spec, int runs, int messagesPerSender)
    : m_harness(harness)
    , m_spec(spec)
    , m_runs(runs)
    , m_messagesPerSender(messagesPerSender)
{}

QList<RunResult> SearchScenario::run()
{
    QList<RunResult> rows;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lanchat.db"));
    if (measureStorage(path, &rows))
        measureServer(path, &rows);
    measureAppends(&rows);
    return rows;
}

bool SearchScenario::measureStorage(const QString& path, QList<RunResult>* rows)
{
    QTextStream out(stdout);
    QString error;
    {
        // The corpus is written without the index, as a database from before search existed.
        const std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error, false);
        if (!storage) {
            rows->append(failed(QStringLiteral("search corpus"), error));
            return false;
        }
        const PasswordHasher hasher(PasswordHasher::Cost{64, 1, 1}); // the bench server's cost (ServerProcess)
        const std::optional<CorpusInfo> info =
            CorpusGenerator(m_spec).fill(*storage, hasher.hash(QString::fromLatin1(BenchHarness::kPassword)), &error);
        if (!info) {
            rows->append(failed(QStringLiteral("search corpus"), error));
            return false;
        }
        m_info = *info;
    }
    RunResult corpus = secondsRow(
        QStringLiteral("search corpus"), m_info.seconds,
        QStringLiteral("%1 messages (%2 files) in %3 conversations; member50 reads %4, member500 %5; their busiest "
                       "conversations: %6 and %7")
            .arg(m_info.messages)
            .arg(m_info.fileMessages)
            .arg(m_spec.groups + m_spec.privateChats)
            .arg(m_info.readableBy50)
            .arg(m_info.readableBy500)
            .arg(m_info.busiestMessagesOf50)
            .arg(m_info.busiestMessagesOf500));
    rows->append(corpus);
    const double plainMiB = databaseMiB(path);

    QElapsedTimer clock;
    clock.start();
    {
        out << "  search: building the index (open with search_index = true)" << Qt::endl;
        const std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error, true);
        if (!storage) {
            rows->append(failed(QStringLiteral("index build"), error));
            return false;
        }
    }
    const double buildSeconds = double(clock.nsecsElapsed()) / 1e9;
    rows->append(secondsRow(QStringLiteral("index build"), buildSeconds,
                            QStringLiteral("%1 messages/s; open with search_index = true, then close (goal ≤ 60 s)")
                                .arg(double(m_info.messages) / buildSeconds, 0, 'f', 0)));
    const double indexedMiB = databaseMiB(path);
    RunResult size = secondsRow(QStringLiteral("db size indexed"), indexedMiB,
                                QStringLiteral("without the index %1 MiB: +%2 MiB, +%3 %")
                                    .arg(plainMiB, 0, 'f', 1)
                                    .arg(indexedMiB - plainMiB, 0, 'f', 1)
                                    .arg((indexedMiB / plainMiB - 1) * 100, 0, 'f', 1));
    size.unit = QStringLiteral("MiB");
    rows->append(size);

    clock.restart();
    const std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error, true);
    if (!storage) {
        rows->append(failed(QStringLiteral("index reopen"), error));
        return false;
    }
    rows->append(secondsRow(QStringLiteral("index reopen"), double(clock.nsecsElapsed()) / 1e9,
                            QStringLiteral("open of the indexed database: no rebuild")));
    const SearchQueries::Search search = [&](UserId user, ConversationId conversation, const QString& query,
                                             QString* why) -> std::optional<int> {
        SearchMessages request;
        request.query = query;
        request.conversation = conversation;
        const std::optional<SearchPage> page = storage->search(user, request);
        if (!page) {
            *why = QStringLiteral("Storage::search gave nullopt");
            return std::nullopt;
        }
        return int(page->hits.size());
    };
    out << "  search: queries through Storage::search" << Qt::endl;
    rows->append(SearchQueries::time(search, m_info.member50, QStringLiteral("u50"), m_info.busiestOf50,
                                     QStringLiteral("storage"), kRepetitions));
    rows->append(SearchQueries::time(search, m_info.member500, QStringLiteral("u500"), m_info.busiestOf500,
                                     QStringLiteral("storage"), kRepetitions));
    return true;
}

void SearchScenario::measureServer(const QString& path, QList<RunResult>* rows)
{
    QTextStream out(stdout);
    out << "  search: queries through a server over loopback" << Qt::endl;
    QString error;
    if (!m_harness.startServer(&error, {QStringLiteral("search_index=true")}, path)) {
        rows->append(failed(QStringLiteral("q server"), error));
        return;
    }
    const QList<BenchUser> users =
        m_harness.connectUsers({QStringLiteral("member50"), QStringLiteral("member500")}, true, &error);
    if (users.size() != 2) {
        rows->append(failed(QStringLiteral("q server"), error));
        return;
    }
    const SearchQueries::Search search = [&](UserId user, ConversationId conversation, const QString& query,
                                             QString* why) -> std::optional<int> {
        QCborMap request{{QStringLiteral("t"), QStringLiteral("search")}, {QStringLiteral("q"), query}};
        if (conversation.isValid())
            request.insert(QStringLiteral("conversation"), conversation.value());
        std::optional<int> hits;
        BenchConnection* connection = users[user == m_info.member50 ? 0 : 1].connection;
        const bool answered = m_harness.callRaw(connection, request, [&](const BenchFrame& frame) {
            // Decoded inside the timed call, as a real client does; a page of 20 hits takes microseconds.
            const QCborMap reply = frame.toMap();
            if (frame.type == "ok")
                hits = int(reply.value(QLatin1String("hits")).toArray().size());
            else
                *why = reply.value(QLatin1String("code")).toString();
        });
        if (!answered)
            *why = QStringLiteral("no reply");
        return hits;
    };
    rows->append(SearchQueries::time(search, m_info.member50, QStringLiteral("u50"), m_info.busiestOf50,
                                     m_harness.variant(), kRepetitions));
    rows->append(SearchQueries::time(search, m_info.member500, QStringLiteral("u500"), m_info.busiestOf500,
                                     m_harness.variant(), kRepetitions));
    m_harness.closeAll();
}

void SearchScenario::measureAppends(QList<RunResult>* rows)
{
    QTextStream out(stdout);
    QList<RunResult> off, on;
    for (int run = 0; run < m_runs; ++run) {
        for (bool index : {false, true}) {
            out << "  search: pairs w64 with search_index = " << (index ? "true" : "false") << ", run " << run + 1
                << Qt::endl;
            const QString config = QStringLiteral("search_index=%1").arg(index ? "true" : "false");
            (index ? on : off)
                .append(MessagingScenario(m_harness, MessagingScenario::Shape::Pairs, 64, m_messagesPerSender, {config})
                            .run());
        }
    }
    RunResult without = medianRun(off);
    RunResult with = medianRun(on);
    without.scenario = QStringLiteral("append idx off");
    with.scenario = QStringLiteral("append idx on");
    // Each run with the index is compared with the run just before it (same minute, same load on the machine).
    QList<double> ratios;
    for (qsizetype i = 0; i < on.size(); ++i) {
        if (on[i].ok && off[i].ok && off[i].rate > 0)
            ratios.append(on[i].rate / off[i].rate);
    }
    std::sort(ratios.begin(), ratios.end());
    if (!ratios.isEmpty()) {
        with.baselineRatio = ratios.at((ratios.size() - 1) / 2);
        with.note += QStringLiteral("; with the index %1 % of the rate without (median of %2 interleaved pairs; goal "
                                    "≥ 85 %)")
                         .arg(with.baselineRatio * 100, 0, 'f', 1)
                         .arg(ratios.size());
    }
    rows->append(without);
    rows->append(with);
}

} // namespace lanchat::bench
