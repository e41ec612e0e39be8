#include "socketpeer.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace lanchat::test {

namespace {

void makeNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

} // namespace

std::pair<int, SocketPeer> SocketPeer::unixPair()
{
    int fds[2] = {-1, -1};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return {-1, SocketPeer()};
    makeNonBlocking(fds[1]);
    return {fds[0], SocketPeer(fds[1])};
}

std::pair<int, SocketPeer> SocketPeer::tcpPair()
{
    const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int accepted = -1;
    int client = -1;
    if (listener >= 0 && bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        listen(listener, 1) == 0 && getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        // Blocking connect to a listening loopback socket completes from the backlog without accept().
        if (client >= 0 && ::connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
            accepted = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    }
    if (listener >= 0)
        ::close(listener);
    if (accepted < 0) {
        if (client >= 0)
            ::close(client);
        return {-1, SocketPeer()};
    }
    makeNonBlocking(client);
    return {accepted, SocketPeer(client)};
}

SocketPeer::SocketPeer(int fd)
    : m_fd(fd)
{}

SocketPeer::~SocketPeer()
{
    close();
}

SocketPeer::SocketPeer(SocketPeer&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_notifier(std::move(other.m_notifier))
    , m_received(std::move(other.m_received))
    , m_eof(other.m_eof)
{}

SocketPeer& SocketPeer::operator=(SocketPeer&& other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
        m_notifier = std::move(other.m_notifier);
        m_received = std::move(other.m_received);
        m_eof = other.m_eof;
    }
    return *this;
}

void SocketPeer::readContinuously()
{
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(m_fd), QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        readAvailable();
        if (m_eof)
            m_notifier->setEnabled(false);
    });
}

qsizetype SocketPeer::readAvailable()
{
    char buffer[64 * 1024];
    while (m_fd >= 0 && !m_eof) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0)
            m_received.append(buffer, n);
        else if (n == 0)
            m_eof = true;
        else if (errno != EINTR)
            break;
    }
    return m_received.size();
}

bool SocketPeer::write(const QByteArray& data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

void SocketPeer::setReceiveBuffer(int bytes)
{
    setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
}

void SocketPeer::resetAndClose()
{
    const linger abortive{1, 0};
    setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    close();
}

void SocketPeer::close()
{
    m_notifier.reset(); // before the descriptor goes
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
}

void setSendBuffer(int fd, int bytes)
{
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}

} // namespace lanchat::test
