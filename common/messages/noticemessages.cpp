#include "noticemessages.h"

#include "../protocol.h"
#include "chatmessages.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

constexpr qint64 kMaxCount = std::numeric_limits<int>::max();

bool readNotices(CborFieldReader& r, const char* key, QList<NoticeInfo>* out, QString* error)
{
    for (const QCborValue& v : r.array(key, protocol::kMaxNoticeList)) {
        const std::optional<NoticeInfo> notice = NoticeInfo::fromCbor(v.toMap(), error);
        if (!notice)
            return false;
        out->append(*notice);
    }
    return true;
}

QCborArray toArray(const QList<NoticeInfo>& notices)
{
    QCborArray array;
    for (const NoticeInfo& notice : notices)
        array.append(notice.toCbor());
    return array;
}

} // namespace

QCborMap NoticePost::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("text"), text);
    if (mustAck)
        m.insert(QLatin1String("must_ack"), true);
    return m;
}

std::optional<NoticePost> NoticePost::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticePost x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.text = r.text("text", protocol::kMaxNoticeTextBytes);
    x.mustAck = r.boolean("must_ack", false);
    return finish(r, std::move(x), error);
}

QCborMap NoticeRequest::encode() const
{
    QCborMap m;
    m.insert(QLatin1String("t"), type);
    m.insert(QLatin1String("notice"), notice);
    return m;
}

std::optional<NoticeRequest> NoticeRequest::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeRequest x;
    x.type = map.value(QLatin1String("t")).toString();
    x.notice = r.uint("notice");
    return finish(r, std::move(x), error);
}

QCborMap NoticeOk::encode(const char* type) const
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("notice"), notice.toCbor());
    if (reminder)
        m.insert(QLatin1String("reminder"), true);
    return m;
}

std::optional<NoticeOk> NoticeOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeOk x;
    const std::optional<NoticeInfo> notice = NoticeInfo::fromCbor(r.map("notice"), error);
    if (!notice)
        return std::nullopt;
    x.notice = *notice;
    x.reminder = r.boolean("reminder", false);
    return finish(r, std::move(x), error);
}

QCborMap NoticeList::encode() const
{
    return typed(kType);
}

QCborMap NoticeList::encodeOk() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("received"), toArray(received));
    m.insert(QLatin1String("posted"), toArray(posted));
    return m;
}

std::optional<NoticeList> NoticeList::decodeOk(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeList x;
    if (!readNotices(r, "received", &x.received, error) || !readNotices(r, "posted", &x.posted, error))
        return std::nullopt;
    return finish(r, std::move(x), error);
}

QCborMap NoticeStatus::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("notice"), notice.toCbor());
    QCborArray receipts;
    for (const NoticeReceipt& receipt : this->receipts)
        receipts.append(receipt.toCbor());
    m.insert(QLatin1String("receipts"), receipts);
    return m;
}

std::optional<NoticeStatus> NoticeStatus::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeStatus x;
    const std::optional<NoticeInfo> notice = NoticeInfo::fromCbor(r.map("notice"), error);
    if (!notice)
        return std::nullopt;
    x.notice = *notice;
    for (const QCborValue& v : r.array("receipts", kMaxCount)) {
        const std::optional<NoticeReceipt> receipt = NoticeReceipt::fromCbor(v.toMap(), error);
        if (!receipt)
            return std::nullopt;
        x.receipts.append(*receipt);
    }
    return finish(r, std::move(x), error);
}

QCborMap NoticeProgress::encode() const
{
    QCborMap m = typed(kPush);
    m.insert(QLatin1String("notice"), notice);
    m.insert(QLatin1String("user"), user.value());
    m.insert(QLatin1String("acked_ms"), ackedMs);
    m.insert(QLatin1String("acknowledged"), acknowledged);
    m.insert(QLatin1String("recipients"), recipients);
    return m;
}

std::optional<NoticeProgress> NoticeProgress::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeProgress x;
    x.notice = r.uint("notice");
    x.user = UserId(r.uint("user"));
    x.ackedMs = r.uint("acked_ms");
    x.acknowledged = int(r.uint("acknowledged", true, kMaxCount));
    x.recipients = int(r.uint("recipients", true, kMaxCount));
    return finish(r, std::move(x), error);
}

} // namespace lanchat
