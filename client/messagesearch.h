#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QObject>
#include <QString>

class QTimer;

namespace lanchat {

class ChatClient;
class SearchResultsModel;

/**
 * Server-side message search (docs/protocol.md 14) for one search field: the query and filters, the pages of
 * hits in results(), the next page on demand, and the state to show (searching, no match, an error). Only offered
 * when the server announces the `search` feature (isAvailable()).
 *
 * Typing: setQuery() waits debounceMs() for the next keystroke before it asks (searchNow() asks at once). A new
 * query or filter drops what is in flight: an answer to an older request never reaches results(), so fast typing
 * never shows an older query's hits. Lives in, and must be used from, the ChatClient's thread.
 */
class MessageSearch : public QObject
{
    Q_OBJECT

public:
    enum class Status
    {
        Idle,        ///< no query (empty or whitespace only): no results
        Searching,   ///< the first page of the current query and filters is on its way (or waiting for typing)
        Ready,       ///< results() holds the hits so far (possibly none: nothing matches)
        Failed,      ///< the server refused the last request: error() says why; hits already shown stay
        Unavailable, ///< not logged in, or the server has no `search` (an older server)
    };
    Q_ENUM(Status)

    /** How long setQuery() waits for more typing before it asks, ms (default). */
    static constexpr int kDefaultDebounceMs = 250;

    /** @p client must outlive the search. */
    explicit MessageSearch(ChatClient* client, QObject* parent = nullptr);
    ~MessageSearch() override;

    /** True when logged in to a server that announced `search`. */
    bool isAvailable() const;
    Status status() const { return m_status; }
    /** Why the last request failed (rate_limited, forbidden, not_found, timeout …) while Failed. */
    ErrorCode error() const { return m_error; }
    /** The query as given to setQuery() (trimmed when sent). */
    QString query() const { return m_query; }
    ConversationId conversation() const { return m_conversation; }
    UserId sender() const { return m_sender; }
    bool filesOnly() const { return m_filesOnly; }
    /** True while older hits may exist on the server (loadMore() asks for them). */
    bool hasMore() const { return m_more; }
    bool isLoadingMore() const { return m_loadingMore; }
    /** The hits, owned by the search. */
    SearchResultsModel* results() const { return m_results; }

    /** The text to find (at most protocol::kSearchQueryChars characters are used); searched after the debounce. */
    void setQuery(const QString& query);
    /** Only in @p conversation (invalid: every conversation of the user); searches again at once. */
    void setConversation(ConversationId conversation);
    /** Only messages of @p sender (invalid: anyone); searches again at once. */
    void setSender(UserId sender);
    /**
     * Only messages with sinceMs <= ts < untilMs (ms since the epoch, UTC; 0 = open end); searches again at once.
     * An empty range (untilMs <= sinceMs, both set) shows no hits without asking the server.
     */
    void setTimeRange(qint64 sinceMs, qint64 untilMs);
    /** Only file messages, matched by file name; searches again at once. */
    void setFilesOnly(bool filesOnly);
    /** All filters at once (see the setters above); searches again once, at once, when any changed. */
    void setFilters(ConversationId conversation, UserId sender, qint64 sinceMs, qint64 untilMs, bool filesOnly);
    /** Sends the pending query now instead of after the debounce. */
    void searchNow();
    /** Asks for the page older than the hits held; no-op without more or while a page is on its way. */
    void loadMore();
    /** Drops the hits and forgets the query (Idle). */
    void clear();

    int debounceMs() const;
    void setDebounceMs(int ms);

Q_SIGNALS:
    void statusChanged(lanchat::MessageSearch::Status status);
    /** A page of the current query arrived and is in results() (also for an empty page). */
    void pageLoaded();
    /** A request of the current query was refused with @p code (also in error()). */
    void failed(lanchat::ErrorCode code);
    /** isAvailable() may have changed (login, logout, another server). */
    void availabilityChanged(bool available);

private:
    void restart();
    void request(bool nextPage);
    void setStatus(Status status);
    void onClientStateChanged();

    ChatClient* m_client;
    SearchResultsModel* m_results;
    QTimer* m_debounce;
    QString m_query;
    ConversationId m_conversation;
    UserId m_sender;
    qint64 m_sinceMs = 0;
    qint64 m_untilMs = 0;
    bool m_filesOnly = false;
    bool m_more = false;
    bool m_loadingMore = false;
    bool m_available = false;
    // Which request is current: answers carrying an older generation are dropped.
    quint64 m_generation = 0;
    Status m_status = Status::Idle;
    ErrorCode m_error = ErrorCode::Unknown;
};

} // namespace lanchat
