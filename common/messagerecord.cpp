#include "messagerecord.h"

#include "cborfieldreader.h"
#include "cborframewriter.h"
#include "protocol.h"

namespace lanchat {

QLatin1String messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Text:
        return QLatin1String("text");
    case MessageKind::File:
        return QLatin1String("file");
    case MessageKind::System:
        return QLatin1String("system");
    case MessageKind::Recall:
        return QLatin1String("recall");
    case MessageKind::Edit:
        return QLatin1String("edit");
    }
    return QLatin1String("text");
}

MessageKind messageKindFromName(QStringView name)
{
    if (name == QLatin1String("file"))
        return MessageKind::File;
    if (name == QLatin1String("system"))
        return MessageKind::System;
    if (name == QLatin1String("recall"))
        return MessageKind::Recall;
    if (name == QLatin1String("edit"))
        return MessageKind::Edit;
    return MessageKind::Text;
}
namespace {

/**
 * A recall record and a recalled message carry no text, nor does an edit record of a recalled message (its text
 * was cleared); Text and System kinds always do.
 */
bool carriesText(const MessageRecord& m)
{
    if (m.kind == MessageKind::Edit)
        return !m.text.isEmpty();
    return m.kind != MessageKind::File && m.kind != MessageKind::Recall && !m.recalledBy;
}

} // namespace

QCborMap MessageRecord::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("seq"), seq);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("sender"), sender.value());
    m.insert(QLatin1String("ts"), timestampMs);
    if (!clientMsgId.isNull())
        m.insert(QLatin1String("client_msg_id"), clientMsgId.toRfc4122());
    m.insert(QLatin1String("kind"), messageKindName(kind));
    if (carriesText(*this))
        m.insert(QLatin1String("text"), text);
    if (file)
        m.insert(QLatin1String("file"), file->toCbor());
    if (event)
        m.insert(QLatin1String("event"), event->toCbor());
    if (target > 0)
        m.insert(QLatin1String("target"), target);
    if (recalledBy)
        m.insert(QLatin1String("recalled_by"), recalledBy->value());
    if (editedMs > 0)
        m.insert(QLatin1String("edited"), editedMs);
    mentions.insertInto(m);
    if (reply)
        m.insert(QLatin1String("reply"), reply->toCbor());
    return m;
}

QByteArray MessageRecord::encodeFrame(const char* type) const
{
    const bool hasClientId = !clientMsgId.isNull();
    const bool hasText = carriesText(*this);
    CborFrameWriter w(6 + (hasClientId ? 1 : 0) + (hasText ? 1 : 0) + (file ? 1 : 0) + (event ? 1 : 0) +
                      (target > 0 ? 1 : 0) + (recalledBy ? 1 : 0) + (editedMs > 0 ? 1 : 0) + mentions.fieldCount() +
                      (reply ? 1 : 0));
    w.key("t");
    w.text(QLatin1String(type));
    w.key("seq");
    w.number(seq);
    w.key("conversation");
    w.number(conversation.value());
    w.key("sender");
    w.number(sender.value());
    w.key("ts");
    w.number(timestampMs);
    if (hasClientId) {
        const QByteArray id = clientMsgId.toRfc4122();
        w.key("client_msg_id");
        w.bytes(id);
    }
    w.key("kind");
    w.text(messageKindName(kind));
    if (hasText) {
        w.key("text");
        w.text(QStringView(text));
    }
    if (file) {
        w.key("file");
        w.startMap(file->expired ? 4 : 3);
        w.key("name");
        w.text(QStringView(file->name));
        w.key("size");
        w.number(file->size);
        w.key("sha256");
        w.bytes(file->sha256);
        if (file->expired) {
            w.key("expired");
            w.boolean(true);
        }
        w.endMap();
    }
    if (event) {
        w.key("event");
        w.startMap(quint64(event->fieldCount()));
        event->write(w);
        w.endMap();
    }
    if (target > 0) {
        w.key("target");
        w.number(target);
    }
    if (recalledBy) {
        w.key("recalled_by");
        w.number(recalledBy->value());
    }
    if (editedMs > 0) {
        w.key("edited");
        w.number(editedMs);
    }
    mentions.write(w);
    if (reply) {
        w.key("reply");
        w.startMap(quint64(reply->fieldCount()));
        reply->write(w);
        w.endMap();
    }
    return w.take();
}

std::optional<MessageRecord> MessageRecord::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    MessageRecord m;
    m.seq = r.uint("seq");
    m.conversation = ConversationId(r.uint("conversation"));
    m.sender = UserId(r.uint("sender", false));
    m.timestampMs = r.uint("ts");
    m.clientMsgId = r.uuid("client_msg_id", false);
    m.kind = messageKindFromName(r.text("kind", 16));
    m.text = r.text("text", protocol::kMaxTextBytes, false);
    m.target = r.uint("target", m.isAction());
    if (r.has("recalled_by"))
        m.recalledBy = UserId(r.uint("recalled_by"));
    m.editedMs = r.uint("edited", false);
    if (r.has("file")) {
        QString fileError;
        m.file = FileRef::fromCbor(r.map("file"), &fileError);
        if (!m.file) {
            if (error)
                *error = fileError;
            return std::nullopt;
        }
    }
    m.mentions = Mentions::read(r);
    if (r.has("reply")) {
        QString replyError;
        m.reply = ReplyQuote::fromCbor(r.map("reply"), &replyError);
        if (!m.reply) {
            if (error)
                *error = replyError;
            return std::nullopt;
        }
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    // An event this build cannot read leaves the English text to show, it does not drop the message.
    if (m.kind == MessageKind::System && map.value(QLatin1String("event")).isMap())
        m.event = SystemEvent::fromCbor(map.value(QLatin1String("event")).toMap());
    return m;
}

} // namespace lanchat
