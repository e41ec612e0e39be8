#pragma once

#include "eventloop.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace lanchat::bench {

/**
 * Writes a download to disk on its own thread, so the generator's socket loop never waits for the page cache:
 * on this kind of VM a write into fresh page-cache memory costs several times the network receive, and done
 * inline it made the generator, not the server, the limit of the download. The Qt torrent example's
 * FileManager does the same. Chunks are copied into a small pool of reused buffers (a fresh 256 KiB
 * allocation per chunk would fault its pages in again); the loop is woken through an eventfd whenever a chunk
 * has been written, so it can ask the server for more. The CPU of the thread counts as the generator's
 * (getrusage covers the process). write(), queued() and finish() are for the loop's thread only.
 */
class FileWriter final : public EventLoop::Handler
{
public:
    /** Writes to @p fd (not owned); @p onWritten runs on the loop's thread after chunks were written. */
    FileWriter(EventLoop& loop, int fd, std::function<void()> onWritten);
    ~FileWriter() override;
    FileWriter(const FileWriter&) = delete;
    FileWriter& operator=(const FileWriter&) = delete;

    /** Queues a copy of @p data for offset @p offset. False once a write has failed. */
    bool write(std::string_view data, std::int64_t offset);
    /** Chunks queued and not yet written. */
    std::size_t queued() const { return m_queued.load(); }
    /** Waits for every queued chunk, then fsyncs; false if a write or the fsync failed (see error()). */
    bool finish();
    QString error() const;

private:
    struct Chunk
    {
        std::unique_ptr<char[]> data;
        std::size_t capacity = 0;
        std::size_t size = 0;
        std::int64_t offset = 0;
    };

    void run();
    void onEvents(std::uint32_t events) override;
    void onTurnEnd() override {}

    EventLoop& m_loop;
    int m_fd;
    int m_wake = -1;
    std::function<void()> m_onWritten;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_todo;
    std::vector<Chunk> m_spare;
    std::atomic<std::size_t> m_queued{0};
    bool m_stopping = false;
    bool m_failed = false;
    QString m_error;
    std::thread m_thread;
};

} // namespace lanchat::bench
