#pragma once

#include "fileref.h"
#include "ids.h"
#include "mentions.h"
#include "replyquote.h"
#include "systemevent.h"

#include <QCborMap>
#include <QString>
#include <QUuid>

#include <optional>

namespace lanchat {

enum class MessageKind
{
    Text,   ///< wire "text": `text` holds the message
    File,   ///< wire "file": `file` describes an uploaded file
    System, ///< wire "system": server notice (admin broadcast, group event …), `text` in English
    Recall, ///< wire "recall": `sender` recalled message `target` (sender 0: an administrator); not shown as a row
    Edit,   ///< wire "edit": `sender` changed the text of message `target` to `text`; not shown as a row
};

/** The wire name of @p kind: "text", "file" or "system". */
QLatin1String messageKindName(MessageKind kind);
/** The kind a wire name stands for; Text for a name this build does not know. */
MessageKind messageKindFromName(QStringView name);

/**
 * One stored message as delivered in `message` pushes, `history` and `sync` replies
 * (wire: `{seq, conversation, sender, ts, client_msg_id, kind, text?, file?, event?, target?, recalled_by?,
 * edited?, mentions?,
 * mention_all?, reply?}`). Recall and Edit records are ordered events that change an earlier message (docs/protocol.md,
 * "Recall and edit"); a client applies them to the message `target` in seq order.
 */
struct MessageRecord
{
    Seq seq = 0; ///< server-wide, strictly increasing
    ConversationId conversation;
    UserId sender;          ///< invalid (0) for system messages
    qint64 timestampMs = 0; ///< server time of commit, ms since 1970-01-01 UTC
    QUuid clientMsgId;      ///< chosen by the sending client; null for system messages
    MessageKind kind = MessageKind::Text;
    QString text;                                    ///< Text and System kinds; at most 64 KiB UTF-8
    std::optional<FileRef> file;                     ///< File kind
    std::optional<SystemEvent> event = std::nullopt; ///< System kind: the group event it records, for a translated line
    Seq target = 0; ///< Recall and Edit kinds: the seq of the message they change; 0 otherwise
    /**
     * Set when the message was recalled: who recalled it (UserId(0): an administrator). Its text is then empty and
     * its file absent.
     */
    std::optional<UserId> recalledBy = std::nullopt;
    qint64 editedMs = 0; ///< server time of the latest edit, ms since 1970-01-01 UTC; 0 = never edited

    /** Recall and Edit records change another message; they are never a row of their own. */
    bool isAction() const { return kind == MessageKind::Recall || kind == MessageKind::Edit; }
    Mentions mentions = {}; ///< Text kind: who it mentions, as the server kept them (members only)
    /**
     * The message this one answers (wire `reply`, absent when it answers none). The server stores only the seq
     * (replyTo) and fills the rest when it reads the message (ReplyQuoter).
     */
    std::optional<ReplyQuote> reply = std::nullopt;

    QCborMap toCbor() const;
    /**
     * The whole push frame: toCbor() plus `t` = @p type (`message`), written by CborFrameWriter without an
     * intermediate QCborMap (the relay encodes one per chat message and shares it across recipients).
     */
    QByteArray encodeFrame(const char* type) const;
    static std::optional<MessageRecord> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const MessageRecord&) const = default;
};

} // namespace lanchat
