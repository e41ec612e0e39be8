#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QObject>

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

Q_SIGNALS:
    /** The server refused a history request (not a lost connection). */
    void failed(lanchat::ErrorCode code);

private:
    ClientConnection* m_connection;
    SessionModels* m_models;
};

} // namespace lanchat
