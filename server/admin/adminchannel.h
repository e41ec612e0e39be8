#pragma once

#include "ids.h"
#include "messageeditor.h"
#include "retention.h"

#include <QCborMap>
#include <QHash>
#include <QObject>

#include <functional>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace lanchat {

class CommitQueue;
class MessagePoster;
class SessionRegistry;
class Storage;
struct ServerConfig;

/**
 * The running server's side of the admin commands: a QLocalServer on `<data-dir>/admin.sock`
 * (mode 0600: only the server's own account may talk to it), removed when the relay stops, and the daily
 * retention job.
 *
 * Admin commands write the database themselves and then send one frame (FrameCodec, CBOR map) here, so the
 * relay brings connected clients up to date at once; every request gets one answer frame `ok`
 * (or `error {message}`):
 * - `user_changed {user, revoke_sessions?}`: a deleted or disabled user's sessions get the `account_disabled`
 *   error and are closed; with `revoke_sessions: true` (password reset) they get `session_revoked` and are closed;
 *   otherwise everyone online gets a `user` push (rename, display name, re-enable).
 * - `conversation_changed {conversation, removed: [user]}`: members get a `conversation` push each,
 *   the listed users a `conversation_removed` push.
 * - `directory_changed`: the department tree or people's places changed (`dept`, `user set`, `import`):
 *   everyone online gets the `directory` push (docs/protocol.md 18) and refetches `users`.
 * - `stats`: answers `ok {online, connections}` (users online, open connections).
 * - `broadcast {conversation, text}`: posts a system message through MessagePoster (members online get the
 *   `message` push after the commit) and answers `ok {seq, online}` then.
 * - requests added by addRequest() (the relay's `notice_push {notice, reminder?}`: NoticeHandlers::deliver()).
 * - `recall {conversation, seq}`: recalls a message as the administrator (MessageEditor, actor 0; members online
 *   get the Recall record after the commit) and answers `ok {seq}` of the record then, or `error {message}`.
 *
 * Retention (Retention): first run kFirstRetentionDelayMs after start, then every 24 h; a run does nothing
 * while every retention key is 0 (checked each time, so a SIGHUP reload can switch it on). Abandoned uploads
 * (upload_expiry_hours) expire in each run and once at construction, i.e. at server start. Created by
 * RelayServer::start() and owned by it; lives on the relay's thread; not thread-safe.
 */
class AdminChannel : public QObject
{
    Q_OBJECT
public:
    /** Delay of the first retention run after start, ms (after the start-up burst of reconnects). */
    static constexpr int kFirstRetentionDelayMs = 60 * 1000;
    /** Period of the retention job, ms (24 h). */
    static constexpr int kRetentionPeriodMs = 24 * 60 * 60 * 1000;
    /** Largest admin frame accepted, bytes. */
    static constexpr quint32 kMaxFrameBytes = 64 * 1024;

    /**
     * Listens at once (a failure is logged: the relay runs on, admin changes then apply at the next login).
     * @p config is read at every retention run (SIGHUP reloads it) and, like the other parts, must outlive this.
     */
    AdminChannel(const ServerConfig& config, Storage& storage, CommitQueue& commits, SessionRegistry& sessions,
                 MessagePoster& poster);
    ~AdminChannel() override;

    /** An extra request: its answer frame is built at once from the request's map. */
    using Request = std::function<QCborMap(const QCborMap& request)>;
    /** Serves admin frames of type @p type with @p request (a second one for the same type replaces the first). */
    void addRequest(const QString& type, Request request);
    /** Full path of the socket. */
    QString socketPath() const;
    /**
     * One run of the retention job now (the timer calls it; tests too): commits the turn's pending writes, then
     * expires abandoned uploads and applies Retention with the current config; nothing while every key is 0.
     */
    Retention::Result applyRetention();
    /** Stops listening (removes the socket file) and the retention timer; the relay calls it once stopped. */
    void close();
    /**
     * What `user_changed` does (above): closes a disabled or deleted user's sessions (`account_disabled`), else
     * pushes the user to everyone online; with @p revokeSessions ends their sessions (`session_revoked`). Also used
     * by the periodic directory sync (LdapPeriodicSync).
     */
    void userChanged(UserId user, bool revokeSessions = false);

signals:
    /**
     * An admin command took @p user's access to @p conversation away (removed from a group), or to every
     * conversation (@p conversation invalid: disabled or deleted). The relay forwards it to the file handlers.
     */
    void membershipRevoked(lanchat::ConversationId conversation, lanchat::UserId user);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket* socket);
    QCborMap handle(const QCborMap& request);
    void conversationChanged(ConversationId conversation, const QCborMap& request);
    void broadcast(QLocalSocket* socket, const QCborMap& request);
    void recall(QLocalSocket* socket, const QCborMap& request);
    void onRetentionTimer();

    const ServerConfig& m_config;
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    MessagePoster& m_poster;
    MessageEditor m_editor;
    QLocalServer* m_server;
    QTimer* m_retentionTimer;
    QHash<QString, Request> m_requests;
};

} // namespace lanchat
