#pragma once

#include "ids.h"
#include "messageeditor.h"

#include <QCborMap>

namespace lanchat {

class Router;
class Session;
struct ServerConfig;

/**
 * The `recall` and `edit` requests (docs/protocol.md, "Recall and edit"). Each handler first checks, in this order:
 * membership (not a member, or no such conversation: `forbidden`, revealing nothing), that the message exists in
 * that conversation (`not_found`), its kind (`invalid_argument`), who asks (`forbidden` unless the sender, or for a
 * recall the group's owner) and the sender's window from the config (`window_expired`); then MessageEditor stores
 * the change and the relay answers `ok {seq, ts}` of the Recall or Edit record. Lives on the server thread.
 */
class MessageActions
{
public:
    /** @p config (the windows) is read at each request; all must outlive this. */
    MessageActions(const ServerConfig& config, Storage& storage, CommitQueue& commits, MessagePoster& poster);

    /** Registers `recall` and `edit`, both Authenticated. */
    void registerWith(Router& router);

private:
    void recall(Session& session, const QCborMap& request, quint64 id);
    void edit(Session& session, const QCborMap& request, quint64 id);
    /**
     * The message @p seq of @p conversation if the session's user is a member and it is a message (not a Recall
     * or Edit record); otherwise answers forbidden / not_found to @p id and returns nullopt.
     */
    std::optional<MessageRecord> target(Session& session, ConversationId conversation, Seq seq, quint64 id);
    /** True while @p message is younger than @p windowSeconds. */
    static bool withinWindow(const MessageRecord& message, int windowSeconds);
    /** The reply to @p id once the record is committed (or `internal`). */
    static MessageEditor::Done replyWhenDone(Session& session, quint64 id);

    const ServerConfig& m_config;
    Storage& m_storage;
    MessageEditor m_editor;
};

} // namespace lanchat
