#include "namelockcommand.h"

#include "admincontext.h"
#include "logging.h"

namespace lanchat {

bool NameLockCommand::handles(const QString& action)
{
    return action == QLatin1String("lock-name") || action == QLatin1String("unlock-name");
}

int NameLockCommand::run(AdminContext& context, Storage& storage, const QString& action, const UserRecord& user)
{
    const bool lock = action == QLatin1String("lock-name");
    std::optional<UserProfile> profile = storage.userProfile(user.id);
    if (!profile)
        return AdminContext::fail(tr("cannot change the account '%1'").arg(user.username));
    profile->nameLocked = lock;
    if (!storage.setUserProfile(user.id, *profile))
        return AdminContext::fail(tr("cannot change the account '%1'").arg(user.username));
    qCInfo(lcServer) << "admin: user" << action << user.username << user.id.value();
    //: %1 a username, %2 the display name
    AdminContext::print((lock ? tr("display name of '%1' locked (%2)") : tr("display name of '%1' unlocked (%2)"))
                            .arg(user.username, user.displayName));
    context.notifyUserChanged(user.id);
    return AdminContext::kOk;
}

} // namespace lanchat
