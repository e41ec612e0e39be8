#pragma once

#include "ids.h"

#include <QCborMap>

#include <optional>

namespace lanchat {

class MessagePoster;
class Router;
class Session;
class Storage;
struct MessageRecord;

/**
 * `forward` (docs/protocol.md 6.3): copies messages of one conversation into another as new messages of the
 * forwarder, through MessagePoster like `send`. Text is copied; a file message refers to the same stored content
 * (content-addressed by SHA-256, so no bytes are copied and the store's size, quota and retention count the blob
 * once). The forwarder must be a member of both conversations; a conversation they are not in, existing or not, is
 * `forbidden` and nothing about its messages is looked at. Lives on the server thread.
 */
class ForwardHandler
{
public:
    ForwardHandler(Storage& storage, MessagePoster& poster);

    /** Registers `forward`, Authenticated. */
    void registerWith(Router& router);

private:
    void forward(Session& session, const QCborMap& request, quint64 id);
    /** True if the session's user is a member of @p conversation; else answers `forbidden` (also when it is gone). */
    bool requireMember(Session& session, ConversationId conversation, quint64 id, const char* which);
    /** The message @p seq of @p conversation, nullopt if there is none. */
    std::optional<MessageRecord> original(ConversationId conversation, Seq seq);
    /** Why @p original cannot be forwarded (an English detail for `invalid_argument`), empty if it can. */
    static QString refusal(const MessageRecord& original);

    Storage& m_storage;
    MessagePoster& m_poster;
};

} // namespace lanchat
