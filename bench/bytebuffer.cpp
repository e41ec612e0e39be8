#include "bytebuffer.h"

#include <algorithm>
#include <cstring>

namespace lanchat::bench {

ByteBuffer::ByteBuffer(std::size_t initialCapacity)
    : m_initialCapacity(initialCapacity)
{}

char* ByteBuffer::reserve(std::size_t room)
{
    if (m_capacity - m_end >= room)
        return m_data.get() + m_end;
    const std::size_t used = size();
    if (m_begin > 0 && m_capacity - used >= room) {
        std::memmove(m_data.get(), m_data.get() + m_begin, used);
    } else {
        std::size_t capacity = std::max(m_initialCapacity, m_capacity * 2);
        while (capacity < used + room)
            capacity *= 2;
        std::unique_ptr<char[]> grown(new char[capacity]);
        if (used > 0)
            std::memcpy(grown.get(), m_data.get() + m_begin, used);
        m_data = std::move(grown);
        m_capacity = capacity;
    }
    m_begin = 0;
    m_end = used;
    return m_data.get() + m_end;
}

void ByteBuffer::consume(std::size_t bytes)
{
    m_begin += bytes;
    if (m_begin == m_end)
        clear();
}

} // namespace lanchat::bench
