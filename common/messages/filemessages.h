#pragma once

// The catalogue of file-transfer messages (docs/protocol.md, "Files"). Uploads are store-and-forward:
// file_offer → file_chunk … (each acked) → a `file` message in the conversation. Downloads pull
// chunks with file_read, so the reader's window bounds what the server buffers for it.

#include "../ids.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QUuid>

#include <optional>
#include <utility>

namespace lanchat {

/**
 * `file_offer {conversation, client_msg_id, name, size, sha256}` → FileOfferOk.
 * Errors: forbidden, not_found, invalid_argument, file_too_large, storage_full.
 */
struct FileOffer
{
    static constexpr const char* kType = "file_offer";
    ConversationId conversation;
    QUuid clientMsgId; ///< identifies the resulting file message (exactly-once like send)
    QString name;      ///< 1..255 bytes UTF-8; the server sanitises it
    qint64 size = 0;   ///< bytes, 0 .. server's max_file_size
    QByteArray sha256; ///< 32 raw bytes of the whole content
    QCborMap encode() const;
    static std::optional<FileOffer> decode(const QCborMap& map, QString* error);
};

/** A byte range of a file: offset and length, bytes. */
using ByteRange = std::pair<qint64, qint64>;

/**
 * `ok {transfer, offset, complete, seq?, ts?, challenge?, nonce?, ranges?}`: upload from `offset` (resume); when
 * `complete` is true the store already held the content (instant upload) and seq/ts are those of the posted file
 * message. With `challenge` (non-zero) the store holds the content but wants a proof that the uploader has it
 * too (docs/protocol.md 10.2a): answer with FileProve over `nonce` and `ranges`; `transfer` is then 0.
 */
struct FileOfferOk
{
    TransferId transfer;
    qint64 offset = 0;
    bool complete = false;
    Seq seq = 0;
    qint64 timestampMs = 0;
    quint64 challenge = 0;        ///< proof-of-possession challenge id; 0 = none
    QByteArray nonce = {};        ///< protocol::kProofNonceBytes random bytes, with a challenge
    QList<ByteRange> ranges = {}; ///< 1..kProofRanges ranges of the file, each ≤ kProofRangeBytes, with a challenge
    QCborMap encode() const;
    static std::optional<FileOfferOk> decode(const QCborMap& map, QString* error);

    /** The answer to a challenge: SHA-256 of @p nonce followed by the bytes of each range in order. */
    static QByteArray proofOf(const QByteArray& nonce, const QList<QByteArray>& rangeBytes);
};

/**
 * `file_prove {challenge, proof}` → FileOfferOk with complete: the proof of possession that a FileOfferOk's
 * challenge asked for (`proof`: 32 bytes, FileOfferOk::proofOf()). Errors: not_found (no such challenge on this
 * connection, or expired), forbidden (wrong proof; the challenge is used up), invalid_argument.
 */
struct FileProve
{
    static constexpr const char* kType = "file_prove";
    quint64 challenge = 0;
    QByteArray proof;
    QCborMap encode() const;
    static std::optional<FileProve> decode(const QCborMap& map, QString* error);
};

/**
 * `file_chunk {transfer, offset, data}` → FileChunkOk. `offset` must equal the bytes the server has;
 * data is 1..256 KiB. Errors: offset_mismatch (reply carries the expected offset), not_found,
 * hash_mismatch (after the last chunk; the part file is deleted), storage_full.
 */
struct FileChunk
{
    static constexpr const char* kType = "file_chunk";
    TransferId transfer;
    qint64 offset = 0;
    QByteArray data;
    QCborMap encode() const;
    static std::optional<FileChunk> decode(const QCborMap& map, QString* error);
};

/** `ok {received, complete, seq?, ts?}`: bytes now on disk; after the last chunk the file message's seq/ts. */
struct FileChunkOk
{
    qint64 received = 0;
    bool complete = false;
    Seq seq = 0;
    qint64 timestampMs = 0;
    QCborMap encode() const;
    static std::optional<FileChunkOk> decode(const QCborMap& map, QString* error);
};

/** `file_cancel {transfer}` → ok: the sender abandons an upload; the part file is deleted. */
struct FileCancel
{
    static constexpr const char* kType = "file_cancel";
    TransferId transfer;
    QCborMap encode() const;
    static std::optional<FileCancel> decode(const QCborMap& map, QString* error);
};

/**
 * `file_read {conversation, sha256, offset, length}` → FileData: up to `length` (≤ 256 KiB) bytes from
 * `offset` of a file posted in a conversation the reader belongs to. Errors: forbidden, not_found
 * (also for expired content), invalid_argument (offset beyond size).
 */
struct FileRead
{
    static constexpr const char* kType = "file_read";
    ConversationId conversation;
    QByteArray sha256;
    qint64 offset = 0;
    qint64 length = 0;
    QCborMap encode() const;
    static std::optional<FileRead> decode(const QCborMap& map, QString* error);
};

/** `ok {offset, size, data}`: `size` is the whole file's size; data is empty at end of file. */
struct FileData
{
    qint64 offset = 0;
    qint64 size = 0;
    QByteArray data;
    QCborMap encode() const;
    static std::optional<FileData> decode(const QCborMap& map, QString* error);

    /**
     * The whole frame of the reply to request @p id (4-byte length prefix, then the CBOR map {t: "ok", id, offset,
     * size, data}) with the last @p dataBytes bytes left for the data, which the caller writes in place: the relay
     * reads a blob straight into the frame instead of copying it through a QCborMap and an encoder. `data` is the
     * map's last entry; the map decodes like encode()'s plus `id`. @p dataBytes ≤ protocol::kChunkBytes.
     */
    static QByteArray encodeFrame(quint64 id, qint64 offset, qint64 size, qsizetype dataBytes);
};

} // namespace lanchat
