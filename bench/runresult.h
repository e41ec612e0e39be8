#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace lanchat::bench {

/** One measured run of a scenario. Times in ms, rates per second, memory in KiB. */
struct RunResult
{
    QString scenario;                  ///< e.g. "pairs w1"
    QString variant;                   ///< "tls" or "plaintext"
    bool ok = false;                   ///< false: the run did not finish (see note)
    double rate = 0;                   ///< deliveries/s, or MB/s for files
    QString unit;                      ///< "msg/s", "deliv/s", "MB/s", "ms", "KiB/conn"
    double p50 = 0, p99 = 0, p999 = 0; ///< latency ms (0 when not applicable)
    double maxMs = 0;                  ///< worst latency ms (0 when not measured)
    double serverCpuPct = 0;           ///< of one core
    double generatorCpuPct = 0;        ///< of one core
    qint64 serverPeakRssKiB = 0;
    /** rate ÷ the baseline measured in the same run (files: the plain copy); 0 when there is none. */
    double baselineRatio = 0;
    QString note;

    QJsonObject toJson() const;
};

/**
 * The median run by rate (lower median for even counts); failed runs count only if all failed. Its baselineRatio
 * is the median of the runs' own ratios, each against the baseline of its run (the machine is shared and noisy:
 * a run's rate and its baseline move together), not the ratio of the median run.
 */
RunResult medianRun(const QList<RunResult>& runs);

/** Percentile (0..100) of sorted nanosecond samples, in ms. */
double percentileMs(const std::vector<qint64>& sortedNs, double percentile);

/** Prints the results as a fixed-width table. */
QString formatTable(const QList<RunResult>& results);

} // namespace lanchat::bench
