#pragma once

#include <QByteArray>

#include <memory>
#include <utility>

class QSocketNotifier;

namespace lanchat::test {

/**
 * The far end of a connected stream socket whose near end a test hands to a Connection: a non-blocking
 * descriptor the test reads and writes directly, and ways to make the pair (a Unix socketpair, or TCP over
 * 127.0.0.1 port 0 where TCP behaviour matters: resets). Owns its descriptor; closes it on destruction.
 */
class SocketPeer
{
public:
    /** A connected AF_UNIX stream pair: {descriptor for the Connection, peer}. Descriptor -1 on failure. */
    static std::pair<int, SocketPeer> unixPair();
    /** An accepted TCP connection over loopback: {accepted descriptor for the Connection, peer}. */
    static std::pair<int, SocketPeer> tcpPair();

    explicit SocketPeer(int fd = -1);
    ~SocketPeer();
    SocketPeer(SocketPeer&& other) noexcept;
    SocketPeer& operator=(SocketPeer&& other) noexcept;
    SocketPeer(const SocketPeer&) = delete;
    SocketPeer& operator=(const SocketPeer&) = delete;

    int descriptor() const { return m_fd; }
    /**
     * Reads into received() whenever the socket is readable, from the event loop (a QSocketNotifier), so a
     * stream larger than the buffers keeps moving while the test waits. Call on the peer's final object.
     */
    void readContinuously();
    /** Reads what the kernel holds now into received(); returns received().size(). */
    qsizetype readAvailable();
    const QByteArray& received() const { return m_received; }
    /** True once a read returned end of stream (the other side's FIN). */
    bool sawEndOfStream() const { return m_eof; }
    /** Writes all of @p data (the socket must have room: small writes only); false on error. */
    bool write(const QByteArray& data);
    /** Shrinks the kernel's receive buffer to @p bytes (SO_RCVBUF) so that the sender's fills up. */
    void setReceiveBuffer(int bytes);
    /** SO_LINGER 0 and close: a TCP peer sends RST instead of FIN. */
    void resetAndClose();
    /** Closes the descriptor (FIN). */
    void close();

private:
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QByteArray m_received;
    bool m_eof = false;
};

/** Shrinks the kernel's send buffer of @p fd to @p bytes (SO_SNDBUF), so that writes stop part way. */
void setSendBuffer(int fd, int bytes);

} // namespace lanchat::test
