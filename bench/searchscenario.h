#pragma once

#include "benchharness.h"
#include "corpusgenerator.h"

#include <QList>
#include <QString>

namespace lanchat::bench {

/**
 * The search benchmark (bench/README.md, "Search"): a generated database of CorpusSpec::messages messages
 * (CorpusGenerator, written without the search index), then
 *   1. the index build when the database is opened with the index on (SqliteStorage::open, search_index = true);
 *   2. the database size without and with the index;
 *   3. per-query latency through Storage::search (SearchQueries) as member50 and member500, and the same through a
 *      real server over loopback with the protocol's `search`;
 *   4. message append throughput of `pairs w64` against servers with search_index = false and = true,
 *      interleaved, the median of @p runs each.
 * Runs once (not per variant): the loopback parts use the harness's variant.
 */
class SearchScenario
{
public:
    SearchScenario(BenchHarness& harness, CorpusSpec spec, int runs, int messagesPerSender);
    QList<RunResult> run();

private:
    /** Steps 1–3 through the storage; fills m_info. False with a failed row appended. */
    bool measureStorage(const QString& databasePath, QList<RunResult>* rows);
    void measureServer(const QString& databasePath, QList<RunResult>* rows);
    void measureAppends(QList<RunResult>* rows);

    BenchHarness& m_harness;
    CorpusSpec m_spec;
    int m_runs;
    int m_messagesPerSender;
    CorpusInfo m_info;
};

} // namespace lanchat::bench
