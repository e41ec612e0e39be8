#pragma once

#include <cstddef>
#include <memory>

namespace lanchat::bench {

/**
 * A contiguous byte window [data(), data() + size()) with free room behind it: the generator's input
 * buffer (bytes read, frames split off the front) and output buffer (frames written behind, the kernel or
 * OpenSSL takes from the front). Making room compacts the window to the start when that is enough and
 * otherwise doubles the capacity, so the bytes may move: OpenSSL accepts that for a retried SSL_write under
 * SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER. Not thread-safe.
 */
class ByteBuffer
{
public:
    /** @p initialCapacity is the first allocation, made by the first reserve(). */
    explicit ByteBuffer(std::size_t initialCapacity);

    /** At least @p room free bytes behind the window; returns where they start. Valid until the next call. */
    char* reserve(std::size_t room);
    /** @p bytes of the reserved room were filled. */
    void commit(std::size_t bytes) { m_end += bytes; }
    /** @p bytes at the front were used; an emptied window moves back to the start. */
    void consume(std::size_t bytes);
    void clear() { m_begin = m_end = 0; }

    const char* data() const { return m_data.get() + m_begin; }
    std::size_t size() const { return m_end - m_begin; }
    std::size_t capacity() const { return m_capacity; }
    /** Free bytes behind the window without moving anything. */
    std::size_t room() const { return m_capacity - m_end; }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_initialCapacity;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

} // namespace lanchat::bench
