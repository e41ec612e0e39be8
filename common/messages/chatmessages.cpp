#include "chatmessages.h"

#include "../protocol.h"
#include "cborframewriter.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

const QLatin1String kConversation("conversation");

template <typename T> QCborArray toArray(const QList<T>& items)
{
    QCborArray a;
    for (const T& item : items)
        a.append(item.toCbor());
    return a;
}

/** Decodes an array of records; the first bad element fails the whole reply. */
template <typename T> bool fromArray(const QCborArray& array, QList<T>* out, QString* error)
{
    out->reserve(array.size());
    for (const QCborValue& v : array) {
        const auto item = T::fromCbor(v.toMap(), error);
        if (!item)
            return false;
        out->append(*item);
    }
    return true;
}

constexpr qsizetype kMaxListItems = 1'000'000;

} // namespace

QCborMap emptyRequest(const char* type)
{
    return typed(type);
}

QCborMap OpenPrivate::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("user"), user.value());
    return m;
}

std::optional<OpenPrivate> OpenPrivate::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    OpenPrivate x;
    x.user = UserId(r.uint("user"));
    return finish(r, std::move(x), error);
}

QCborMap SendText::encode() const
{
    QCborMap m = typed(kType);
    m.insert(kConversation, conversation.value());
    m.insert(QLatin1String("client_msg_id"), clientMsgId.toRfc4122());
    m.insert(QLatin1String("text"), text);
    mentions.insertInto(m);
    if (replyTo > 0)
        m.insert(QLatin1String("reply_to"), replyTo);
    return m;
}

std::optional<SendText> SendText::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    SendText x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.clientMsgId = r.uuid("client_msg_id");
    x.text = r.text("text", protocol::kMaxTextBytes);
    x.mentions = Mentions::read(r);
    x.replyTo = r.uint("reply_to", false);
    return finish(r, std::move(x), error);
}

QCborMap TypingNotice::encode() const
{
    QCborMap m = typed(kType);
    m.insert(kConversation, conversation.value());
    return m;
}

std::optional<TypingNotice> TypingNotice::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    TypingNotice x;
    x.conversation = ConversationId(r.uint("conversation"));
    return finish(r, std::move(x), error);
}

QCborMap TypingPush::encode() const
{
    QCborMap m = typed(msgtype::kTypingPush);
    m.insert(kConversation, conversation.value());
    m.insert(QLatin1String("user"), user.value());
    return m;
}

std::optional<TypingPush> TypingPush::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    TypingPush x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.user = UserId(r.uint("user"));
    return finish(r, std::move(x), error);
}

QCborMap SendAck::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("seq"), seq);
    m.insert(QLatin1String("ts"), timestampMs);
    return m;
}

QByteArray SendAck::encodeFrame(quint64 id) const
{
    CborFrameWriter w(4);
    w.key("t");
    w.text(QLatin1String(msgtype::kOk));
    w.key("id");
    w.unsignedNumber(id);
    w.key("seq");
    w.number(seq);
    w.key("ts");
    w.number(timestampMs);
    return w.take();
}

std::optional<SendAck> SendAck::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    SendAck x;
    x.seq = r.uint("seq");
    x.timestampMs = r.uint("ts");
    return finish(r, std::move(x), error);
}

QCborMap History::encode() const
{
    QCborMap m = typed(kType);
    m.insert(kConversation, conversation.value());
    if (before > 0)
        m.insert(QLatin1String("before"), before);
    if (after > 0)
        m.insert(QLatin1String("after"), after);
    if (around > 0)
        m.insert(QLatin1String("around"), around);
    if (limit > 0)
        m.insert(QLatin1String("limit"), limit);
    return m;
}

std::optional<History> History::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    History x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.before = r.uint("before", false);
    x.after = r.uint("after", false);
    x.around = r.uint("around", false);
    x.limit = int(r.uint("limit", false, protocol::kMaxPageSize));
    return finish(r, std::move(x), error);
}

QCborMap Sync::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("since"), since);
    if (limit > 0)
        m.insert(QLatin1String("limit"), limit);
    return m;
}

std::optional<Sync> Sync::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    Sync x;
    x.since = r.uint("since");
    x.limit = int(r.uint("limit", false, protocol::kMaxPageSize));
    return finish(r, std::move(x), error);
}

QCborMap MessagesPage::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("messages"), toArray(messages));
    m.insert(QLatin1String("more"), more);
    if (moreBefore)
        m.insert(QLatin1String("more_before"), *moreBefore);
    if (moreAfter)
        m.insert(QLatin1String("more_after"), *moreAfter);
    return m;
}

std::optional<MessagesPage> MessagesPage::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    MessagesPage x;
    if (!fromArray(r.array("messages", kMaxListItems), &x.messages, error))
        return std::nullopt;
    x.more = r.boolean("more", false);
    if (r.has("more_before"))
        x.moreBefore = r.boolean("more_before", false);
    if (r.has("more_after"))
        x.moreAfter = r.boolean("more_after", false);
    return finish(r, std::move(x), error);
}

QCborMap MarkRead::encode() const
{
    QCborMap m = typed(kType);
    m.insert(kConversation, conversation.value());
    m.insert(QLatin1String("seq"), seq);
    return m;
}

std::optional<MarkRead> MarkRead::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    MarkRead x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.seq = r.uint("seq");
    return finish(r, std::move(x), error);
}

QCborMap ReadReceipt::encode() const
{
    QCborMap m = typed(msgtype::kReadReceiptPush);
    m.insert(kConversation, conversation.value());
    m.insert(QLatin1String("user"), user.value());
    m.insert(QLatin1String("seq"), seq);
    return m;
}

std::optional<ReadReceipt> ReadReceipt::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ReadReceipt x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.user = UserId(r.uint("user"));
    x.seq = r.uint("seq");
    return finish(r, std::move(x), error);
}

QCborMap PresenceChange::encode() const
{
    QCborMap m = typed(msgtype::kPresencePush);
    m.insert(QLatin1String("user"), user.value());
    m.insert(QLatin1String("online"), online);
    if (!status.isEmpty())
        m.insert(QLatin1String("status"), status);
    if (!statusText.isEmpty())
        m.insert(QLatin1String("status_text"), statusText);
    return m;
}

std::optional<PresenceChange> PresenceChange::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    PresenceChange x;
    x.user = UserId(r.uint("user"));
    x.online = r.boolean("online", false);
    x.status = r.text("status", protocol::kMaxStatusNameBytes, false);
    x.statusText = r.text("status_text", protocol::kMaxStatusTextChars * 4, false);
    return finish(r, std::move(x), error);
}

QCborMap UsersOk::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("users"), toArray(users));
    return m;
}

std::optional<UsersOk> UsersOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    UsersOk x;
    if (!fromArray(r.array("users", kMaxListItems), &x.users, error))
        return std::nullopt;
    return finish(r, std::move(x), error);
}

QCborMap ConversationsOk::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("conversations"), toArray(conversations));
    return m;
}

std::optional<ConversationsOk> ConversationsOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ConversationsOk x;
    if (!fromArray(r.array("conversations", kMaxListItems), &x.conversations, error))
        return std::nullopt;
    return finish(r, std::move(x), error);
}

QCborMap ConversationOk::encode(const char* type) const
{
    QCborMap m = typed(type);
    m.insert(kConversation, conversation.toCbor());
    return m;
}

std::optional<ConversationOk> ConversationOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    const auto c = ConversationInfo::fromCbor(r.map("conversation"), error);
    if (!c)
        return std::nullopt;
    return finish(r, ConversationOk{*c}, error);
}

QCborMap GroupCreate::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("name"), name);
    QCborArray a;
    for (UserId u : members)
        a.append(u.value());
    m.insert(QLatin1String("members"), a);
    return m;
}

std::optional<GroupCreate> GroupCreate::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    GroupCreate x;
    x.name = r.text("name", protocol::kMaxNameChars * 4);
    for (qint64 id : r.uintList("members", protocol::kMaxGroupMembers, false))
        x.members.append(UserId(id));
    return finish(r, std::move(x), error);
}

QCborMap GroupChange::encode() const
{
    QCborMap m = typed(type.toLatin1().constData());
    m.insert(kConversation, conversation.value());
    if (user.isValid())
        m.insert(QLatin1String("user"), user.value());
    if (type == QLatin1String(kRename))
        m.insert(QLatin1String("name"), name);
    return m;
}

std::optional<GroupChange> GroupChange::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    GroupChange x;
    x.type = r.text("t", 32);
    x.conversation = ConversationId(r.uint("conversation"));
    const bool needsUser = x.type == QLatin1String(kAdd) || x.type == QLatin1String(kRemove);
    x.user = UserId(r.uint("user", needsUser));
    x.name = r.text("name", protocol::kMaxNameChars * 4, x.type == QLatin1String(kRename));
    return finish(r, std::move(x), error);
}

QCborMap ErrorReply::encode() const
{
    QCborMap m = typed(msgtype::kError);
    m.insert(QLatin1String("code"), code);
    m.insert(QLatin1String("message"), message);
    return m;
}

std::optional<ErrorReply> ErrorReply::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ErrorReply x;
    x.code = r.text("code", 64);
    x.message = r.text("message", 4096, false);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
