#pragma once

#include "errorcode.h"
#include "messages/accountmessages.h"

#include <QList>
#include <QObject>

namespace lanchat {

class ChatClient;

/**
 * The user's own sessions and remembered devices (docs/protocol.md 17), for the account dialog: refresh() asks the
 * server for them, logOutOthers() ends every other session and forgets every other device. Available only on a
 * server with the `account_sessions` feature. Lives in the ChatClient's thread.
 */
class AccountSessions : public QObject
{
    Q_OBJECT

public:
    /** @p client must outlive this object. */
    explicit AccountSessions(ChatClient* client, QObject* parent = nullptr);

    /** True while logged in to a server with the `account_sessions` feature. */
    bool isAvailable() const;
    /** The sessions of the last refresh(), the oldest login first; empty before. */
    QList<AccountSession> sessions() const { return m_sessions; }
    /** The remembered devices of the last refresh(), oldest first; empty before. */
    QList<AccountDevice> devices() const { return m_devices; }

    /** Asks for the lists. Result: refreshed() or failed("account_sessions", code). */
    void refresh();
    /**
     * Logs out every other device of the user (they get session_revoked; their device tokens are forgotten), this
     * one stays. Result: loggedOutOthers() then a refresh, or failed("logout_others", code).
     */
    void logOutOthers();

Q_SIGNALS:
    void refreshed();
    /** @p sessions other sessions were closed and @p devices other remembered devices forgotten. */
    void loggedOutOthers(int sessions, int devices);
    /** @p request ("account_sessions" or "logout_others") failed with @p code (timeout when not connected). */
    void failed(const QString& request, lanchat::ErrorCode code);

private:
    ChatClient* m_client;
    QList<AccountSession> m_sessions;
    QList<AccountDevice> m_devices;
};

} // namespace lanchat
