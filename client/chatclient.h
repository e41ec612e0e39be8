#pragma once

#include "errorcode.h"
#include "ids.h"
#include "messagerecord.h"
#include "userinfo.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <memory>

class QSettings;

namespace lanchat {

class ClientConnection;
class ContactsModel;
class ConversationsModel;
class DirectoryModel;
class DraftStore;
class MessagesModel;
class PinnedConversations;
class TransferManager;
class TypingTracker;
class ProfileClient;
class AvatarCache;

/**
 * The headless client: one logged-in session with a LanChat server (docs/protocol.md). Owns the
 * connection (TLS, handshake, auto-reconnect with exponential back-off 1 s → 30 s, resend of unacked
 * messages after reconnect, `sync` from the last seen seq after every login) and the item models the
 * desktop app shows. No QtWidgets. Lives in, and must be used from, the thread that created it.
 *
 * This header is the contract between client/ and app/: members may be added, existing ones are not
 * renamed or removed without updating app/.
 */
class ChatClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Registration registration READ registration NOTIFY registrationChanged)

public:
    enum class State
    {
        Offline,      ///< not connected and not trying (before connectToServer, after logout)
        Connecting,   ///< TCP/TLS connect + handshake in progress
        Connected,    ///< handshake done, not logged in
        LoggedIn,     ///< session established, models live
        Reconnecting, ///< connection lost; next attempt in reconnectInMs()
    };
    Q_ENUM(State)

    /** Self sign-up on the server, from its `welcome.registration` (docs/protocol.md 5). */
    enum class Registration
    {
        Unknown, ///< not connected to this server yet, or an older server that does not say; never assume Open
        Off,     ///< accounts are made by the administrator; registerAccount() gets registration_disabled
        Open,    ///< anyone who reaches the server may sign up
        Invite,  ///< sign-up needs the site's invite code (registerAccount()'s @p invite)
    };
    Q_ENUM(Registration)

    explicit ChatClient(QObject* parent = nullptr);
    ~ChatClient() override;

    /**
     * Where pinned fingerprints (`pins/host:port`), the last synced seq per server and user
     * (`sync/host:port/username`) and the user's unacknowledged messages (`outbox/host:port/username`)
     * are kept. @p settings is not owned and must outlive the client;
     * nullptr keeps them in memory only (tests). Without a call, a default QSettings() (the
     * application's organisation and name) is used. Call before connectToServer().
     */
    void setSettings(QSettings* settings);

    /**
     * Connects to host:port. With @p tls (default) the server certificate is checked against the
     * fingerprint pinned for host:port (trust on first use, see setPinnedFingerprint()). Plaintext exists
     * for tests and the bench only and is refused for a host:port with a pinned fingerprint (persisted pins
     * included): then nothing is sent, the state stays Offline, lastConnectionError() says why and the
     * result is false. Returns true when the attempt started.
     */
    bool connectToServer(const QString& host, quint16 port, bool tls = true);
    /** Closes the connection and stops reconnecting; pending messages stay queued for next time. */
    void disconnectFromServer();
    /**
     * Connects again, at once, to the server of the last connectToServer() and logs in with the session's
     * credentials (kept in memory): the way back from Offline (a refused certificate, an incompatible
     * server, disconnectFromServer()) and a way to skip the wait while Reconnecting. Does nothing before
     * the first connectToServer(). A changed certificate is refused again (certificateMismatch()).
     */
    void reconnect();

    /**
     * Registers and logs in; @p invite is the site's invite code when registration() is Invite (at most 256
     * bytes, ignored by servers that do not ask for one). Result: loggedIn() or loginFailed(username_taken,
     * registration_disabled, bad_invite, invalid_argument …).
     */
    void registerAccount(const QString& username, const QString& password, const QString& displayName,
                         const QString& invite = {}, bool stayLoggedIn = false, const QString& deviceName = {});
    /** Logs in; the credentials are kept in memory to log in again after a reconnect. Result: loggedIn() or
     * loginFailed(). With @p stayLoggedIn the server also issues a device token (deviceTokenChanged()) for the device
     * named @p deviceName, and the password is dropped from memory. */
    void login(const QString& username, const QString& password, bool stayLoggedIn = false,
               const QString& deviceName = {});
    /** Logs in with a device token from deviceTokenChanged(). Result: loggedIn() or loginFailed(bad_token …). */
    void loginWithToken(const QString& username, const QByteArray& token);
    void logout();
    /** Result: passwordChanged() or requestFailed("change_password", code). */
    void changePassword(const QString& oldPassword, const QString& newPassword);

    /**
     * Queues a text message (1..64 KiB UTF-8) and returns its client_msg_id. It appears at once in the
     * conversation's MessagesModel as pending (waiting while not logged in), becomes sent on ack, and is
     * resent after reconnects and transient errors until acked. A message the server refuses for good
     * (forbidden, not_found …) becomes failed and is not sent again, not even after a restart, until retry().
     * @p mentions (group chats; docs/protocol.md "Mentions") go with it: the server keeps only members, and
     * refuses `all` from anyone but the group's owner and admins (the message then fails with forbidden).
     */
    QUuid sendText(ConversationId conversation, const QString& text, const Mentions& mentions = {}, Seq replyTo = 0);
    /**
     * sendText() answering the message @p replyTo of the same conversation (0: none): the pending row shows the
     * quote at once (from the original's row when it is loaded), the server's copy carries its own. A @p replyTo
     * the server does not know in the conversation makes the message failed with invalid_argument.
     */
    QUuid sendReply(ConversationId conversation, const QString& text, Seq replyTo)
    {
        return sendText(conversation, text, {}, replyTo);
    }
    /** True when the server announced replies (protocol::kFeatureReply): offer "Reply" and quote jumps only then. */
    bool supportsReplies() const;
    /** Resends a message shown as failed (the only way a refused message is sent again). */
    void retry(const QUuid& clientMsgId);

    /** Opens (creating on the server if needed) the private conversation with @p user; result: conversationOpened(). */
    void openPrivate(UserId user);
    /** Creates a group owned by the current user; result: conversationOpened() with the new id. */
    void createGroup(const QString& name, const QList<UserId>& members);
    /**
     * The department's manager turns @p department into a group of everyone in it and below it (docs/protocol.md
     * 18.3); result: conversationOpened() with the new group, or requestFailed("department_group", code) with
     * forbidden (not its manager), not_found, invalid_argument (over 1000 people).
     */
    void createDepartmentGroup(DepartmentId department);
    void addMember(ConversationId group, UserId user);
    void removeMember(ConversationId group, UserId user);
    void leaveGroup(ConversationId group);
    void renameGroup(ConversationId group, const QString& name);
    /**
     * Group roles (docs/protocol.md 9; only when supportsGroupRoles()), the owner's requests: makes member @p user
     * an admin (@p admin) or a plain member again. Result: the group's row updates; or requestFailed("group_set_role",
     * forbidden / not_found …).
     */
    void setGroupAdmin(ConversationId group, UserId user, bool admin);
    /** Makes member @p user the owner; the current user stays a plain member. Failure: requestFailed("group_transfer").
     */
    void transferGroup(ConversationId group, UserId user);
    /** Dissolves the group for every member; its row goes. Failure: requestFailed("group_dissolve"). */
    void dissolveGroup(ConversationId group);
    /** True when the server has group admins (protocol::kFeatureGroupRoles): offer the role actions only then. */
    bool supportsGroupRoles() const;

    /**
     * Forwards messages @p seqs (1..50, no repeats, shown in this order) of conversation @p source into @p target
     * (docs/protocol.md 6.3): text is copied, files are shared by reference. Returns the request's client_msg_id.
     * Result: forwarded() with that id, or requestFailed("forward", code) with forbidden (not a member of either),
     * invalid_argument (a message that does not exist, was recalled or whose file expired), unknown_type (a server
     * without the `forward` feature), timeout (the connection was lost: the copies may or may not exist; sync shows
     * them). Not resent by itself. The copies arrive as ordinary messages of the user in @p target.
     */
    QUuid forward(ConversationId target, ConversationId source, const QList<Seq>& seqs);
    /**
     * Recalls stored message @p seq (own message within recallWindowSeconds(), or any message of a group the user
     * owns). Result: the model shows it recalled (MessageRecalled), or requestFailed("recall", code) with forbidden,
     * window_expired, not_found …
     */
    void recallMessage(ConversationId conversation, Seq seq);
    /**
     * Replaces the text of the user's own stored text message @p seq (within editWindowSeconds()). Result: the model
     * shows the new text and MessageEditedTime, or requestFailed("edit", code).
     */
    void editMessage(ConversationId conversation, Seq seq, const QString& text);
    /** True if the server takes recall and edit (welcome feature `recall_edit`). */
    bool canRecallAndEdit() const;
    /** How long after sending the user may recall / edit their message, seconds (the server's, else its default). */
    qint64 recallWindowSeconds() const;
    qint64 editWindowSeconds() const;

    /** Loads the page of history older than what the model holds; the model emits rows inserted at the top. */
    void loadOlder(ConversationId conversation);
    /**
     * Makes sure the stored message @p seq is in the conversation's MessagesModel: loads the history window around
     * it when it is not (MessagesModel::applyWindow()). Result: messageLoaded(), at once when it was there already;
     * requestFailed("history", invalid_argument) when the server no longer has it.
     */
    void loadAround(ConversationId conversation, Seq seq);
    /** Loads the next page above the model's gap (MessagesModel::gapAfter()), towards the live tail. */
    void loadNewer(ConversationId conversation);
    /** Marks everything up to the newest message read (unread count → 0, read receipt to others). */
    void markRead(ConversationId conversation);

    State state() const;
    /** The sign-up mode of the server last connected to, as its welcome said; Unknown before the first handshake. */
    Registration registration() const;
    /** The largest file the server accepts (bytes), as its welcome said; 0 when not known yet or not said. */
    qint64 maxFileBytes() const;
    /** ms until the next reconnect attempt while Reconnecting, else 0. */
    int reconnectInMs() const;
    UserInfo currentUser() const;
    /** The last error the connection met (e.g. connection refused), for the status bar. */
    QString lastConnectionError() const;

    /** SHA-256 fingerprint (hex) of the server certificate seen on the current/last TLS connection. */
    QString serverFingerprint() const;
    /** Pins @p hexFingerprint for host:port; a later certificate with another fingerprint is refused. */
    void setPinnedFingerprint(const QString& host, quint16 port, const QString& hexFingerprint);

    ContactsModel* contacts() const;
    /**
     * The server's department tree (docs/protocol.md 18), asked after every login and kept current by the
     * `directory` push; empty on a server without the feature. Owned by the client. The people of a department are
     * the contacts whose roles::ContactDepartment is its id (DepartmentPeopleProxy).
     */
    DirectoryModel* directory() const;
    /** True when the server announced the directory (protocol::kFeatureDirectory): show the organisation only then. */
    bool hasDirectory() const;
    ConversationsModel* conversations() const;
    /**
     * The message model of one conversation, created on first use, owned by the client (valid as long as
     * the client). If it holds no stored message yet and the conversation has history, the newest page
     * is requested at once (rows arrive asynchronously, inserted at the top). Every member's read position
     * (MessageReadCount, MessageReaderNames …) is requested once per login from then on.
     */
    MessagesModel* messages(ConversationId conversation);
    TransferManager* transfers() const;
    /**
     * The user is typing in @p conversation: tells the other members (`typing`, at most once per conversation every
     * 3 s; nothing while not logged in or on a server without the `typing` feature). Call on every edit.
     */
    void noteTyping(ConversationId conversation);
    /** Who else is typing where (the indicator in the conversation header); owned by the client. */
    TypingTracker* typing() const;
    /** Changes the user's own profile and avatar (docs/protocol.md 15); owned by the client. */
    ProfileClient* profiles() const;
    /**
     * True when the server announced profiles (protocol::kFeatureProfiles, docs/protocol.md 15): offer "Edit my
     * profile" only then; an older server answers `profile_update` with unknown_type.
     */
    bool supportsProfiles() const;
    /** Avatar pictures by hash, fetched on demand and kept on disk; shared by every view; owned by the client. */
    AvatarCache* avatars() const;
    /** The user's unsent drafts, one per conversation, kept per server and user across restarts. */
    DraftStore* drafts() const;
    /** The conversations the user pinned to the top, kept per server and user across restarts. */
    PinnedConversations* pinnedConversations() const;
    /** The underlying connection (shared with TransferManager; tests tune its timers through it). */
    ClientConnection* connection() const;
    /** Own messages not yet acked by the server (failed ones included). */
    int pendingCount() const;

Q_SIGNALS:
    void stateChanged(lanchat::ChatClient::State state);
    /** registration() changed; emitted before stateChanged(Connected) of the handshake that told it. */
    void registrationChanged(lanchat::ChatClient::Registration registration);
    /**
     * The server ended this session with `session_revoked` (the account's password was changed elsewhere or
     * reset by the administrator). The client is Offline, has forgotten the password and does not reconnect
     * by itself: the user logs in again with the new password.
     */
    void sessionRevoked();
    /**
     * The server refused to log the session in again after a reconnect, with @p code (account_disabled,
     * bad_credentials after a password change while offline, rate_limited, …); loginFailed() came first. The client
     * is Offline, has forgotten the password and does not reconnect by itself: the user logs in again. Not emitted
     * for a login() or registerAccount() the user started.
     */
    void sessionEnded(lanchat::ErrorCode code);
    void loggedIn(const lanchat::UserInfo& user);
    void loginFailed(lanchat::ErrorCode code, const QString& detail);
    void passwordChanged();
    /**
     * The server issued a new device token (after a stay-logged-in login and at every login with a token, which uses
     * the previous one up): store it to log in without the password next time. Empty: the device is no longer
     * remembered (the password was changed: the server forgot every device).
     */
    void deviceTokenChanged(const QByteArray& token);
    /** A message from someone else arrived (push or sync), for notifications. */
    void messageReceived(const lanchat::MessageRecord& message);
    /** The message @p seq asked for with loadAround() is in the conversation's MessagesModel. */
    void messageLoaded(lanchat::ConversationId conversation, lanchat::Seq seq);
    void conversationOpened(lanchat::ConversationId conversation);
    /**
     * A request failed; @p request is the protocol type, e.g. "group_add", "send", "history", "sync",
     * "change_password". ErrorCode::Timeout means the connection was lost before the reply (or there was
     * none); the client's own background requests are repeated after the next login and not reported.
     */
    void requestFailed(const QString& request, lanchat::ErrorCode code);
    /** The server certificate does not match the pinned fingerprint; the connection was refused. */
    void certificateMismatch(const QString& host, quint16 port, const QString& pinned, const QString& presented);
    /** The server announced a stop; the client reconnects on its own. */
    void serverShuttingDown();
    /** The sync after a login completed: every message missed while offline is in the models. */
    void synced();
    /** A forward() request succeeded: @p seqs are the copies in @p target, in the order requested. */
    void forwarded(const QUuid& requestId, lanchat::ConversationId target, const QList<lanchat::Seq>& seqs);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace lanchat
