#include "commitstats.h"

#include "logging.h"
#include "sessionwatchdog.h"

#include <algorithm>

namespace lanchat {

void CommitStats::record(qsizetype messages, qint64 runNs)
{
    ++m_totalCommits;
    m_totalMessages += messages;
    if (!lcStorage().isDebugEnabled())
        return;
    const qint64 now = SessionWatchdog::nowMs();
    if (m_windowStartMs == 0)
        m_windowStartMs = now;
    m_windowMessages += messages;
    m_windowRunNs.push_back(runNs);
    if (now - m_windowStartMs >= kReportIntervalMs)
        report(now);
}

void CommitStats::report(qint64 nowMs)
{
    std::sort(m_windowRunNs.begin(), m_windowRunNs.end());
    const auto at = [this](double fraction) {
        return double(m_windowRunNs[size_t(fraction * double(m_windowRunNs.size() - 1))]) / 1e6;
    };
    const auto commits = qsizetype(m_windowRunNs.size());
    qCDebug(lcStorage, "group commit: %lld commits, %.1f messages each, %.2f ms median, %.2f ms p99 over %.1f s",
            qint64(commits), double(m_windowMessages) / double(commits), at(0.5), at(0.99),
            double(nowMs - m_windowStartMs) / 1000.0);
    m_windowStartMs = nowMs;
    m_windowMessages = 0;
    m_windowRunNs.clear();
}

} // namespace lanchat
