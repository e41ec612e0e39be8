#include "accounthandlers.h"

#include "commitqueue.h"
#include "logging.h"
#include "messages/accountmessages.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QPointer>

#include <algorithm>

namespace lanchat {

AccountHandlers::AccountHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
{}

void AccountHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(AccountSessionsOk::kRequestType),
               [this](Session& s, const QCborMap&, quint64 id) { listSessions(s, id); });
    router.add(QLatin1String(LogoutOthersOk::kRequestType),
               [this](Session& s, const QCborMap&, quint64 id) { logoutOthers(s, id); });
}

void AccountHandlers::listSessions(Session& session, quint64 id)
{
    AccountSessionsOk ok;
    for (const Session* other : m_sessions.sessionsOf(session.user())) {
        AccountSession entry;
        entry.current = other == &session;
        entry.client = other->clientName();
        entry.device = other->deviceName();
        entry.address = other->peerAddress().toString();
        entry.sinceMs = other->loggedInMs();
        entry.lastSeenMs = other->lastHeardMs();
        ok.sessions.append(entry);
    }
    std::stable_sort(ok.sessions.begin(), ok.sessions.end(),
                     [](const AccountSession& a, const AccountSession& b) { return a.sinceMs < b.sinceMs; });
    for (const DeviceTokenRecord& device : m_storage.deviceTokens().of(session.user())) {
        ok.devices.append(AccountDevice{device.id, device.deviceName, device.createdMs, device.lastUsedMs,
                                        device.id == session.deviceToken()});
    }
    session.reply(id, ok.encode());
}

void AccountHandlers::logoutOthers(Session& session, quint64 id)
{
    const UserId user = session.user();
    if (!m_commits.begin()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot forget the other devices"));
        return;
    }
    int devices = 0;
    for (const DeviceTokenRecord& device : m_storage.deviceTokens().of(user)) {
        if (device.id == session.deviceToken())
            continue;
        if (!m_storage.deviceTokens().remove(device.id)) {
            session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot forget the other devices"));
            return;
        }
        ++devices;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, id, user, devices](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot forget the other devices"));
            return;
        }
        // Ended only once their devices are forgotten for good: none of them can come back with its token.
        const int sessions =
            m_sessions.revokeSessions(user, guard.data(), QStringLiteral("logged out from another device of the user"));
        qCInfo(lcServer) << "logout_others" << user.value() << "-" << sessions << "sessions closed," << devices
                         << "devices forgotten";
        if (guard)
            guard->reply(id, LogoutOthersOk{sessions, devices}.encode());
    });
}

} // namespace lanchat
