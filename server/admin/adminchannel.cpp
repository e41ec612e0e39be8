#include "adminchannel.h"

#include "commitqueue.h"
#include "directoryhandlers.h"
#include "framecodec.h"
#include "logging.h"
#include "messageposter.h"
#include "messages/chatmessages.h"
#include "protocol.h"
#include "retention.h"
#include "serverconfig.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"
#include "userinfofactory.h"

#include <QCborArray>
#include <QDateTime>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

namespace lanchat {

namespace {

QCborMap answer(const char* type)
{
    QCborMap map;
    map.insert(QLatin1String("t"), QLatin1String(type));
    return map;
}

} // namespace

AdminChannel::AdminChannel(const ServerConfig& config, Storage& storage, CommitQueue& commits,
                           SessionRegistry& sessions, MessagePoster& poster)
    : m_config(config)
    , m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_poster(poster)
    , m_editor(storage, commits, poster)
    , m_server(new QLocalServer(this))
    , m_retentionTimer(new QTimer(this))
{
    // A socket file left by a crashed server would make listen() fail.
    QLocalServer::removeServer(socketPath());
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (m_server->listen(socketPath())) {
        QFile::setPermissions(socketPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        qCInfo(lcServer) << "admin socket" << socketPath();
    } else {
        qCWarning(lcServer) << "cannot create the admin socket" << socketPath() << m_server->errorString()
                            << "- admin changes apply at the next login only";
    }
    connect(m_server, &QLocalServer::newConnection, this, &AdminChannel::onNewConnection);

    // Always armed: a SIGHUP may switch retention on later; with every rule off a run touches nothing.
    m_retentionTimer->setSingleShot(true);
    connect(m_retentionTimer, &QTimer::timeout, this, &AdminChannel::onRetentionTimer);
    m_retentionTimer->start(kFirstRetentionDelayMs);
    // Before any client can resume one of them: uploads abandoned while the server was down go now.
    Retention::expireUploads(m_storage, m_config, QDateTime::currentMSecsSinceEpoch());
}

AdminChannel::~AdminChannel()
{
    close();
}

void AdminChannel::addRequest(const QString& type, Request request)
{
    m_requests.insert(type, std::move(request));
}

QString AdminChannel::socketPath() const
{
    return m_config.adminSocketPath();
}

void AdminChannel::close()
{
    m_retentionTimer->stop();
    if (m_server->isListening())
        m_server->close(); // removes the socket file
}

void AdminChannel::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        auto codec = std::make_shared<FrameCodec>(kMaxFrameBytes);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, codec] {
            codec->append(socket->readAll());
            while (std::optional<FrameCodec::Frame> frame = codec->next()) {
                const QString type = frame->map.value(QLatin1String("t")).toString();
                if (type == QLatin1String("broadcast"))
                    broadcast(socket, frame->map); // answers after the commit
                else if (type == QLatin1String("recall"))
                    recall(socket, frame->map); // answers after the commit
                else
                    socket->write(FrameCodec::encode(handle(frame->map)));
            }
            if (codec->hasError())
                socket->disconnectFromServer();
        });
    }
}

QCborMap AdminChannel::handle(const QCborMap& request)
{
    const QString type = request.value(QLatin1String("t")).toString();
    if (const auto extra = m_requests.constFind(type); extra != m_requests.cend())
        return (*extra)(request);
    if (type == QLatin1String("user_changed")) {
        userChanged(UserId(request.value(QLatin1String("user")).toInteger()),
                    request.value(QLatin1String("revoke_sessions")).toBool());
    } else if (type == QLatin1String("conversation_changed")) {
        conversationChanged(ConversationId(request.value(QLatin1String("conversation")).toInteger()), request);
    } else if (type == QLatin1String("directory_changed")) {
        DirectoryHandlers::pushTree(m_storage, m_sessions);
        qCInfo(lcServer) << "admin: directory changed";
    } else if (type == QLatin1String("stats")) {
        QCborMap ok = answer("ok");
        ok.insert(QLatin1String("online"), m_sessions.onlineUserCount());
        ok.insert(QLatin1String("connections"), m_sessions.connectionCount());
        return ok;
    } else {
        QCborMap error = answer("error");
        error.insert(QLatin1String("message"), QStringLiteral("unknown admin request '%1'").arg(type));
        return error;
    }
    return answer("ok");
}

void AdminChannel::userChanged(UserId user, bool revokeSessions)
{
    const std::optional<UserRecord> record = m_storage.userById(user);
    if (record && !record->disabled && revokeSessions) {
        const int closed = m_sessions.revokeSessions(user, nullptr);
        qCInfo(lcServer) << "admin: password of user" << user.value() << "reset -" << closed << "sessions closed";
        return;
    }
    if (!record || record->disabled) {
        const QList<Session*> sessions = m_sessions.sessionsOf(user);
        for (Session* session : sessions)
            session->closeWithError(ErrorCode::AccountDisabled, QStringLiteral("the account was disabled"));
        emit membershipRevoked(ConversationId(), user);
        qCInfo(lcServer) << "admin: user" << user.value() << (record ? "disabled" : "deleted") << "-" << sessions.size()
                         << "sessions closed";
        return;
    }
    if (const std::optional<UserInfo> info = UserInfoFactory::load(m_storage, m_sessions, user))
        m_sessions.pushToAuthenticated(UserInfoFactory::pushFrame(*info));
    qCInfo(lcServer) << "admin: user" << user.value() << "changed";
}

void AdminChannel::conversationChanged(ConversationId conversation, const QCborMap& request)
{
    Storage& storage = m_storage;
    // read_seq differs per member, so the push is encoded per member (rare, small).
    for (UserId member : storage.members(conversation)) {
        if (const std::optional<ConversationInfo> info = storage.conversation(conversation, member))
            m_sessions.pushToUsers({member}, FrameCodec::encode(ConversationOk{*info}.encode("conversation")));
    }
    QList<UserId> removed;
    for (const QCborValue& id : request.value(QLatin1String("removed")).toArray())
        removed.append(UserId(id.toInteger()));
    if (!removed.isEmpty()) {
        QCborMap push = answer(msgtype::kConversationRemovedPush);
        push.insert(QLatin1String("conversation"), conversation.value());
        push.insert(QLatin1String("by"), 0); // no member did it: the administrator, with the admin command
        m_sessions.pushToUsers(removed, FrameCodec::encode(push));
    }
    for (UserId user : std::as_const(removed))
        emit membershipRevoked(conversation, user);
    qCInfo(lcServer) << "admin: conversation" << conversation.value() << "changed";
}

void AdminChannel::broadcast(QLocalSocket* socket, const QCborMap& request)
{
    const ConversationId group(request.value(QLatin1String("conversation")).toInteger());
    const QString text = request.value(QLatin1String("text")).toString();
    QPointer<QLocalSocket> guard(socket);
    const auto answerError = [guard](const QString& message) {
        QCborMap error = answer("error");
        error.insert(QLatin1String("message"), message);
        if (guard)
            guard->write(FrameCodec::encode(error));
    };
    if (!group.isValid() || text.isEmpty() || text.toUtf8().size() > protocol::kMaxTextBytes) {
        answerError(QStringLiteral("broadcast needs a conversation and 1 byte to 64 KiB of text"));
        return;
    }
    // The admin command added members: show them the group before its first message arrives.
    conversationChanged(group, {});
    const NewMessage notice{group, UserId(), QUuid(), MessageKind::System, text, std::nullopt};
    m_poster.post(notice, nullptr, [this, guard, answerError](const std::optional<AppendResult>& result) {
        if (!result) {
            answerError(QStringLiteral("cannot store the notice"));
            return;
        }
        qCInfo(lcServer) << "admin: broadcast posted, seq" << result->seq;
        QCborMap ok = answer("ok");
        ok.insert(QLatin1String("seq"), result->seq);
        ok.insert(QLatin1String("online"), m_sessions.onlineUserCount());
        if (guard)
            guard->write(FrameCodec::encode(ok));
    });
}

void AdminChannel::recall(QLocalSocket* socket, const QCborMap& request)
{
    const ConversationId conversation(request.value(QLatin1String("conversation")).toInteger());
    const std::optional<MessageRecord> message = m_storage.message(request.value(QLatin1String("seq")).toInteger());
    QPointer<QLocalSocket> guard(socket);
    const auto reply = [guard](const QCborMap& map) {
        if (guard)
            guard->write(FrameCodec::encode(map));
    };
    QCborMap error = answer("error");
    if (!message || message->conversation != conversation || message->isAction() ||
        message->kind == MessageKind::System) {
        error.insert(QLatin1String("message"), QStringLiteral("no such message in this conversation"));
        reply(error);
        return;
    }
    if (message->recalledBy) {
        error.insert(QLatin1String("message"), QStringLiteral("the message is already recalled"));
        reply(error);
        return;
    }
    m_editor.recall(*message, UserId(), nullptr, [reply, error](const std::optional<AppendResult>& result) mutable {
        if (!result) {
            error.insert(QLatin1String("message"), QStringLiteral("cannot store the recall"));
            reply(error);
            return;
        }
        qCInfo(lcServer) << "admin: message recalled, record seq" << result->seq;
        QCborMap ok = answer("ok");
        ok.insert(QLatin1String("seq"), result->seq);
        reply(ok);
    });
}

void AdminChannel::onRetentionTimer()
{
    m_retentionTimer->start(kRetentionPeriodMs);
    applyRetention();
}

Retention::Result AdminChannel::applyRetention()
{
    const ServerConfig& config = m_config;
    const bool retention = config.retentionDays > 0 || config.fileRetentionDays > 0 || config.storeQuotaBytes > 0;
    if (!retention && config.uploadExpiryHours <= 0)
        return {};
    // Retention writes outside the group commit: commit what is pending (and wait for a running commit) first.
    m_commits.drain();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Retention::Result result = Retention::expireUploads(m_storage, config, now);
    if (retention) {
        const Retention::Result removed = Retention::apply(m_storage, config, now);
        result.messages = removed.messages;
        result.files = removed.files;
        result.fileBytes = removed.fileBytes;
    }
    return result;
}

} // namespace lanchat
