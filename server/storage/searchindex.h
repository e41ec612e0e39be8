#pragma once

#include "ids.h"
#include "messages/searchmessages.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace lanchat {

class MessageTable;
class SqlStatements;

/**
 * The full-text search index of the messages (0010_search_index.sql: FTS5 table message_search over the view
 * message_search_source, tokenizer SearchTokenizer) and the searches on it.
 *
 * The index is kept by triggers on messages, so it changes in the same transaction as every append (MessageWriter's
 * raw statements included), edit, recall, retention and prune, and cascades of deleteConversation. The triggers
 * exist only while the index is on (server config `search_index`): configure() creates them and fills the index
 * from the stored messages, or drops them and empties it.
 *
 * Not thread-safe: the storage's thread.
 */
class SearchIndex
{
public:
    /**
     * The search statement (bound: MATCH expression, before seq, requester, sender twice, since, until, limit + 1):
     * the FTS5 index drives it, newest rowid first, and each hit's row is then read by its primary key. Public for
     * the test that checks its query plan.
     */
    static constexpr const char* kSearchSql =
        "SELECT message_search.rowid FROM message_search CROSS JOIN messages m ON m.seq = message_search.rowid "
        "WHERE message_search MATCH ? AND message_search.rowid < ? "
        "AND m.conversation IN (SELECT conversation FROM members WHERE user_id = ?) "
        "AND (? = 0 OR m.sender = ?) AND m.ts >= ? AND m.ts < ? "
        "ORDER BY message_search.rowid DESC LIMIT ?";
    /** Messages per batch of the first fill; progress is logged after each (lanchat.storage). */
    static constexpr int kFillBatch = 50000;

    /** @p statements and @p messages must outlive the index. */
    SearchIndex(SqlStatements& statements, MessageTable& messages);

    /**
     * Switches the index on (@p enabled: creates the triggers and, when they were missing, indexes every stored
     * message, in one transaction) or off (drops the triggers, empties the index). Call once after the migrations,
     * outside a transaction. False with @p error set on a database error (nothing changed).
     */
    bool configure(bool enabled, QString* error);
    /** True when the triggers keep the index (read from the schema). */
    bool isMaintained();

    /** Storage::search(): the caller checked that the index is on. nullopt on a database error. */
    std::optional<SearchPage> search(UserId requester, const SearchMessages& request);

    /**
     * `lanchat-server check`: FTS5's integrity-check of the index against the messages, and its row count against
     * the indexable messages; one line per problem, empty when healthy (or when the index is off).
     */
    QStringList check();

private:
    bool createTriggers(QString* error);
    bool fill(QString* error);

    SqlStatements& m_statements;
    MessageTable& m_messages;
};

} // namespace lanchat
