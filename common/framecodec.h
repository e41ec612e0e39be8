#pragma once

#include "errorcode.h"

#include <QByteArray>
#include <QCborMap>

#include <optional>
#include <span>

namespace lanchat {

/**
 * Socket-free frame codec: a frame is a 4-byte big-endian unsigned length followed by that many
 * bytes holding exactly one CBOR map (RFC 8949) with a text field `t` (docs/protocol.md, "Framing").
 *
 * Decoding is incremental: append() whatever bytes arrived (partial or several coalesced frames),
 * then call next() until it returns nothing. A length above maxFrameBytes() is refused as soon as
 * the 4-byte prefix is seen, before any payload is buffered or allocated.
 *
 * After an error (frame_too_large or malformed) the decoder stays failed and drops further input;
 * the owner is expected to send an error frame and close. Not thread-safe; use from one thread.
 */
class FrameCodec
{
public:
    explicit FrameCodec(quint32 maxFrameBytes);

    /** Encodes @p map as one frame (prefix + CBOR). */
    static QByteArray encode(const QCborMap& map);
    /**
     * Encodes @p map plus `id` = @p id as a CBOR unsigned integer (any `id` already in @p map is replaced):
     * a QCborMap holds integers as qint64, which would turn a request id of 2^63 or more negative.
     */
    static QByteArray encode(const QCborMap& map, quint64 id);

    /** Appends received bytes. Ignored once hasError(). */
    void append(const QByteArray& bytes);
    /** Appends @p size bytes at @p data (copied). Ignored once hasError(). */
    void append(const char* data, qsizetype size);

    /** Frames from this size on (bytes of payload) may be read in place (inPlaceSpace()). */
    static constexpr quint32 kInPlaceFrameBytes = 64 * 1024;
    /**
     * While a frame of at least kInPlaceFrameBytes is incomplete: room for the rest of it, up to its last byte,
     * at the end of the buffer. The caller reads into it and reports how much it got with appendedInPlace(), so
     * a file chunk goes from the socket into the frame once, instead of through a read buffer and a compaction
     * (each a copy of the whole chunk). After such a frame, also the room for the next length prefix: chunks
     * come in a row. Empty otherwise (small frames are read in batches) and once hasError().
     * The room stays valid until the next call on this codec; room never reported is dropped.
     */
    std::span<char> inPlaceSpace();
    /** @p size bytes (0 ≤ size ≤ the room's size) were written at the start of inPlaceSpace(). */
    void appendedInPlace(qsizetype size);

    /** One decoded frame. */
    struct Frame
    {
        /** The map; has a text `t` unless rejected. */
        QCborMap map;
        /**
         * Set when the frame was well delimited but its content is refused without closing the
         * connection (InvalidArgument): invalid UTF-8 in a text string (RFC 8949 §3.1), or an integer below
         * -2^63 anywhere (QCborValue reads -2^64 as 0, so an unsigned field would take it for 0). `map` is
         * then empty; `id` still addresses the error reply when it was read.
         */
        std::optional<ErrorCode> rejected;
        QString rejectReason;
        /**
         * The top-level `id` when it is a CBOR unsigned integer, exact over its whole range 0..2^64-1 (`map`
         * holds 2^63 and above as a double; then it is read from the bytes).
         */
        std::optional<quint64> id;
    };

    /**
     * Returns the next complete frame, or nullopt when more bytes are needed or on a fatal error
     * (check hasError()).
     */
    std::optional<Frame> next();

    bool hasError() const { return m_error.has_value(); }
    /** FrameTooLarge or Malformed once failed. */
    ErrorCode error() const { return m_error.value_or(ErrorCode::Internal); }
    /** English detail of the error for logs and the error frame. */
    QString errorMessage() const { return m_errorMessage; }

    /** Bytes buffered and not yet returned as frames. */
    qsizetype bufferedBytes() const { return (m_inPlaceFrom >= 0 ? m_inPlaceFrom : m_buffer.size()) - m_readPos; }
    quint32 maxFrameBytes() const { return m_maxFrameBytes; }
    void setMaxFrameBytes(quint32 bytes) { m_maxFrameBytes = bytes; }

private:
    /** What a pass over the payload's bytes finds that QCborValue does not keep. */
    struct Scan
    {
        std::optional<quint64> id;      ///< the top-level unsigned `id`
        bool integerBelowInt64 = false; ///< some integer is below -2^63
    };
    /** Scans a payload; after a bad item (invalid UTF-8) the result holds what came before it. */
    static Scan scan(const QByteArray& payload);
    void fail(ErrorCode code, const QString& message);
    void compact();
    /** Forgets room of inPlaceSpace() that was never reported. */
    void dropUnreported();

    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    qsizetype m_inPlaceFrom = -1;  ///< m_buffer's size before inPlaceSpace() grew it, until reported
    bool m_lastFrameLarge = false; ///< the last frame returned was of kInPlaceFrameBytes or more
    quint32 m_maxFrameBytes;
    std::optional<ErrorCode> m_error;
    QString m_errorMessage;
};

} // namespace lanchat
