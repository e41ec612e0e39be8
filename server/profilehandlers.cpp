#include "profilehandlers.h"

#include "commitqueue.h"
#include "ldap/ldapconfig.h"
#include "logging.h"
#include "messages/profilemessages.h"
#include "profilefields.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"
#include "userinfofactory.h"

#include <QPointer>

namespace lanchat {

ProfileHandlers::ProfileHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions,
                                 const LdapConfig& ldap)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_ldap(ldap)
{}

QStringList ProfileHandlers::directoryFields(UserId user)
{
    const QStringList fields = m_ldap.managedProfileFields();
    return fields.isEmpty() || !m_storage.ldapLinks().dnOf(user) ? QStringList() : fields;
}

void ProfileHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(ProfileUpdate::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { update(s, r, id); });
}

void ProfileHandlers::update(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<ProfileUpdate>(session, request, id);
    if (!req)
        return;
    if (const std::optional<QString> error = ProfileFields::check(*req)) {
        session.replyError(id, ErrorCode::InvalidArgument, *error);
        return;
    }
    const std::optional<UserRecord> record = m_storage.userById(session.user());
    std::optional<UserProfile> profile = m_storage.userProfile(session.user());
    if (!record || !profile) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot read the profile"));
        return;
    }
    const QString displayName = req->displayName ? req->displayName->trimmed() : record->displayName;
    if (displayName != record->displayName && profile->nameLocked) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("the display name is locked by an administrator"));
        return;
    }
    const QStringList managed = directoryFields(session.user());
    const auto changes = [&managed](const char* field, bool differs) {
        return differs && managed.contains(QLatin1String(field));
    };
    if (changes("display_name", displayName != record->displayName) ||
        changes("phone", req->phone && *req->phone != profile->phone) ||
        changes("email", req->email && *req->email != profile->email) ||
        changes("avatar", req->avatar && *req->avatar != profile->avatar)) {
        session.replyError(id, ErrorCode::Forbidden,
                           QStringLiteral("%1 come from the company directory").arg(managed.join(QLatin1String(", "))));
        return;
    }
    // Only a picture the server already checked as an avatar may be reused by its hash: a shared file's hash
    // would skip the image checks, and an unknown one tells nothing about what the store holds.
    if (req->avatar && !req->avatar->isEmpty() && *req->avatar != profile->avatar &&
        !m_storage.isAvatar(*req->avatar)) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("not an avatar: upload it with avatar_upload"));
        return;
    }
    profile->phone = req->phone.value_or(profile->phone);
    profile->email = req->email.value_or(profile->email);
    profile->signature = req->signature.value_or(profile->signature);
    profile->avatar = req->avatar.value_or(profile->avatar);
    if (!m_commits.begin() || !m_storage.setUserProfile(session.user(), *profile) ||
        (displayName != record->displayName && !m_storage.setDisplayName(session.user(), displayName))) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot change the profile"));
        return;
    }
    qCInfo(lcServer) << "profile_update by" << session.user().value();
    announce(session, id, [](const UserInfo& info) { return ProfileUpdated{info}.encode(); });
}

void ProfileHandlers::setAvatar(Session& session, quint64 id, const QByteArray& sha256,
                                std::function<QCborMap(const UserInfo&)> reply)
{
    std::optional<UserProfile> profile = m_storage.userProfile(session.user());
    if (!profile) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot read the profile"));
        return;
    }
    if (directoryFields(session.user()).contains(QLatin1String("avatar"))) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("avatar comes from the company directory"));
        return;
    }
    profile->avatar = sha256;
    if (!m_commits.begin() || !m_storage.setUserProfile(session.user(), *profile)) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot set the avatar"));
        return;
    }
    qCInfo(lcServer) << "avatar set by" << session.user().value();
    announce(session, id, std::move(reply));
}

void ProfileHandlers::announce(Session& session, quint64 id, std::function<QCborMap(const UserInfo&)> reply)
{
    QPointer<Session> guard(&session);
    const UserId user = session.user();
    m_commits.afterCommit([this, guard, user, id, reply = std::move(reply)](bool ok) {
        const std::optional<UserInfo> info = ok ? UserInfoFactory::load(m_storage, m_sessions, user) : std::nullopt;
        if (!info) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot change the profile"));
            return;
        }
        if (guard) {
            UserInfo own = *info; // only the owner learns which of their fields the directory keeps
            own.directoryFields = directoryFields(user);
            guard->reply(id, reply(own));
        }
        m_sessions.pushToAuthenticated(UserInfoFactory::pushFrame(*info), guard.data());
    });
}

} // namespace lanchat
