#include "recordinghandler.h"

namespace lanchat::test {

void RecordingHandler::setReceiveRoom(qsizetype bytes)
{
    m_room.assign(size_t(bytes), '\0');
}

void RecordingHandler::onBytesReceived(const char* data, qsizetype size)
{
    record(data, size);
}

std::span<char> RecordingHandler::receiveSpace()
{
    return {m_room.data(), m_room.size()};
}

void RecordingHandler::onBytesReceivedInPlace(qsizetype size)
{
    record(m_room.data(), size);
}

void RecordingHandler::record(const char* data, qsizetype size)
{
    m_received.append(data, size);
    ++m_deliveries;
    if (m_onReceived)
        m_onReceived(m_received);
}

} // namespace lanchat::test
