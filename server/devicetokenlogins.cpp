#include "devicetokenlogins.h"

#include "commitqueue.h"
#include "logging.h"
#include "messages/authmessages.h"
#include "session.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QPointer>
#include <QScopeGuard>

namespace lanchat {

DeviceTokenLogins::DeviceTokenLogins(Storage& storage, CommitQueue& commits, Complete complete, Outcome outcome)
    : m_storage(storage)
    , m_commits(commits)
    , m_tokens(storage.deviceTokens())
    , m_complete(std::move(complete))
    , m_outcome(std::move(outcome))
{}

void DeviceTokenLogins::login(Session& session, const Login& request, quint64 id, const QString& address)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const std::optional<UserRecord> user = m_storage.userByName(request.username);
    const std::optional<qint64> device = user ? m_tokens.find(request.deviceToken, user->id, nowMs) : std::nullopt;
    if (!device) {
        // Guessing tokens is guessing passwords: the same throttle.
        qCInfo(lcServer) << "token login refused" << session.peer();
        m_outcome(false, address, request.username);
        session.replyError(id, ErrorCode::BadToken, QStringLiteral("unknown, used, expired or revoked device token"));
        return;
    }
    if (!m_commits.begin()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot log in"));
        return;
    }
    if (user->disabled) {
        m_storage.deviceTokens().remove(*device); // disabling forgets devices; this one slipped through
        session.replyError(id, ErrorCode::AccountDisabled, QStringLiteral("the account is disabled"));
        return;
    }
    const std::optional<DeviceTokens::Issued> next = m_tokens.rotate(*device, nowMs);
    if (!next) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot log in"));
        return;
    }
    m_outcome(true, address, request.username);
    session.holdRequests();
    completeAfterCommit(session, user->id, id, *next);
}

std::optional<DeviceTokens::Issued> DeviceTokenLogins::remember(Session& session, UserId user, quint64 id,
                                                                const QString& deviceName, bool completeAfterCommit)
{
    const auto issued =
        m_commits.begin() ? m_tokens.issue(user, deviceName, QDateTime::currentMSecsSinceEpoch()) : std::nullopt;
    if (!issued) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot remember this device"));
        return std::nullopt;
    }
    if (completeAfterCommit)
        this->completeAfterCommit(session, user, id, *issued);
    return issued;
}

void DeviceTokenLogins::logout(Session& session, quint64 id)
{
    // Logging out of a remembered device forgets it: its token must not log in again.
    const qint64 device = session.deviceToken();
    session.setDeviceToken(0);
    if (device == 0 || !m_commits.begin() || !m_storage.deviceTokens().remove(device)) {
        session.reply(id, {});
        return;
    }
    session.holdRequests();
    m_commits.afterCommit([guard = QPointer<Session>(&session), id](bool ok) {
        if (!guard)
            return;
        if (ok)
            guard->reply(id, {});
        else
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot forget this device"));
        guard->resumeRequests();
    });
}

void DeviceTokenLogins::completeAfterCommit(Session& session, UserId user, quint64 id,
                                            const DeviceTokens::Issued& issued)
{
    m_commits.afterCommit([this, guard = QPointer<Session>(&session), user, id, issued](bool ok) {
        if (!guard)
            return;
        const auto resume = qScopeGuard([guard] {
            if (guard)
                guard->resumeRequests();
        });
        if (ok)
            m_complete(*guard, user, id, issued);
        else
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot remember this device"));
    });
}

} // namespace lanchat
