#pragma once

#include "replyquoter.h"

#include <QCborMap>

namespace lanchat {

class Router;
class Session;
class Storage;

/**
 * `search` (docs/protocol.md 14): full-text search over the messages the requester can read, through
 * Storage::search(). Validates the request (a non-blank `q`, `until_ms` after `since_ms`), checks membership of
 * `conversation` first (`not_found`, `forbidden`), answers `ok {hits, more}` with replies quoted as in `history`, or
 * `internal` on a database error. Requests count against the session's rate limit like every other (7a). Registered
 * only while the server keeps the search index (Storage::searchIndexEnabled()); otherwise `search` is an
 * `unknown_type` and the feature flag is not announced. Lives on the server thread.
 */
class SearchHandler
{
public:
    /** @p storage must outlive the handler. */
    explicit SearchHandler(Storage& storage);

    /** Registers `search`, Authenticated, when the storage keeps the index. */
    void registerWith(Router& router);

private:
    void search(Session& session, const QCborMap& request, quint64 id);

    Storage& m_storage;
    ReplyQuoter m_quoter;
};

} // namespace lanchat
