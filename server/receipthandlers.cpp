#include "receipthandlers.h"

#include "chathandlers.h"
#include "messages/receiptmessages.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "storage/storage.h"

namespace lanchat {

ReceiptHandlers::ReceiptHandlers(Storage& storage)
    : m_storage(storage)
{}

void ReceiptHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(ReadPositions::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { readPositions(s, r, id); });
}

void ReceiptHandlers::readPositions(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<ReadPositions>(session, request, id);
    if (!req || !ChatHandlers::requireMember(m_storage, session, req->conversation, id))
        return;
    ReadPositionsOk reply;
    reply.positions = m_storage.readPositions(req->conversation);
    if (reply.positions.isEmpty()) {
        // The requester is a member, so at least their own row exists: empty means the query failed.
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot read the read positions"));
        return;
    }
    session.reply(id, reply.encode());
}

} // namespace lanchat
