#pragma once

#include "fileref.h"
#include "ids.h"
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
};

/** The wire name of @p kind: "text", "file" or "system". */
QLatin1String messageKindName(MessageKind kind);
/** The kind a wire name stands for; Text for a name this build does not know. */
MessageKind messageKindFromName(QStringView name);

/**
 * One stored message as delivered in `message` pushes, `history` and `sync` replies
 * (wire: `{seq, conversation, sender, ts, client_msg_id, kind, text?, file?, event?, reply?}`).
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
