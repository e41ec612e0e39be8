#include "forwardmessages.h"

#include "../protocol.h"
#include "chatmessages.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

QCborArray seqArray(const QList<Seq>& seqs)
{
    QCborArray a;
    for (Seq seq : seqs)
        a.append(seq);
    return a;
}

} // namespace

QCborMap ForwardMessages::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    m.insert(QLatin1String("from"), from.value());
    m.insert(QLatin1String("seqs"), seqArray(seqs));
    m.insert(QLatin1String("client_msg_id"), clientMsgId.toRfc4122());
    return m;
}

std::optional<ForwardMessages> ForwardMessages::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ForwardMessages x;
    x.conversation = ConversationId(r.uint("conversation"));
    x.from = ConversationId(r.uint("from"));
    x.seqs = r.uintList("seqs", protocol::kMaxForwardMessages);
    x.clientMsgId = r.uuid("client_msg_id");
    return finish(r, std::move(x), error);
}

QUuid ForwardMessages::itemClientMsgId(const QUuid& base, int index)
{
    return QUuid::createUuidV5(base, QByteArray::number(index));
}

QCborMap ForwardOk::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("seqs"), seqArray(seqs));
    return m;
}

std::optional<ForwardOk> ForwardOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ForwardOk x;
    x.seqs = r.uintList("seqs", protocol::kMaxForwardMessages);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
