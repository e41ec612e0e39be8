#pragma once

#include "benchharness.h"
#include "ids.h"
#include "runresult.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace lanchat::bench {

/** One kind of query of the search benchmark: several query strings of that kind, timed round-robin. */
struct SearchQueryKind
{
    QString label;                      ///< the table row, e.g. "q 2 zh"
    QStringList queries;                ///< every one occurs in the corpus, except for the "absent" kind
    bool inBusiestConversation = false; ///< searched in the user's busiest conversation instead of all of theirs
};

/**
 * The query mix of the search benchmark and its timing loops. A timed call is one search of the newest page (the
 * protocol's default limit, 20 hits): what the desktop app asks when the user types a query. Every query of a
 * kind runs @p repetitions times, round-robin, so each kind gets queries × repetitions samples, first (cold) calls
 * included; the rows give p50 / p99 / max of those samples and the mean hits per page in the note.
 */
class SearchQueries
{
public:
    /** Hits of one search, or nullopt with @p why set when it failed (an error reply, a storage failure). */
    using Search =
        std::function<std::optional<int>(UserId user, ConversationId conversation, const QString& query, QString* why)>;

    /** 1-, 2- and 3-character Chinese, English words, mixed, absent words, and one conversation's common characters. */
    static QList<SearchQueryKind> kinds();

    /**
     * Times every kind for @p user through @p search; rows named "<kind> <userLabel>", variant @p variant, rate in
     * queries per second (of the summed call times).
     */
    static QList<RunResult> time(const Search& search, UserId user, const QString& userLabel, ConversationId busiest,
                                 const QString& variant, int repetitions);
};

} // namespace lanchat::bench
