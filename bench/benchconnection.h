#pragma once

#include "bytebuffer.h"
#include "cborscanner.h"
#include "eventloop.h"

#include <QCborMap>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

struct ssl_st;

namespace lanchat::bench {

class TlsContext;

/** One received frame, seen in place in the connection's input buffer: valid only during the callback. */
struct BenchFrame
{
    static constexpr std::size_t kCachedFields = 12;

    std::string_view payload;        ///< the CBOR map (length prefix stripped)
    std::string_view type;           ///< its `t`, empty if absent
    std::optional<std::uint64_t> id; ///< its top-level `id`, if any
    std::int64_t receivedNs = 0;     ///< steady clock when the bytes were read (see nowNs())
    /// Offsets in payload of the first fieldCount keys (each value follows its key); entries beyond
    /// fieldCount are never read, so they are not zeroed for every received frame.
    std::array<std::uint32_t, kCachedFields> keyAt;
    std::size_t fieldCount = 0;
    bool allFields = true; ///< false if the map has more pairs than keyAt holds

    /** The value under @p key of the frame's map, found from the pass already made over it. */
    std::optional<CborItem> field(std::string_view key) const
    {
        for (std::size_t i = 0; i < fieldCount; ++i) {
            std::size_t pos = keyAt[i];
            CborItem name;
            CborItem value;
            if (CborScanner::read(payload, pos, &name) && name.content == key &&
                CborScanner::read(payload, pos, &value))
                return value;
        }
        return allFields ? std::nullopt : CborScanner::field(payload, key);
    }
    /** Full decode (copies); for setup replies only, never on the hot path. */
    QCborMap toMap() const;
};

/**
 * The load generator's lean protocol client: one non-blocking TCP socket in the shared EventLoop, plaintext or
 * TLS through OpenSSL directly (SSL_set_fd; non-blocking handshake, SSL_read and SSL_write with WANT_READ /
 * WANT_WRITE handled). Input is read in large blocks into one buffer and split into frames in place (4-byte
 * big-endian length + CBOR map); output is appended to one buffer and written once per loop turn, so all the
 * frames a turn produces for this socket leave in one write (or one SSL_write).
 *
 * Frames answering a request() with a handler go to that handler; every other frame (pushes, replies to
 * frames queued raw) goes to the frame handler. Handlers must not delete the connection. Output queued before
 * the connection is open waits until the TCP connect (and TLS handshake) completes. Not thread-safe.
 */
class BenchConnection final : public EventLoop::Handler
{
public:
    using FrameHandler = std::function<void(const BenchFrame&)>;
    /** Called once when the connection is lost (not on close()); the argument says why. */
    using ClosedHandler = std::function<void(const QString&)>;

    /** @p tls null: plaintext. Both must outlive the connection. */
    BenchConnection(EventLoop& loop, const TlsContext* tls);
    ~BenchConnection() override;
    BenchConnection(const BenchConnection&) = delete;
    BenchConnection& operator=(const BenchConnection&) = delete;

    /**
     * Starts a non-blocking connect to 127.0.0.1:@p port, from @p localAddress (IPv4, host byte order, e.g.
     * 127.0.0.2: Linux routes all of 127/8 to lo; the server keys its per-address limits on it) or, when 0,
     * from whatever the kernel picks. False (and closed) if no socket could be made.
     */
    bool connectTo(std::uint16_t port, std::uint32_t localAddress = 0);
    /** Closes the socket without calling the closed handler. */
    void close();
    bool isOpen() const { return m_state == State::Open; }
    bool isClosed() const { return m_state == State::Closed; }
    QString closeReason() const { return m_closeReason; }

    void setFrameHandler(FrameHandler handler) { m_onFrame = std::move(handler); }
    void setClosedHandler(ClosedHandler handler) { m_onClosed = std::move(handler); }

    /** A new request id; ids of one connection increase by one from 1. */
    std::uint64_t nextId() { return ++m_lastId; }
    /** Adds `id`, encodes and queues @p map; @p onReply (if set) gets the reply. Returns the id. */
    std::uint64_t request(QCborMap map, FrameHandler onReply = {});
    /** Queues an already encoded frame (prefix included). */
    void queue(std::string_view frame);
    /** Room for @p bytes of output to be filled in place; commit() what was written. Valid until the next call. */
    char* reserve(std::size_t bytes);
    void commit(std::size_t bytes);
    /** Bytes queued and not yet accepted by the kernel (or by OpenSSL). */
    std::size_t pendingOutput() const { return m_out.size(); }

private:
    enum class State
    {
        Idle,
        Connecting,
        Handshaking,
        Open,
        Closed,
    };

    void onEvents(std::uint32_t events) override;
    void onTurnEnd() override;
    void onConnected();
    void handshake();
    void becomeOpen();
    void readPlain();
    void readTls();
    char* inputSpace(std::size_t* room);
    void splitFrames(std::int64_t receivedNs);
    void dispatch(std::string_view payload, std::int64_t receivedNs);
    void flushPlain();
    void flushTls();
    void scheduleFlush();
    void fail(const QString& reason);
    QString tlsError(int result);

    EventLoop& m_loop;
    const TlsContext* m_tls;
    ssl_st* m_ssl = nullptr;
    int m_fd = -1;
    State m_state = State::Idle;
    QString m_closeReason;
    bool m_flushScheduled = false;
    bool m_readWantsWrite = false;
    bool m_writeWantsRead = false;

    ByteBuffer m_in;
    /// Bytes the next read wants buffered: the whole frame at the front once its prefix is known, or a
    /// larger buffer after a read that filled it.
    std::size_t m_inNeeded = 0;
    ByteBuffer m_out;

    std::uint64_t m_lastId = 0;
    std::unordered_map<std::uint64_t, FrameHandler> m_pending;
    FrameHandler m_onFrame;
    ClosedHandler m_onClosed;
};

} // namespace lanchat::bench
