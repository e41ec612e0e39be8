#pragma once

#include "benchharness.h"

namespace lanchat::bench {

/**
 * Scenario 4: one conversation holding 1,000,000 messages; the time to fetch the newest 50, a page
 * 500,000 deep, and `sync` of 10,000 missed messages (paged at the protocol maximum). Each timing is the median
 * of several repetitions on the same server (21 for a page, 5 for a sync). Replies are checked in place, not
 * decoded, so the generator's own work stays out of the timings.
 */
class HistoryScenario
{
public:
    HistoryScenario(BenchHarness& harness, int messages);
    QList<RunResult> run();

private:
    double medianCallMs(BenchConnection* connection, const QCborMap& request, int repetitions);
    double syncMs(BenchConnection* connection, qint64 since, int expected);

    BenchHarness& m_harness;
    int m_messages;
};

} // namespace lanchat::bench
