#pragma once

#include "ids.h"

#include <QObject>
#include <QSet>

namespace lanchat {

class ClientConnection;
class SessionModels;

/**
 * Loads every member's read position of a conversation (docs/protocol.md 6.4, `read_positions`) into its
 * MessagesModel, so read counts are right after a restart and on a second device; the `read_receipt` pushes
 * keep them current afterwards (SessionModels). Asks once per conversation and login, and only a server that
 * announced the `read_positions` feature. Lives in the ChatClient's thread.
 */
class ReadPositionLoader : public QObject
{
    Q_OBJECT

public:
    /** Both must outlive the loader. */
    ReadPositionLoader(ClientConnection* connection, SessionModels* models, QObject* parent = nullptr);
    ~ReadPositionLoader() override;

    /**
     * The user opened @p conversation: its positions are requested now if they were not since the last login, or
     * at the next login while logged out.
     */
    void open(ConversationId conversation);
    /**
     * A login (with its sync) completed: positions may have moved while the client was away, so every
     * conversation opened so far is asked again.
     */
    void loggedIn();
    /** The session ended: nothing is requested until the next loggedIn(). */
    void loggedOut();

private:
    void request(ConversationId conversation);

    ClientConnection* m_connection;
    SessionModels* m_models;
    QSet<ConversationId> m_opened;
    QSet<ConversationId> m_requested;
    bool m_active = false;
};

} // namespace lanchat
