#pragma once

#include "benchharness.h"

namespace lanchat::bench {

/**
 * Scenarios 1 and 2 of issue 8: senders each send a fixed number of 100-byte messages with a window of
 * unacknowledged messages in flight; every delivery's latency is taken from the send time in its payload.
 *   pairs: 200 clients in 100 pairs, each sender to its partner's private conversation.
 *   group: 200 members in one group, 5 senders.
 */
class MessagingScenario
{
public:
    enum class Shape
    {
        Pairs,
        Group,
    };

    MessagingScenario(BenchHarness& harness, Shape shape, int window, int messagesPerSender);
    /** One run on a fresh server. */
    RunResult run();

private:
    struct Sender
    {
        BenchConnection* connection = nullptr;
        qint64 conversation = 0;
        int sent = 0;
        int acked = 0;
    };

    bool setUp(QString* error);
    void sendNext(Sender& sender);

    BenchHarness& m_harness;
    Shape m_shape;
    int m_window;
    int m_messagesPerSender;
    int m_receiversPerMessage = 1;
    std::vector<Sender> m_senders;
    std::vector<qint64> m_latenciesNs;
    qint64 m_deliveries = 0;
    QString m_failure;
};

} // namespace lanchat::bench
