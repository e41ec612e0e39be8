#include "runresult.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace lanchat::bench {

QJsonObject RunResult::toJson() const
{
    return QJsonObject{{QStringLiteral("scenario"), scenario},
                       {QStringLiteral("variant"), variant},
                       {QStringLiteral("ok"), ok},
                       {QStringLiteral("rate"), rate},
                       {QStringLiteral("unit"), unit},
                       {QStringLiteral("p50_ms"), p50},
                       {QStringLiteral("p99_ms"), p99},
                       {QStringLiteral("p999_ms"), p999},
                       {QStringLiteral("max_ms"), maxMs},
                       {QStringLiteral("server_cpu_pct"), serverCpuPct},
                       {QStringLiteral("generator_cpu_pct"), generatorCpuPct},
                       {QStringLiteral("server_peak_rss_kib"), serverPeakRssKiB},
                       {QStringLiteral("baseline_ratio"), baselineRatio},
                       {QStringLiteral("note"), note}};
}

RunResult medianRun(const QList<RunResult>& runs)
{
    QList<RunResult> ok;
    for (const RunResult& r : runs) {
        if (r.ok)
            ok.append(r);
    }
    if (ok.isEmpty())
        return runs.isEmpty() ? RunResult{} : runs.first();
    std::sort(ok.begin(), ok.end(), [](const RunResult& a, const RunResult& b) { return a.rate < b.rate; });
    RunResult median = ok.at((ok.size() - 1) / 2);
    QList<double> ratios;
    for (const RunResult& r : std::as_const(ok))
        ratios.append(r.baselineRatio);
    std::sort(ratios.begin(), ratios.end());
    median.baselineRatio = ratios.at((ratios.size() - 1) / 2);
    QString note = QStringLiteral("median of %1 runs").arg(ok.size());
    if (median.baselineRatio > 0)
        note += QStringLiteral("; %1× plain copy (median of the runs' ratios)").arg(median.baselineRatio, 0, 'f', 2);
    if (!median.note.isEmpty())
        note += QStringLiteral("; ") + median.note;
    median.note = note;
    return median;
}

double percentileMs(const std::vector<qint64>& sortedNs, double percentile)
{
    if (sortedNs.empty())
        return 0;
    const auto rank = size_t(std::ceil(percentile / 100.0 * double(sortedNs.size())));
    const size_t index = std::min(sortedNs.size() - 1, rank == 0 ? 0 : rank - 1);
    return double(sortedNs[index]) / 1e6;
}

QString formatTable(const QList<RunResult>& results)
{
    QStringList lines;
    const QString header = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11")
                               .arg(QStringLiteral("scenario"), -18)
                               .arg(QStringLiteral("variant"), -10)
                               .arg(QStringLiteral("rate"), 12)
                               .arg(QStringLiteral("unit"), -9)
                               .arg(QStringLiteral("p50 ms"), 8)
                               .arg(QStringLiteral("p99 ms"), 8)
                               .arg(QStringLiteral("p99.9 ms"), 9)
                               .arg(QStringLiteral("max ms"), 8)
                               .arg(QStringLiteral("srv CPU%"), 9)
                               .arg(QStringLiteral("gen CPU%"), 9)
                               .arg(QStringLiteral("srv peak RSS"), 13);
    lines << header << QString(header.size() + 6, QLatin1Char('-'));
    for (const RunResult& r : results) {
        lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11  %12")
                     .arg(r.scenario, -18)
                     .arg(r.variant, -10)
                     .arg(r.ok ? QString::number(r.rate, 'f', r.rate < 100 ? 2 : 0) : QStringLiteral("FAILED"), 12)
                     .arg(r.unit, -9)
                     .arg(r.p50, 8, 'f', 2)
                     .arg(r.p99, 8, 'f', 2)
                     .arg(r.p999, 9, 'f', 2)
                     .arg(r.maxMs > 0 ? QString::number(r.maxMs, 'f', 2) : QString(), 8)
                     .arg(r.serverCpuPct, 9, 'f', 0)
                     .arg(r.generatorCpuPct, 9, 'f', 0)
                     .arg(QStringLiteral("%1 MiB").arg(double(r.serverPeakRssKiB) / 1024.0, 0, 'f', 1), 13)
                     .arg(r.note);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace lanchat::bench
