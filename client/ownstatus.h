#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QObject>
#include <QString>

namespace lanchat {

class ChatClient;

/**
 * The logged-in user's own status and status text (docs/protocol.md 16), as the server keeps them: taken from the
 * login reply and from the `presence` pushes about oneself (which also carry what another device of the user set),
 * and changed with set(). Available only on a server with the `status` feature. Lives in the ChatClient's thread.
 */
class OwnStatus : public QObject
{
    Q_OBJECT

public:
    /** @p client must outlive this object. */
    explicit OwnStatus(ChatClient* client, QObject* parent = nullptr);

    /** True while logged in to a server with the `status` feature: set() works, the status menu is offered. */
    bool isAvailable() const;
    /** "online", "away", "busy" or "dnd": the status last known of the server (kept while offline). */
    QString status() const { return m_status; }
    /** The status text last known; may be empty. */
    QString text() const { return m_text; }
    /** True when the user chose do-not-disturb: no notification pop-ups or sounds, except mentions of oneself. */
    bool isDoNotDisturb() const { return m_status == QLatin1String("dnd"); }
    /**
     * Asks the server for @p status ("online", "away", "busy", "dnd") and @p text (at most
     * protocol::kMaxStatusTextChars characters, no control characters; empty: none). Result: changed() once the
     * server has it, or failed() with the server's code (invalid_argument, timeout when not connected …).
     */
    void set(const QString& status, const QString& text);

Q_SIGNALS:
    /** status() or text() changed (this device's set(), another device of the user, or the login). */
    void changed();
    /** set() was refused or could not be sent. */
    void failed(lanchat::ErrorCode code);

private:
    void apply(const QString& status, const QString& text);
    void onUserChanged(UserId user);

    ChatClient* m_client;
    QString m_status = QStringLiteral("online");
    QString m_text;
};

} // namespace lanchat
