#include "chatclient.h"

#include "authenticator.h"
#include "avatarcache.h"
#include "clientconnection.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "directoryloader.h"
#include "directorymodel.h"
#include "draftstore.h"
#include "filetransfertracker.h"
#include "historyloader.h"
#include "logging.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "messages/directorymessages.h"
#include "messages/editmessages.h"
#include "messages/forwardmessages.h"
#include "messages/grouprolemessages.h"
#include "messagesmodel.h"
#include "outgoingqueue.h"
#include "pinnedconversations.h"
#include "profileclient.h"
#include "protocol.h"
#include "readpositionloader.h"
#include "sessionmodels.h"
#include "sessionstore.h"
#include "synchronizer.h"
#include "transfermanager.h"
#include "typingtracker.h"
#include "uuidv7.h"

#include <QDateTime>
#include <QTimer>

namespace lanchat {

namespace {

bool isOk(const QCborMap& reply)
{
    return reply.value(QLatin1String("t")).toString() == QLatin1String(msgtype::kOk);
}

ErrorCode errorOf(const QCborMap& reply)
{
    return errorCodeFromName(reply.value(QLatin1String("code")).toString());
}

} // namespace

class ChatClient::Private
{
public:
    explicit Private(ChatClient* q);

    void updateState();
    /** Takes the sign-up mode from the connection's welcome; emits registrationChanged when it changed. */
    void updateRegistration();
    void onDisconnected();
    void onSessionRevoked();
    void onLoggedIn(const UserInfo& account, Seq serverLastSeq);
    void onRefused(ErrorCode code, const QString& detail);
    void fetchConversations(bool thenSync);
    void onPush(const QCborMap& push);
    /** Keeps the unacknowledged messages across restarts of the program (at most once per event-loop turn). */
    void scheduleOutboxSave();
    void saveOutbox();
    void restoreOutbox();
    /**
     * Sends @p map; on `ok` calls @p onOk, on error emits requestFailed(@p name, code). @p background
     * requests (the client's own, repeated after every login anyway) do not report a lost connection.
     */
    void call(const QCborMap& map, const QString& name, std::function<void(const QCborMap&)> onOk,
              bool background = false);
    void applyConversationReply(const QCborMap& reply, bool announce);
    void fetchUsers();

    ChatClient* q;
    SessionStore store;
    // Declared after the store they write to, so they are gone before it.
    std::unique_ptr<DraftStore> drafts = std::make_unique<DraftStore>();
    std::unique_ptr<PinnedConversations> pinned = std::make_unique<PinnedConversations>();
    ClientConnection* connection;
    SessionModels* models;
    OutgoingQueue* queue;
    Authenticator* auth;
    Synchronizer* sync;
    HistoryLoader* history;
    ReadPositionLoader* readPositions;
    TransferManager* transfers;
    FileTransferTracker* fileTransfers;
    TypingTracker* typing;
    DirectoryModel* directory;
    DirectoryLoader* directoryLoader;
    ProfileClient* profiles;
    AvatarCache* avatars;
    State state = State::Offline;
    Registration registration = Registration::Unknown;
    UserInfo user;
    bool loggedIn = false;
    /** Logged in once since the user's last explicit login or logout: a later login is the client's own re-login. */
    bool inSession = false;
    bool fetchingConversations = false;
    QString endpoint;
    bool tls = true;
    QTimer outboxTimer;
};

ChatClient::Private::Private(ChatClient* q)
    : q(q)
    , connection(new ClientConnection(q))
    , models(new SessionModels(q))
    , queue(new OutgoingQueue(connection, q))
    , auth(new Authenticator(connection, q))
    , sync(new Synchronizer(connection, models, &store, q))
    , history(new HistoryLoader(connection, models, q))
    , readPositions(new ReadPositionLoader(connection, models, q))
    , transfers(new TransferManager(connection, q))
    , fileTransfers(new FileTransferTracker(transfers, models, q))
    , typing(new TypingTracker(connection, q))
    , directory(new DirectoryModel(q))
    , directoryLoader(new DirectoryLoader(connection, directory, q))
    , profiles(new ProfileClient(connection, models->contacts(), q))
    , avatars(new AvatarCache(connection, {}, q))
{
    models->setFileTransfers(fileTransfers);
}

void ChatClient::Private::updateState()
{
    State s = State::Offline;
    switch (connection->state()) {
    case ClientConnection::State::Disconnected:
        s = State::Offline;
        break;
    case ClientConnection::State::Connecting:
    case ClientConnection::State::Handshaking:
        s = State::Connecting;
        break;
    case ClientConnection::State::Ready:
        s = loggedIn ? State::LoggedIn : State::Connected;
        break;
    case ClientConnection::State::Waiting:
        s = State::Reconnecting;
        break;
    }
    if (s == state)
        return;
    state = s;
    Q_EMIT q->stateChanged(s);
}

void ChatClient::Private::updateRegistration()
{
    const QString mode = connection->serverRegistration();
    Registration r = Registration::Unknown;
    if (mode == QLatin1String("off"))
        r = Registration::Off;
    else if (mode == QLatin1String("open"))
        r = Registration::Open;
    else if (mode == QLatin1String("invite"))
        r = Registration::Invite;
    if (r == registration)
        return;
    registration = r;
    Q_EMIT q->registrationChanged(r);
}

void ChatClient::Private::onSessionRevoked()
{
    // The password this client holds is no longer valid: logging in again with it would only fail (and feed
    // the server's login throttle). Stop here; the user logs in with the new password.
    qCWarning(lcClient) << "the server revoked this session (password changed); not reconnecting";
    auth->forget();
    connection->disconnectFromServer();
    onDisconnected();
    Q_EMIT q->sessionRevoked();
}

void ChatClient::Private::onRefused(ErrorCode code, const QString& detail)
{
    Q_EMIT q->loginFailed(code, detail);
    if (!std::exchange(inSession, false))
        return; // the user's own login attempt: the login dialog shows the reason
    // The server refused the re-login after a reconnect (account disabled, password changed while we were away,
    // throttled). The Authenticator has forgotten the password, so staying connected would only look like
    // "Connecting…" forever: go offline and let the user log in again, told why.
    qCWarning(lcClient) << "the server refused to log this session in again:" << errorCodeName(code);
    connection->disconnectFromServer();
    onDisconnected();
    Q_EMIT q->sessionEnded(code);
}

void ChatClient::Private::onDisconnected()
{
    loggedIn = false;
    sync->stop();
    fetchingConversations = false;
    queue->setActive(false);
    readPositions->loggedOut();
    typing->clear();                             // nobody's notice can end it any more
    models->contacts()->setPresenceKnown(false); // until the `users` reply after the next login
    updateState();
}

void ChatClient::Private::onLoggedIn(const UserInfo& account, Seq serverLastSeq)
{
    if (models->ownUser().isValid() && models->ownUser() != account.id)
        queue->clear(); // another account: the previous user's unsent messages are not this one's
    user = account;
    models->setOwnUser(user.id);
    transfers->rememberDownloadsIn(&store, endpoint, user.username);
    drafts->attach(&store, endpoint, user.username);
    pinned->attach(&store, endpoint, user.username);
    sync->begin(endpoint, user.username, serverLastSeq);
    loggedIn = true;
    inSession = true;
    qCInfo(lcClient) << "logged in as" << user.username;
    updateState();
    Q_EMIT q->loggedIn(user);
    restoreOutbox();        // messages a previous run could not deliver
    queue->setActive(true); // resend what was not acked, same client_msg_ids
    fetchUsers();
    directoryLoader->loggedIn();
    fetchConversations(true);
}

void ChatClient::Private::fetchUsers()
{
    call(
        emptyRequest(msgtype::kUsers), QStringLiteral("users"),
        [this](const QCborMap& reply) {
            QString error;
            if (const auto users = UsersOk::decode(reply, &error))
                models->applyUsers(users->users);
            else
                qCWarning(lcClient) << "malformed users reply:" << error;
        },
        true);
}

void ChatClient::Private::fetchConversations(bool thenSync)
{
    if (fetchingConversations && !thenSync)
        return;
    fetchingConversations = true;
    call(
        emptyRequest(msgtype::kConversations), QStringLiteral("conversations"),
        [this, thenSync](const QCborMap& reply) {
            fetchingConversations = false;
            QString error;
            if (const auto list = ConversationsOk::decode(reply, &error))
                models->applyConversations(list->conversations);
            else
                qCWarning(lcClient) << "malformed conversations reply:" << error;
            // Sync after the list so unread counts know each conversation's read position.
            if (thenSync)
                sync->run();
        },
        true);
}

void ChatClient::Private::scheduleOutboxSave()
{
    // A burst of sends or a group-commit batch of acks costs one write, not one per message.
    if (!outboxTimer.isActive())
        outboxTimer.start(0);
}

void ChatClient::Private::saveOutbox()
{
    outboxTimer.stop();
    if (user.id.isValid())
        store.setOutbox(endpoint, user.username, queue->entries());
}

void ChatClient::Private::restoreOutbox()
{
    for (const OutgoingQueue::Entry& e : store.outbox(endpoint, user.username)) {
        if (!queue->restore(e))
            continue;
        MessagesModel* model = models->messages(e.conversation);
        model->appendPending(e.id, e.text, e.createdMs,
                             e.replyTo > 0 ? std::optional(model->quoteOf(e.replyTo)) : std::nullopt);
        if (e.refusal)
            model->markFailed(e.id, *e.refusal);
    }
}

void ChatClient::Private::onPush(const QCborMap& push)
{
    // A connection-level error (no id) is followed by the server closing the connection.
    if (push.value(QLatin1String("t")).toString() == QLatin1String(msgtype::kError)) {
        if (errorOf(push) == ErrorCode::SessionRevoked)
            onSessionRevoked();
        return;
    }
    const QString type = push.value(QLatin1String("t")).toString();
    if (type == QLatin1String(msgtype::kTypingPush)) {
        if (const auto notice = TypingPush::decode(push, nullptr); notice && notice->user != user.id)
            typing->noteTyping(notice->conversation, notice->user);
        return;
    }
    if (directoryLoader->applyPush(push))
        return;
    if (!models->applyPush(push))
        qCDebug(lcClient) << "ignoring unknown push" << type;
    if (type != QLatin1String(msgtype::kMessagePush))
        return;
    const QCborValue nested = push.value(QLatin1String("message"));
    const QCborMap message = nested.isMap() ? nested.toMap() : push;
    typing->noteMessage(ConversationId(message.value(QLatin1String("conversation")).toInteger()),
                        UserId(message.value(QLatin1String("sender")).toInteger()));
    sync->notePushed(message.value(QLatin1String("seq")).toInteger());
}

void ChatClient::Private::call(const QCborMap& map, const QString& name, std::function<void(const QCborMap&)> onOk,
                               bool background)
{
    const auto handler = [this, name, onOk = std::move(onOk), background](const QCborMap& reply) {
        if (isOk(reply)) {
            onOk(reply);
            return;
        }
        const ErrorCode code = errorOf(reply);
        if (!background || code != ErrorCode::Timeout)
            Q_EMIT q->requestFailed(name, code);
    };
    if (connection->request(map, handler) == 0 && !background)
        Q_EMIT q->requestFailed(name, ErrorCode::Timeout); // not connected
}

void ChatClient::Private::applyConversationReply(const QCborMap& reply, bool announce)
{
    if (!reply.value(QLatin1String("conversation")).isMap())
        return;
    QString error;
    const auto c = ConversationOk::decode(reply, &error);
    if (!c) {
        qCWarning(lcClient) << "malformed conversation reply:" << error;
        return;
    }
    models->applyConversation(c->conversation);
    if (announce)
        Q_EMIT q->conversationOpened(c->conversation.id);
}

ChatClient::ChatClient(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    connect(d->connection, &ClientConnection::stateChanged, this, [this] {
        d->updateRegistration(); // before the state: a Connected observer reads registration()
        d->updateState();
    });
    connect(d->auth, &Authenticator::authenticated, this,
            [this](const UserInfo& user, Seq serverLastSeq) { d->onLoggedIn(user, serverLastSeq); });
    connect(d->auth, &Authenticator::deviceTokenChanged, this, &ChatClient::deviceTokenChanged);
    connect(d->auth, &Authenticator::refused, this,
            [this](ErrorCode code, const QString& detail) { d->onRefused(code, detail); });
    connect(d->connection, &ClientConnection::disconnected, this, [this] { d->onDisconnected(); });
    connect(d->connection, &ClientConnection::pushReceived, this, [this](const QCborMap& push) { d->onPush(push); });
    connect(d->connection, &ClientConnection::certificatePinned, this,
            [this](const QString& host, quint16 port, const QString& fingerprint) {
                d->store.setPin(ClientConnection::endpointKey(host, port), fingerprint);
            });
    connect(d->connection, &ClientConnection::certificateMismatch, this, &ChatClient::certificateMismatch);
    connect(d->profiles, &ProfileClient::profileUpdated, this, [this](const UserInfo& user) { d->user = user; });
    connect(d->sync, &Synchronizer::finished, this, [this] {
        d->avatars->retryFailed(); // pictures that could not be read before may be someone's avatar again
        d->history->loadAfterSync();
        d->readPositions->loggedIn();
        Q_EMIT synced();
    });
    connect(d->history, &HistoryLoader::aroundLoaded, this, &ChatClient::messageLoaded);
    connect(d->history, &HistoryLoader::failed, this,
            [this](ErrorCode code) { Q_EMIT requestFailed(QLatin1String(History::kType), code); });
    connect(d->sync, &Synchronizer::failed, this,
            [this](ErrorCode code) { Q_EMIT requestFailed(QLatin1String(Sync::kType), code); });
    connect(d->models, &SessionModels::messageReceived, this, &ChatClient::messageReceived);
    // People may have moved with the tree: their User maps carry the department.
    connect(d->directoryLoader, &DirectoryLoader::changedOnServer, this, [this] { d->fetchUsers(); });
    connect(d->models, &SessionModels::serverShuttingDown, this, &ChatClient::serverShuttingDown);
    connect(d->models, &SessionModels::ownMessageConfirmed, this, [this](const QUuid& id) {
        d->queue->forget(id);
        d->scheduleOutboxSave();
    });
    d->outboxTimer.setSingleShot(true);
    connect(&d->outboxTimer, &QTimer::timeout, this, [this] { d->saveOutbox(); });
    connect(d->models, &SessionModels::unknownConversation, this, [this] {
        if (d->loggedIn)
            d->fetchConversations(false);
    });
    connect(d->queue, &OutgoingQueue::acked, this,
            [this](ConversationId conversation, const QUuid& id, Seq seq, qint64 ts) {
                d->models->messages(conversation)->markSent(id, seq, ts);
                d->scheduleOutboxSave();
                if (const MessageRecord* newest = d->models->messages(conversation)->newestMessage())
                    d->models->conversations()->noteMessage(*newest, false);
            });
    connect(d->queue, &OutgoingQueue::failed, this,
            [this](ConversationId conversation, const QUuid& id, ErrorCode code) {
                d->models->messages(conversation)->markFailed(id, code);
                d->scheduleOutboxSave(); // the refusal must outlive a restart
                Q_EMIT requestFailed(QStringLiteral("send"), code);
            });
    connect(d->queue, &OutgoingQueue::waiting, this,
            [this](ConversationId conversation, const QUuid& id, ErrorCode code) {
                d->models->messages(conversation)->markWaiting(id, code);
            });
    connect(d->queue, &OutgoingQueue::sending, this, [this](ConversationId conversation, const QUuid& id) {
        d->models->messages(conversation)->markPending(id);
    });
}

ChatClient::~ChatClient()
{
    // The connection's pending handlers point into d: close it before d goes away, without telling
    // the application about a state change of an object it is destroying.
    blockSignals(true);
    if (d->outboxTimer.isActive())
        d->saveOutbox();
    d->connection->disconnectFromServer();
}

void ChatClient::setSettings(QSettings* settings)
{
    d->store.setSettings(settings);
}

bool ChatClient::connectToServer(const QString& host, quint16 port, bool tls)
{
    d->endpoint = ClientConnection::endpointKey(host, port);
    if (d->connection->pinnedFingerprint(host, port).isEmpty()) {
        const QString pin = d->store.pin(d->endpoint);
        if (!pin.isEmpty())
            d->connection->setPinnedFingerprint(host, port, pin);
    }
    d->tls = tls;
    d->onDisconnected();
    const bool started = d->connection->connectToServer(host, port, tls);
    d->updateRegistration();
    return started;
}

void ChatClient::reconnect()
{
    if (d->endpoint.isEmpty())
        return;
    connectToServer(d->connection->host(), d->connection->port(), d->tls);
}

void ChatClient::disconnectFromServer()
{
    d->connection->disconnectFromServer();
    d->onDisconnected();
}

void ChatClient::registerAccount(const QString& username, const QString& password, const QString& displayName,
                                 const QString& invite, bool stayLoggedIn, const QString& deviceName)
{
    d->inSession = false;
    d->auth->registerAccount(username, password, displayName, invite, stayLoggedIn, deviceName);
}

void ChatClient::login(const QString& username, const QString& password, bool stayLoggedIn, const QString& deviceName)
{
    d->inSession = false;
    d->auth->login(username, password, stayLoggedIn, deviceName);
}

void ChatClient::loginWithToken(const QString& username, const QByteArray& token)
{
    d->inSession = false;
    d->auth->loginWithToken(username, token);
}

void ChatClient::logout()
{
    if (d->loggedIn)
        d->connection->request(emptyRequest(msgtype::kLogout), {});
    d->inSession = false;
    d->auth->forget();
    d->loggedIn = false;
    d->sync->stop();
    d->queue->setActive(false);
    d->queue->clear(); // logging out deliberately gives up what was not sent
    d->saveOutbox();
    d->models->setOwnUser(UserId());
    d->user = UserInfo();
    d->updateState();
}

void ChatClient::changePassword(const QString& oldPassword, const QString& newPassword)
{
    ChangePassword msg;
    msg.oldPassword = oldPassword;
    msg.newPassword = newPassword;
    d->call(msg.encode(), QLatin1String(ChangePassword::kType), [this, newPassword](const QCborMap&) {
        d->auth->setPassword(newPassword); // the next automatic re-login needs it
        d->auth->dropToken();              // forgotten by the server with the old password
        Q_EMIT deviceTokenChanged({});
        Q_EMIT passwordChanged();
    });
}

QUuid ChatClient::sendText(ConversationId conversation, const QString& text, const Mentions& mentions, Seq replyTo)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QUuid id = d->queue->enqueue(conversation, text, now, mentions, replyTo);
    MessagesModel* model = d->models->messages(conversation);
    model->appendPending(id, text, now, replyTo > 0 ? std::optional(model->quoteOf(replyTo)) : std::nullopt);
    if (!d->loggedIn)
        model->markWaiting(id, ErrorCode::Timeout); // goes out after the next login
    d->scheduleOutboxSave();
    return id;
}

void ChatClient::retry(const QUuid& clientMsgId)
{
    const ConversationId conversation = d->queue->conversationOf(clientMsgId);
    if (!conversation.isValid() || !d->queue->retry(clientMsgId))
        return;
    MessagesModel* model = d->models->messages(conversation);
    if (d->loggedIn)
        model->markPending(clientMsgId);
    else
        model->markWaiting(clientMsgId, ErrorCode::Timeout);
    d->scheduleOutboxSave();
}

void ChatClient::openPrivate(UserId user)
{
    OpenPrivate msg;
    msg.user = user;
    d->call(msg.encode(), QLatin1String(OpenPrivate::kType),
            [this](const QCborMap& reply) { d->applyConversationReply(reply, true); });
}

void ChatClient::createGroup(const QString& name, const QList<UserId>& members)
{
    GroupCreate msg;
    msg.name = name;
    msg.members = members;
    d->call(msg.encode(), QLatin1String(GroupCreate::kType),
            [this](const QCborMap& reply) { d->applyConversationReply(reply, true); });
}

void ChatClient::createDepartmentGroup(DepartmentId department)
{
    DepartmentGroup msg;
    msg.department = department;
    d->call(msg.encode(), QLatin1String(DepartmentGroup::kType),
            [this](const QCborMap& reply) { d->applyConversationReply(reply, true); });
}

DirectoryModel* ChatClient::directory() const
{
    return d->directory;
}

bool ChatClient::hasDirectory() const
{
    return d->directoryLoader->available();
}

void ChatClient::addMember(ConversationId group, UserId user)
{
    GroupChange msg{QLatin1String(GroupChange::kAdd), group, user, {}};
    d->call(msg.encode(), msg.type, [this](const QCborMap& reply) { d->applyConversationReply(reply, false); });
}

void ChatClient::removeMember(ConversationId group, UserId user)
{
    GroupChange msg{QLatin1String(GroupChange::kRemove), group, user, {}};
    d->call(msg.encode(), msg.type, [this](const QCborMap& reply) { d->applyConversationReply(reply, false); });
}

void ChatClient::leaveGroup(ConversationId group)
{
    GroupChange msg{QLatin1String(GroupChange::kLeave), group, {}, {}};
    d->call(msg.encode(), msg.type, [this, group](const QCborMap&) { d->models->conversations()->remove(group); });
}

void ChatClient::renameGroup(ConversationId group, const QString& name)
{
    GroupChange msg{QLatin1String(GroupChange::kRename), group, {}, name};
    d->call(msg.encode(), msg.type, [this](const QCborMap& reply) { d->applyConversationReply(reply, false); });
}

void ChatClient::setGroupAdmin(ConversationId group, UserId user, bool admin)
{
    const GroupRoleRequest msg{QLatin1String(GroupRoleRequest::kSetRole), group, user,
                               QLatin1String(admin ? GroupRoleRequest::kAdmin : GroupRoleRequest::kMember)};
    d->call(msg.encode(), msg.type, [this](const QCborMap& reply) { d->applyConversationReply(reply, false); });
}

void ChatClient::transferGroup(ConversationId group, UserId user)
{
    const GroupRoleRequest msg{QLatin1String(GroupRoleRequest::kTransfer), group, user, {}};
    d->call(msg.encode(), msg.type, [this](const QCborMap& reply) { d->applyConversationReply(reply, false); });
}

void ChatClient::dissolveGroup(ConversationId group)
{
    const GroupRoleRequest msg{QLatin1String(GroupRoleRequest::kDissolve), group, {}, {}};
    d->call(msg.encode(), msg.type, [this, group](const QCborMap&) { d->models->conversations()->remove(group); });
}

bool ChatClient::supportsProfiles() const
{
    return d->connection->serverFeatures().contains(QLatin1String(protocol::kFeatureProfiles));
}

bool ChatClient::supportsGroupRoles() const
{
    return d->connection->serverFeatures().contains(QLatin1String(protocol::kFeatureGroupRoles));
}

QUuid ChatClient::forward(ConversationId target, ConversationId source, const QList<Seq>& seqs)
{
    const ForwardMessages msg{target, source, seqs, createUuidV7()};
    d->call(msg.encode(), QLatin1String(ForwardMessages::kType), [this, msg](const QCborMap& reply) {
        const auto ok = ForwardOk::decode(reply, nullptr);
        Q_EMIT forwarded(msg.clientMsgId, msg.conversation, ok ? ok->seqs : QList<Seq>());
    });
    return msg.clientMsgId;
}

void ChatClient::recallMessage(ConversationId conversation, Seq seq)
{
    const RecallRequest request{conversation, seq};
    d->call(request.encode(), QLatin1String(RecallRequest::kType), [this, conversation, seq](const QCborMap& reply) {
        // The relay pushes the record to the user's other devices only: this one applies it from the ack.
        MessageRecord record;
        record.seq = reply.value(QLatin1String("seq")).toInteger();
        record.timestampMs = reply.value(QLatin1String("ts")).toInteger();
        record.conversation = conversation;
        record.sender = d->user.id;
        record.kind = MessageKind::Recall;
        record.target = seq;
        d->models->applyMessage(record);
    });
}

void ChatClient::editMessage(ConversationId conversation, Seq seq, const QString& text)
{
    const EditRequest request{conversation, seq, text};
    d->call(request.encode(), QLatin1String(EditRequest::kType),
            [this, conversation, seq, text](const QCborMap& reply) {
                MessageRecord record;
                record.seq = reply.value(QLatin1String("seq")).toInteger();
                record.timestampMs = reply.value(QLatin1String("ts")).toInteger();
                record.conversation = conversation;
                record.sender = d->user.id;
                record.kind = MessageKind::Edit;
                record.text = text;
                record.target = seq;
                d->models->applyMessage(record);
            });
}

bool ChatClient::canRecallAndEdit() const
{
    return d->connection->serverFeatures().contains(QLatin1String(protocol::kFeatureRecallEdit));
}

qint64 ChatClient::recallWindowSeconds() const
{
    const qint64 said = d->connection->serverRecallWindowSeconds();
    return said > 0 ? said : protocol::kDefaultRecallWindowSeconds;
}

qint64 ChatClient::editWindowSeconds() const
{
    const qint64 said = d->connection->serverEditWindowSeconds();
    return said > 0 ? said : protocol::kDefaultEditWindowSeconds;
}

void ChatClient::loadOlder(ConversationId conversation)
{
    // A group the user was removed from shows what it holds; the server would answer `forbidden`.
    if (d->loggedIn && !d->models->conversations()->isRemoved(conversation))
        d->history->loadOlder(conversation);
}

void ChatClient::loadAround(ConversationId conversation, Seq seq)
{
    if (d->models->messages(conversation)->rowOfSeq(seq) >= 0) {
        Q_EMIT messageLoaded(conversation, seq);
        return;
    }
    if (d->loggedIn && !d->models->conversations()->isRemoved(conversation))
        d->history->loadAround(conversation, seq);
}

void ChatClient::loadNewer(ConversationId conversation)
{
    if (d->loggedIn && !d->models->conversations()->isRemoved(conversation))
        d->history->loadNewer(conversation);
}

bool ChatClient::supportsReplies() const
{
    return d->connection->serverFeatures().contains(QLatin1String(protocol::kFeatureReply));
}

void ChatClient::markRead(ConversationId conversation)
{
    const auto info = d->models->conversations()->conversation(conversation);
    if (!info)
        return;
    const MessagesModel* model = d->models->existingMessages(conversation);
    const Seq newest = std::max(info->lastSeq, model ? model->newestSeq() : 0);
    d->models->applyRead(conversation, d->user.id, std::max(newest, info->readSeq));
    if (newest <= info->readSeq || !d->loggedIn || d->models->conversations()->isRemoved(conversation))
        return;
    MarkRead msg;
    msg.conversation = conversation;
    msg.seq = newest;
    d->call(
        msg.encode(), QLatin1String(MarkRead::kType), [](const QCborMap&) {}, true);
}

ChatClient::State ChatClient::state() const
{
    return d->state;
}

qint64 ChatClient::maxFileBytes() const
{
    return d->connection->serverMaxFileBytes();
}

ChatClient::Registration ChatClient::registration() const
{
    return d->registration;
}

int ChatClient::reconnectInMs() const
{
    return d->connection->reconnectInMs();
}

UserInfo ChatClient::currentUser() const
{
    return d->user;
}

QString ChatClient::lastConnectionError() const
{
    return d->connection->lastError();
}

QString ChatClient::serverFingerprint() const
{
    return d->connection->peerFingerprint();
}

void ChatClient::setPinnedFingerprint(const QString& host, quint16 port, const QString& hexFingerprint)
{
    d->connection->setPinnedFingerprint(host, port, hexFingerprint);
    d->store.setPin(ClientConnection::endpointKey(host, port), d->connection->pinnedFingerprint(host, port));
}

ContactsModel* ChatClient::contacts() const
{
    return d->models->contacts();
}

ConversationsModel* ChatClient::conversations() const
{
    return d->models->conversations();
}

MessagesModel* ChatClient::messages(ConversationId conversation)
{
    MessagesModel* model = d->models->messages(conversation);
    const auto info = d->models->conversations()->conversation(conversation);
    // A model opened for the first time shows the newest page of history at once.
    if (model->storedCount() == 0 && info && info->lastSeq > 0)
        loadOlder(conversation);
    d->readPositions->open(conversation); // who has read what, once per login
    return model;
}

DraftStore* ChatClient::drafts() const
{
    return d->drafts.get();
}

PinnedConversations* ChatClient::pinnedConversations() const
{
    return d->pinned.get();
}

void ChatClient::noteTyping(ConversationId conversation)
{
    if (d->loggedIn)
        d->typing->noteOwnTyping(conversation);
}

TypingTracker* ChatClient::typing() const
{
    return d->typing;
}

ProfileClient* ChatClient::profiles() const
{
    return d->profiles;
}

AvatarCache* ChatClient::avatars() const
{
    return d->avatars;
}

TransferManager* ChatClient::transfers() const
{
    return d->transfers;
}

ClientConnection* ChatClient::connection() const
{
    return d->connection;
}

int ChatClient::pendingCount() const
{
    return d->queue->size();
}

} // namespace lanchat
