#include "outputqueue.h"

#include <algorithm>
#include <cstring>
#include <sys/uio.h>

namespace lanchat {

void OutputQueue::append(const QByteArray& frame)
{
    if (frame.isEmpty())
        return;
    m_frames.append(frame);
    m_bytes += frame.size();
}

int OutputQueue::gather(iovec* iov, int max) const
{
    int count = 0;
    for (qsizetype i = m_head; i < m_frames.size() && count < max; ++i) {
        const QByteArray& frame = m_frames.at(i);
        const qsizetype offset = i == m_head ? m_offset : 0;
        iov[count].iov_base = const_cast<char*>(frame.constData() + offset);
        iov[count].iov_len = size_t(frame.size() - offset);
        ++count;
    }
    return count;
}

qsizetype OutputQueue::front(char* stage, qsizetype recordBytes, const char** data) const
{
    if (m_head >= m_frames.size()) {
        *data = nullptr;
        return 0;
    }
    const QByteArray& head = m_frames.at(m_head);
    const qsizetype headLeft = head.size() - m_offset;
    if (headLeft >= recordBytes || m_head + 1 == m_frames.size()) {
        *data = head.constData() + m_offset;
        return headLeft;
    }
    qsizetype length = 0;
    for (qsizetype i = m_head; i < m_frames.size() && length < recordBytes; ++i) {
        const QByteArray& frame = m_frames.at(i);
        const qsizetype offset = i == m_head ? m_offset : 0;
        const qsizetype piece = std::min(frame.size() - offset, recordBytes - length);
        std::memcpy(stage + length, frame.constData() + offset, size_t(piece));
        length += piece;
    }
    *data = stage;
    return length;
}

void OutputQueue::consume(qsizetype count)
{
    m_bytes -= count;
    while (count > 0 && m_head < m_frames.size()) {
        const qsizetype left = m_frames.at(m_head).size() - m_offset;
        if (count < left) {
            m_offset += count;
            return;
        }
        count -= left;
        m_frames[m_head] = QByteArray(); // drop our reference to a shared fan-out frame now
        ++m_head;
        m_offset = 0;
    }
    if (m_head == m_frames.size())
        clear();
}

void OutputQueue::clear()
{
    m_frames = QList<QByteArray>();
    m_head = 0;
    m_offset = 0;
    m_bytes = 0;
}

} // namespace lanchat
