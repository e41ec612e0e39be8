#pragma once

#include <QtGlobal>

#include <vector>

namespace lanchat {

/**
 * What the pipelined group commit did: commits, messages per commit, and how long each commit ran on the
 * commit thread (appends + COMMIT with its fsync). With the debug category `lanchat.storage` enabled
 * (QT_LOGGING_RULES="lanchat.storage.debug=true") it logs a summary every kReportIntervalMs, e.g.
 * "group commit: 1210 commits, 48.3 messages each, 0.72 ms median, 2.9 ms p99 over 10 s". For operators
 * and benchmarks; not thread-safe (the server thread records and reads it).
 */
class CommitStats
{
public:
    static constexpr qint64 kReportIntervalMs = 10 * 1000;

    /** One successful commit of @p messages appends that ran @p runNs nanoseconds. */
    void record(qsizetype messages, qint64 runNs);

    qint64 commits() const { return m_totalCommits; }
    qint64 messages() const { return m_totalMessages; }

private:
    void report(qint64 nowMs);

    qint64 m_totalCommits = 0;
    qint64 m_totalMessages = 0;
    qint64 m_windowStartMs = 0;
    qint64 m_windowMessages = 0;
    std::vector<qint64> m_windowRunNs;
};

} // namespace lanchat
