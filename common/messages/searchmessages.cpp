#include "searchmessages.h"

#include "../protocol.h"
#include "chatmessages.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

QCborMap SearchMessages::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("q"), query);
    if (conversation.isValid())
        m.insert(QLatin1String("conversation"), conversation.value());
    if (sender.isValid())
        m.insert(QLatin1String("sender"), sender.value());
    if (sinceMs > 0)
        m.insert(QLatin1String("since_ms"), sinceMs);
    if (untilMs > 0)
        m.insert(QLatin1String("until_ms"), untilMs);
    if (filesOnly)
        m.insert(QLatin1String("files_only"), true);
    if (before > 0)
        m.insert(QLatin1String("before"), before);
    if (limit > 0)
        m.insert(QLatin1String("limit"), limit);
    return m;
}

std::optional<SearchMessages> SearchMessages::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    SearchMessages x;
    x.query = r.text("q", protocol::kMaxSearchQueryBytes);
    x.conversation = ConversationId(r.uint("conversation", false));
    x.sender = UserId(r.uint("sender", false));
    x.sinceMs = r.uint("since_ms", false);
    x.untilMs = r.uint("until_ms", false);
    x.filesOnly = r.boolean("files_only", false);
    x.before = r.uint("before", false);
    x.limit = int(r.uint("limit", false, protocol::kMaxSearchLimit));
    if (r.ok() && r.has("limit") && x.limit == 0) {
        // 1..kMaxSearchLimit on the wire (docs/protocol.md 14); 0 is only this struct's "not sent".
        if (error)
            *error = QStringLiteral("field 'limit': must be at least 1");
        return std::nullopt;
    }
    return finish(r, std::move(x), error);
}

QCborMap SearchHit::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("message"), message.toCbor());
    QCborArray pieces;
    for (const QString& piece : snippet)
        pieces.append(piece);
    m.insert(QLatin1String("snippet"), pieces);
    return m;
}

std::optional<SearchHit> SearchHit::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    SearchHit x;
    const std::optional<MessageRecord> message = MessageRecord::fromCbor(r.map("message"), error);
    if (!message)
        return std::nullopt;
    x.message = *message;
    x.snippet = r.textList("snippet", 2 * protocol::kSearchSnippetChars + 1, protocol::kMaxTextBytes);
    return finish(r, std::move(x), error);
}

QCborMap SearchPage::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    QCborArray array;
    for (const SearchHit& hit : hits)
        array.append(hit.toCbor());
    m.insert(QLatin1String("hits"), array);
    m.insert(QLatin1String("more"), more);
    return m;
}

std::optional<SearchPage> SearchPage::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    SearchPage x;
    for (const QCborValue& v : r.array("hits", protocol::kMaxSearchLimit)) {
        const std::optional<SearchHit> hit = SearchHit::fromCbor(v.toMap(), error);
        if (!hit)
            return std::nullopt;
        x.hits.append(*hit);
    }
    x.more = r.boolean("more", false);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
