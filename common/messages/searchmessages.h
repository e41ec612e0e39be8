#pragma once

// Full-text search over the messages a user can read (docs/protocol.md 14).

#include "../ids.h"
#include "../messagerecord.h"

#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lanchat {

/**
 * `search {q, conversation?, sender?, since_ms?, until_ms?, files_only?, before?, limit?}` → SearchPage: the
 * requester's readable messages that match @p query, newest first. Matching rules, limits and errors
 * (invalid_argument, not_found, forbidden, internal) are in docs/protocol.md 14.
 */
struct SearchMessages
{
    static constexpr const char* kType = "search";
    QString query;               ///< `q`: at most protocol::kMaxSearchQueryBytes UTF-8 bytes; only the first
                                 ///< protocol::kSearchQueryChars characters are used
    ConversationId conversation; ///< invalid: every conversation of the requester
    UserId sender;               ///< invalid: any sender
    qint64 sinceMs = 0;          ///< 0 = not sent; else only messages with ts >= sinceMs (ms since epoch, UTC)
    qint64 untilMs = 0;          ///< 0 = not sent; else only messages with ts < untilMs (ms since epoch, UTC)
    bool filesOnly = false;      ///< only file messages, matched on their file name
    Seq before = 0;              ///< 0 = newest; else only messages with seq < before (paging)
    int limit = 0;               ///< 1..protocol::kMaxSearchLimit, 0 = not sent (protocol::kDefaultSearchLimit)
    QCborMap encode() const;
    static std::optional<SearchMessages> decode(const QCborMap& map, QString* error);
};

/** One result: the message as history shows it, and an excerpt with the matched parts marked. */
struct SearchHit
{
    MessageRecord message;
    /**
     * The excerpt (of the text, or of the file name for a file message) in pieces: even indexes plain, odd
     * indexes matched; joined they are the excerpt, at most protocol::kSearchSnippetChars characters plus "…" at
     * a cut end.
     */
    QStringList snippet;
    QCborMap toCbor() const;
    static std::optional<SearchHit> fromCbor(const QCborMap& map, QString* error = nullptr);
};

/** `ok {hits, more}`: at most `limit` hits, newest first; @p more: older hits may exist (ask with before). */
struct SearchPage
{
    QList<SearchHit> hits;
    bool more = false;
    QCborMap encode() const;
    static std::optional<SearchPage> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
