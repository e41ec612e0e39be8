#include "editmessages.h"

#include "../protocol.h"
#include "messagecodec.h"

namespace lanchat {

using detail::finish;
using detail::typed;

QCborMap RecallRequest::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("seq"), seq);
    return m;
}

std::optional<RecallRequest> RecallRequest::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    RecallRequest x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.seq = r.uint("seq");
    return finish(r, std::move(x), error);
}

QCborMap EditRequest::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("seq"), seq);
    m.insert(QLatin1String("text"), text);
    return m;
}

std::optional<EditRequest> EditRequest::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    EditRequest x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.seq = r.uint("seq");
    x.text = r.text("text", protocol::kMaxTextBytes);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
