#include "receiptmessages.h"

#include "../protocol.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

QCborMap ReadPositions::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("conversation"), conversation.value());
    return m;
}

std::optional<ReadPositions> ReadPositions::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ReadPositions x;
    x.conversation = ConversationId(r.uint("conversation"));
    return finish(r, std::move(x), error);
}

QCborMap ReadPositionsOk::encode() const
{
    QCborArray array;
    for (const ReadPosition& p : positions) {
        QCborMap entry;
        entry.insert(QLatin1String("user"), p.user.value());
        entry.insert(QLatin1String("seq"), p.seq);
        array.append(entry);
    }
    QCborMap m = typed("ok");
    m.insert(QLatin1String("positions"), array);
    return m;
}

std::optional<ReadPositionsOk> ReadPositionsOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ReadPositionsOk x;
    const QCborArray array = r.array("positions", protocol::kMaxGroupMembers);
    for (const QCborValue& v : array) {
        const QCborMap map = v.toMap(); // the reader keeps a reference: the map must outlive it
        CborFieldReader entry(map);
        const ReadPosition p{UserId(entry.uint("user")), entry.uint("seq")};
        if (!v.isMap() || !entry.ok()) {
            if (error)
                *error = v.isMap() ? entry.error() : QStringLiteral("positions: an entry is not a map");
            return std::nullopt;
        }
        x.positions.append(p);
    }
    return finish(r, std::move(x), error);
}

} // namespace lanchat
