#pragma once

#include "net/connection.h"

#include <QByteArray>

#include <functional>
#include <vector>

namespace lanchat::test {

/**
 * A ConnectionHandler that records what a Connection reports: the bytes delivered (through the poller's
 * shared buffer or, with setReceiveRoom(), in place), how often output was written and how often the
 * connection said it closed. Poller thread only.
 */
class RecordingHandler final : public ConnectionHandler
{
public:
    /** Offers a receiveSpace() of @p bytes (> 0) for every read, as a session assembling a large frame does. */
    void setReceiveRoom(qsizetype bytes);
    /** Called after every delivery (with the bytes recorded so far): where a test pauses reading. */
    void setOnReceived(std::function<void(const QByteArray&)> callback) { m_onReceived = std::move(callback); }

    const QByteArray& received() const { return m_received; }
    /** Deliveries (onBytesReceived plus onBytesReceivedInPlace calls). */
    int deliveries() const { return m_deliveries; }
    int writtenCalls() const { return m_writtenCalls; }
    int closedCalls() const { return m_closedCalls; }

    void onBytesReceived(const char* data, qsizetype size) override;
    std::span<char> receiveSpace() override;
    void onBytesReceivedInPlace(qsizetype size) override;
    void onBytesWritten() override { ++m_writtenCalls; }
    void onConnectionClosed() override { ++m_closedCalls; }

private:
    void record(const char* data, qsizetype size);

    QByteArray m_received;
    std::vector<char> m_room;
    std::function<void(const QByteArray&)> m_onReceived;
    int m_deliveries = 0;
    int m_writtenCalls = 0;
    int m_closedCalls = 0;
};

} // namespace lanchat::test
