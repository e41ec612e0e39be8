#pragma once

#include "benchharness.h"
#include "sendtemplate.h"

namespace lanchat::bench {

/**
 * Scenarios 1 and 2: senders each send a fixed number of 100-byte messages with a window of
 * unacknowledged messages in flight; every delivery's latency is taken from the send time in its payload.
 * Sends are patched copies of a pre-encoded frame (SendTemplate); acks and deliveries are recognised in place.
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

    /** @p serverConfig: lines of server config for its server (ServerProcess), e.g. "search_index=false". */
    MessagingScenario(BenchHarness& harness, Shape shape, int window, int messagesPerSender,
                      QStringList serverConfig = {});
    /** One run on a fresh server. */
    RunResult run();

private:
    struct Sender
    {
        BenchConnection* connection = nullptr;
        SendTemplate frame;
        int sent = 0;
        int acked = 0;
    };

    bool setUp(QString* error);
    /** Routes the frames of one connection; @p sender is an index into m_senders or -1 for a receiver. */
    void onFrame(int sender, const BenchFrame& frame);
    void sendNext(Sender& sender);

    BenchHarness& m_harness;
    Shape m_shape;
    int m_window;
    int m_messagesPerSender;
    QStringList m_serverConfig;
    int m_receiversPerMessage = 1;
    std::vector<Sender> m_senders;
    std::vector<qint64> m_latenciesNs;
    qint64 m_deliveries = 0;
    QString m_failure;
};

} // namespace lanchat::bench
