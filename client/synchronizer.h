#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QCborMap>
#include <QObject>
#include <QString>

namespace lanchat {

class ClientConnection;
class SessionModels;
class SessionStore;

/**
 * Catch-up after every login (docs/protocol.md, `sync`): pages `sync {since, limit}` from the last seq
 * this client persisted for server+user until `more` is false, feeding SessionModels, and keeps the
 * persisted position current afterwards as pushes arrive.
 *
 * The persisted position only moves to a seq when everything below it is in the models: pushes that
 * arrive while a sync is still paging are remembered and persisted when the sync ends, so a connection
 * lost mid-sync never skips what the sync had not reached. Lives in the ChatClient's thread.
 */
class Synchronizer : public QObject
{
    Q_OBJECT

public:
    /** All three must outlive the synchronizer. */
    Synchronizer(ClientConnection* connection, SessionModels* models, SessionStore* store, QObject* parent = nullptr);
    ~Synchronizer() override;

    /**
     * Logged in as @p username at @p endpoint ("host:port"); @p serverLastSeq is the newest seq on the
     * server (a persisted position above it means the server's database was replaced: start from 0).
     * From here until run() finishes, pushes do not move the persisted position.
     */
    void begin(const QString& endpoint, const QString& username, Seq serverLastSeq);
    /** Starts paging (after the conversation list is in, so unread counts know read positions). */
    void run();
    /** The connection dropped or the user logged out: a sync in progress is abandoned. */
    void stop();
    /** A `message` push with @p seq was applied to the models. */
    void notePushed(Seq seq);

    bool isSyncing() const { return m_syncing; }
    /** Everything up to this seq is in the models (and persisted). */
    Seq syncedSeq() const { return m_syncedSeq; }

Q_SIGNALS:
    /** The sync reached the newest message. */
    void finished();
    /** The server refused a sync request (not a lost connection). */
    void failed(lanchat::ErrorCode code);

private:
    void request(Seq since);
    void onPage(Seq since, const QCborMap& reply);
    void persist(Seq seq);

    ClientConnection* m_connection;
    SessionModels* m_models;
    SessionStore* m_store;
    QString m_endpoint;
    QString m_username;
    bool m_active = false;
    bool m_syncing = false;
    Seq m_syncedSeq = 0;
    Seq m_pushedWhileSyncing = 0;
};

} // namespace lanchat
