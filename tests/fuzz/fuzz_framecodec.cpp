// libFuzzer target: arbitrary bytes into the frame decoder, and every decoded frame through the
// decoder of every message type in the catalogue. Any crash, leak or sanitizer report is a bug.
// Run longer by hand: build-fuzz/tests/fuzz/fuzz_framecodec -max_total_time=3600 tests/fuzz/corpus

#include "framecodec.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "messages/filemessages.h"
#include "protocol.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace lanchat;

namespace {

void decodeAll(const QCborMap& map)
{
    QString error;
    (void)Hello::decode(map, &error);
    (void)Welcome::decode(map, &error);
    (void)Register::decode(map, &error);
    (void)Login::decode(map, &error);
    (void)AuthOk::decode(map, &error);
    (void)ChangePassword::decode(map, &error);
    (void)OpenPrivate::decode(map, &error);
    (void)SendText::decode(map, &error);
    (void)SendAck::decode(map, &error);
    (void)History::decode(map, &error);
    (void)Sync::decode(map, &error);
    (void)MessagesPage::decode(map, &error);
    (void)MarkRead::decode(map, &error);
    (void)ReadReceipt::decode(map, &error);
    (void)PresenceChange::decode(map, &error);
    (void)UsersOk::decode(map, &error);
    (void)ConversationsOk::decode(map, &error);
    (void)ConversationOk::decode(map, &error);
    (void)GroupCreate::decode(map, &error);
    (void)GroupChange::decode(map, &error);
    (void)ErrorReply::decode(map, &error);
    (void)FileOffer::decode(map, &error);
    (void)FileOfferOk::decode(map, &error);
    (void)FileChunk::decode(map, &error);
    (void)FileChunkOk::decode(map, &error);
    (void)FileCancel::decode(map, &error);
    (void)FileRead::decode(map, &error);
    (void)FileData::decode(map, &error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // A small max_frame so the fuzzer reaches the frame_too_large path with short inputs too, above
    // kInPlaceFrameBytes so that lengths between them take the in-place path.
    FrameCodec codec(2 * FrameCodec::kInPlaceFrameBytes);
    // Feed in two parts to exercise partial frames; the second part goes in place wherever room is offered.
    const auto* bytes = reinterpret_cast<const char*>(data);
    const qsizetype half = qsizetype(size / 2);
    codec.append(QByteArray(bytes, half));
    while (auto frame = codec.next())
        decodeAll(frame->map);
    qsizetype pos = half;
    while (pos < qsizetype(size)) {
        const std::span<char> room = codec.inPlaceSpace();
        const qsizetype n = room.empty() ? qsizetype(size) - pos : qMin(qsizetype(room.size()), qsizetype(size) - pos);
        if (room.empty()) {
            codec.append(bytes + pos, n);
        } else {
            std::memcpy(room.data(), bytes + pos, size_t(n));
            codec.appendedInPlace(n);
        }
        pos += n;
        while (auto frame = codec.next())
            decodeAll(frame->map);
    }
    return 0;
}
