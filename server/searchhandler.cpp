#include "searchhandler.h"

#include "chathandlers.h"
#include "messages/searchmessages.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "storage/storage.h"

namespace lanchat {

SearchHandler::SearchHandler(Storage& storage)
    : m_storage(storage)
    , m_quoter(storage)
{}

void SearchHandler::registerWith(Router& router)
{
    if (!m_storage.searchIndexEnabled())
        return;
    router.add(QLatin1String(SearchMessages::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { search(s, r, id); });
}

void SearchHandler::search(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<SearchMessages>(session, request, id);
    if (!req)
        return;
    if (req->query.trimmed().isEmpty()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("q is empty"));
        return;
    }
    if (req->sinceMs > 0 && req->untilMs > 0 && req->untilMs <= req->sinceMs) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("until_ms must be after since_ms"));
        return;
    }
    if (req->conversation.isValid() && !ChatHandlers::requireMember(m_storage, session, req->conversation, id))
        return;
    std::optional<SearchPage> page = m_storage.search(session.user(), *req);
    if (!page) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("search failed"));
        return;
    }
    for (SearchHit& hit : page->hits)
        m_quoter.fill(hit.message);
    session.reply(id, page->encode());
}

} // namespace lanchat
