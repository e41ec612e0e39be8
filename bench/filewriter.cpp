#include "filewriter.h"

#include <cerrno>
#include <cstring>
#include <sys/eventfd.h>
#include <unistd.h>

namespace lanchat::bench {

FileWriter::FileWriter(EventLoop& loop, int fd, std::function<void()> onWritten)
    : m_loop(loop)
    , m_fd(fd)
    , m_wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    , m_onWritten(std::move(onWritten))
{
    if (m_wake < 0 || !m_loop.add(m_wake, this)) {
        m_failed = true;
        m_error = QStringLiteral("eventfd: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_thread = std::thread(&FileWriter::run, this);
}

FileWriter::~FileWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_wake >= 0) {
        m_loop.remove(m_wake, this);
        ::close(m_wake);
    }
}

bool FileWriter::write(std::string_view data, std::int64_t offset)
{
    Chunk chunk;
    {
        const std::lock_guard lock(m_mutex);
        if (m_failed)
            return false;
        if (!m_spare.empty()) {
            chunk = std::move(m_spare.back());
            m_spare.pop_back();
        }
    }
    if (chunk.capacity < data.size()) {
        chunk.data.reset(new char[data.size()]);
        chunk.capacity = data.size();
    }
    std::memcpy(chunk.data.get(), data.data(), data.size());
    chunk.size = data.size();
    chunk.offset = offset;
    {
        const std::lock_guard lock(m_mutex);
        m_todo.push_back(std::move(chunk));
        ++m_queued;
    }
    m_changed.notify_all();
    return true;
}

void FileWriter::run()
{
    for (;;) {
        Chunk chunk;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_todo.empty(); });
            if (m_todo.empty())
                return;
            chunk = std::move(m_todo.front());
            m_todo.pop_front();
        }
        std::size_t done = 0;
        int error = 0;
        while (done < chunk.size) {
            const ssize_t n =
                ::pwrite(m_fd, chunk.data.get() + done, chunk.size - done, off_t(chunk.offset) + off_t(done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                error = n < 0 ? errno : ENOSPC;
                break;
            }
            done += std::size_t(n);
        }
        {
            const std::lock_guard lock(m_mutex);
            if (error != 0 && !m_failed) {
                m_failed = true;
                m_error = QStringLiteral("writing the download: %1").arg(QString::fromLocal8Bit(std::strerror(error)));
            }
            m_spare.push_back(std::move(chunk));
            --m_queued;
        }
        m_changed.notify_all();
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t ignored = ::write(m_wake, &one, sizeof(one));
    }
}

bool FileWriter::finish()
{
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_failed || m_queued.load() == 0; });
        if (m_failed)
            return false;
    }
    if (::fsync(m_fd) != 0) {
        const std::lock_guard lock(m_mutex);
        m_failed = true;
        m_error = QStringLiteral("fsync of the download: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

QString FileWriter::error() const
{
    const std::lock_guard lock(m_mutex);
    return m_error;
}

void FileWriter::onEvents(std::uint32_t)
{
    std::uint64_t count = 0;
    while (::read(m_wake, &count, sizeof(count)) > 0) {
    }
    if (m_onWritten)
        m_onWritten();
}

} // namespace lanchat::bench
