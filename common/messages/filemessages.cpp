#include "filemessages.h"

#include "../protocol.h"
#include "../sha256.h"
#include "messagecodec.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QtEndian>

#include <algorithm>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {
const QLatin1String kTransfer("transfer");
const QLatin1String kOffset("offset");
const QLatin1String kSeq("seq");
const QLatin1String kTs("ts");
constexpr qsizetype kShaBytes = 32;

/** A rule the field reader does not check (a lower bound): nullopt, with @p error as CborFieldReader words it. */
std::nullopt_t refuse(const char* key, const QString& problem, QString* error)
{
    if (error)
        *error = QStringLiteral("field '%1': %2").arg(QLatin1String(key), problem);
    return std::nullopt;
}
} // namespace

QCborMap FileOffer::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("client_msg_id"), clientMsgId.toRfc4122());
    m.insert(QLatin1String("name"), name);
    m.insert(QLatin1String("size"), size);
    m.insert(QLatin1String("sha256"), sha256);
    return m;
}

std::optional<FileOffer> FileOffer::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileOffer x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.clientMsgId = r.uuid("client_msg_id");
    x.name = r.text("name", protocol::kMaxFileNameBytes);
    x.size = r.uint("size");
    x.sha256 = r.bytes("sha256", kShaBytes, true, kShaBytes);
    if (r.ok() && x.name.isEmpty())
        return refuse("name", QStringLiteral("empty"), error);
    return finish(r, std::move(x), error);
}

QCborMap FileOfferOk::encode() const
{
    QCborMap m = typed("ok");
    m.insert(kTransfer, transfer.value());
    m.insert(kOffset, offset);
    m.insert(QLatin1String("complete"), complete);
    if (complete) {
        m.insert(kSeq, seq);
        m.insert(kTs, timestampMs);
    }
    if (challenge != 0) {
        m.insert(QLatin1String("challenge"), qint64(challenge));
        m.insert(QLatin1String("nonce"), nonce);
        QCborArray flat; // offset, length, offset, length …
        for (const auto& [rangeOffset, rangeLength] : ranges) {
            flat.append(rangeOffset);
            flat.append(rangeLength);
        }
        m.insert(QLatin1String("ranges"), flat);
    }
    return m;
}

std::optional<FileOfferOk> FileOfferOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileOfferOk x;
    x.transfer = TransferId(r.uint("transfer"));
    x.offset = r.uint("offset");
    x.complete = r.boolean("complete", false);
    x.seq = r.uint("seq", x.complete);
    x.timestampMs = r.uint("ts", x.complete);
    x.challenge = quint64(r.uint("challenge", false));
    if (x.challenge != 0) {
        x.nonce = r.bytes("nonce", protocol::kProofNonceBytes, true, protocol::kProofNonceBytes);
        const QList<qint64> flat = r.uintList("ranges", 2 * protocol::kProofRanges);
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            x.ranges.append({flat[i], flat[i + 1]});
        const bool lengthsOk = std::all_of(x.ranges.cbegin(), x.ranges.cend(), [](const ByteRange& range) {
            return range.second <= protocol::kProofRangeBytes;
        });
        if (r.ok() && (flat.isEmpty() || flat.size() % 2 != 0 || !lengthsOk)) {
            if (error)
                *error = QStringLiteral("field 'ranges': expected 1..%1 offset/length pairs, lengths ≤ %2")
                             .arg(protocol::kProofRanges)
                             .arg(protocol::kProofRangeBytes);
            return std::nullopt;
        }
    }
    return finish(r, std::move(x), error);
}

QByteArray FileOfferOk::proofOf(const QByteArray& nonce, const QList<QByteArray>& rangeBytes)
{
    Sha256 hash;
    hash.addData(nonce);
    for (const QByteArray& bytes : rangeBytes)
        hash.addData(bytes);
    return hash.result();
}

QCborMap FileProve::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("challenge"), qint64(challenge));
    m.insert(QLatin1String("proof"), proof);
    return m;
}

std::optional<FileProve> FileProve::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileProve x;
    x.challenge = quint64(r.uint("challenge"));
    x.proof = r.bytes("proof", kShaBytes, true, kShaBytes);
    return finish(r, std::move(x), error);
}

QCborMap FileChunk::encode() const
{
    QCborMap m = typed(kType);
    m.insert(kTransfer, transfer.value());
    m.insert(kOffset, offset);
    m.insert(QLatin1String("data"), data);
    return m;
}

std::optional<FileChunk> FileChunk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileChunk x;
    x.transfer = TransferId(r.uint("transfer"));
    x.offset = r.uint("offset");
    x.data = r.bytes("data", protocol::kChunkBytes);
    // Every chunk moves the upload on: an empty one would be answered like progress without being any.
    if (r.ok() && x.data.isEmpty())
        return refuse("data", QStringLiteral("empty"), error);
    return finish(r, std::move(x), error);
}

QCborMap FileChunkOk::encode() const
{
    QCborMap m = typed("ok");
    m.insert(QLatin1String("received"), received);
    m.insert(QLatin1String("complete"), complete);
    if (complete) {
        m.insert(kSeq, seq);
        m.insert(kTs, timestampMs);
    }
    return m;
}

std::optional<FileChunkOk> FileChunkOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileChunkOk x;
    x.received = r.uint("received");
    x.complete = r.boolean("complete", false);
    x.seq = r.uint("seq", x.complete);
    x.timestampMs = r.uint("ts", x.complete);
    return finish(r, std::move(x), error);
}

QCborMap FileCancel::encode() const
{
    QCborMap m = typed(kType);
    m.insert(kTransfer, transfer.value());
    return m;
}

std::optional<FileCancel> FileCancel::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileCancel x;
    x.transfer = TransferId(r.uint("transfer"));
    return finish(r, std::move(x), error);
}

QCborMap FileRead::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("sha256"), sha256);
    m.insert(kOffset, offset);
    m.insert(QLatin1String("length"), length);
    return m;
}

std::optional<FileRead> FileRead::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileRead x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.sha256 = r.bytes("sha256", kShaBytes, true, kShaBytes);
    x.offset = r.uint("offset");
    x.length = r.uint("length", true, protocol::kChunkBytes);
    return finish(r, std::move(x), error);
}

QCborMap FileData::encode() const
{
    QCborMap m = typed("ok");
    m.insert(kOffset, offset);
    m.insert(QLatin1String("size"), size);
    m.insert(QLatin1String("data"), data);
    return m;
}

std::optional<FileData> FileData::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileData x;
    x.offset = r.uint("offset");
    x.size = r.uint("size");
    x.data = r.bytes("data", protocol::kChunkBytes);
    return finish(r, std::move(x), error);
}

QByteArray FileData::encodeFrame(quint64 id, qint64 offset, qint64 size, qsizetype dataBytes)
{
    Q_ASSERT(dataBytes >= 0 && dataBytes <= protocol::kChunkBytes);
    QByteArray head; // Qt 6.4's QCborStreamWriter(QByteArray*) writes from position 0, so not into the frame
    {
        QCborStreamWriter writer(&head);
        writer.startMap(5);
        writer.append(QLatin1String("t"));
        writer.append(QLatin1String("ok"));
        writer.append(QLatin1String("id"));
        writer.append(id);
        writer.append(kOffset);
        writer.append(quint64(offset));
        writer.append(QLatin1String("size"));
        writer.append(quint64(size));
        writer.append(QLatin1String("data"));
    }
    constexpr qsizetype kByteStringHead = 5;
    QByteArray frame;
    frame.reserve(protocol::kLengthPrefixBytes + head.size() + kByteStringHead + dataBytes);
    frame.append(protocol::kLengthPrefixBytes, '\0');
    frame.append(head);
    // The byte string head (RFC 8949 major type 2, shortest length form), written by hand so that the bytes
    // themselves need not exist yet; the map's end needs no marker (definite length).
    const auto length = quint32(dataBytes);
    if (length < 24) {
        frame.append(char(0x40 | length));
    } else if (length < 0x100) {
        frame.append(char(0x58));
        frame.append(char(length));
    } else if (length < 0x10000) {
        char head[3] = {char(0x59)};
        qToBigEndian(quint16(length), head + 1);
        frame.append(head, sizeof head);
    } else {
        char head[5] = {char(0x5a)};
        qToBigEndian(length, head + 1);
        frame.append(head, sizeof head);
    }
    frame.resize(frame.size() + dataBytes); // within the reserve: no reallocation
    qToBigEndian(quint32(frame.size() - protocol::kLengthPrefixBytes), frame.data());
    return frame;
}

} // namespace lanchat
