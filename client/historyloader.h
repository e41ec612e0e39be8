#pragma once

#include "errorcode.h"
#include "ids.h"
#include "messages/chatmessages.h"

#include <QObject>

#include <functional>

namespace lanchat {

class ClientConnection;
class SessionModels;

/**
 * History paging (docs/protocol.md, `history {conversation, before, limit}`): loads the page of 50
 * messages older than what a conversation's MessagesModel holds, at most one request per conversation
 * at a time, and stops once the server says the start is reached. Lives in the ChatClient's thread.
 */
class HistoryLoader : public QObject
{
    Q_OBJECT

public:
    /** Messages per history page. */
    static constexpr int kPageSize = 50;

    /** Both must outlive the loader. */
    HistoryLoader(ClientConnection* connection, SessionModels* models, QObject* parent = nullptr);
    ~HistoryLoader() override;

    /** Requests the page before the oldest loaded message; no-op while one is in flight or at the start. */
    void loadOlder(ConversationId conversation);
    /**
     * After a sync: loads the newest page of every conversation that has history but nothing in memory
     * (so the list shows previews and times) or whose read position lies below what is in memory (a
     * restarted client syncs only what is newer than its persisted position), so unread counts are right.
     */
    void loadAfterSync();
    /**
     * Loads the page `around` @p seq (kPageSize messages, half on each side) into the model with
     * MessagesModel::applyWindow(); aroundLoaded() when it is in. Errors: failed(invalid_argument) when @p seq is
     * no message of the conversation (any more).
     */
    void loadAround(ConversationId conversation, Seq seq);
    /** Loads the page after the model's gap (MessagesModel::gapAfter()); no-op without a gap or while one is loading.
     */
    void loadNewer(ConversationId conversation);

Q_SIGNALS:
    /** The window around @p seq is in the conversation's MessagesModel. */
    void aroundLoaded(lanchat::ConversationId conversation, lanchat::Seq seq);
    /** The server refused a history request (not a lost connection). */
    void failed(lanchat::ErrorCode code);

private:
    /** Sends @p request; @p apply gets the decoded page; failed() for a refusal. False when not sent. */
    bool requestPage(const History& request, std::function<void(const MessagesPage&)> apply,
                     std::function<void()> settled);

    ClientConnection* m_connection;
    SessionModels* m_models;
};

} // namespace lanchat
