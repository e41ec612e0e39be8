#pragma once

#include "ids.h"
#include "security/devicetokens.h"

#include <QString>

#include <functional>

namespace lanchat {

class CommitQueue;
class Session;
class Storage;
struct Login;

/**
 * The device-token side of AuthHandlers (docs/protocol.md, "Device tokens"): logins with a token, issuing one after
 * a password login or sign-up with `remember`, and forgetting the session's device at logout. Every token change is
 * written in the CommitQueue's batch, and the reply goes out only after that batch is on disk (the session holds its
 * later requests meanwhile), so a token a client holds is one a restarted server knows. Server thread only.
 */
class DeviceTokenLogins
{
public:
    /** Logs @p session in as @p user and answers request @p id, handing out @p issued (AuthHandlers::completeLogin). */
    using Complete = std::function<void(Session& session, UserId user, quint64 id, const DeviceTokens::Issued& issued)>;
    /** Tells the login throttle how an attempt of @p username from @p address ended. */
    using Outcome = std::function<void(bool ok, const QString& address, const QString& username)>;

    DeviceTokenLogins(Storage& storage, CommitQueue& commits, Complete complete, Outcome outcome);

    /**
     * `login {username, device_token}` (the throttle already let it through): uses the token up and logs in with its
     * successor, or answers `bad_token` (counted as a failed login), `account_disabled` or `internal`.
     */
    void login(Session& session, const Login& request, quint64 id, const QString& address);
    /**
     * After a correct password (or a sign-up) with `remember`: remembers the device named @p deviceName in the open
     * batch, or answers `internal` and returns nullopt. With @p completeAfterCommit, the login completes once the batch
     * is on disk (the session must be holding its requests; they are resumed then).
     */
    std::optional<DeviceTokens::Issued> remember(Session& session, UserId user, quint64 id, const QString& deviceName,
                                                 bool completeAfterCommit);
    /** `logout` of a logged-in session: forgets its device if it has one, then answers. */
    void logout(Session& session, quint64 id);

private:
    void completeAfterCommit(Session& session, UserId user, quint64 id, const DeviceTokens::Issued& issued);

    Storage& m_storage;
    CommitQueue& m_commits;
    DeviceTokens m_tokens;
    Complete m_complete;
    Outcome m_outcome;
};

} // namespace lanchat
