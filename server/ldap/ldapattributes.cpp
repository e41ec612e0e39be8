#include "ldapattributes.h"

#include "ldapclient.h"
#include "profilefields.h"
#include "protocol.h"
#include "sha256.h"
#include "storage/storage.h"

namespace lanchat {

namespace {

/** Department names are 1..64 characters without '/' (DirectoryStore, docs/protocol.md 18). */
constexpr int kMaxDepartmentNameChars = 64;

} // namespace

LdapAttributes::LdapAttributes(Storage& storage, const LdapConfig& config, PhotoStore photos, qint64 nowMs)
    : m_storage(storage)
    , m_config(config)
    , m_photos(std::move(photos))
    , m_nowMs(nowMs)
{}

LdapAttributes::Result LdapAttributes::apply(UserId user, const LdapEntry& entry, bool dryRun)
{
    Result result;
    applyProfile(user, entry, dryRun, &result);
    if (!result.failed)
        applyPlacement(user, entry, dryRun, &result);
    return result;
}

std::optional<QString> LdapAttributes::usable(const QString& field, const QString& value, int maxChars, Result* result)
{
    const QString trimmed = value.trimmed();
    if (ProfileFields::codePoints(trimmed) > maxChars || !ProfileFields::isOneLine(trimmed)) {
        result->notes.append(QStringLiteral("%1 left as it was: the directory's value is longer than %2 characters "
                                            "or has a line break")
                                 .arg(field)
                                 .arg(maxChars));
        return std::nullopt;
    }
    return trimmed;
}

void LdapAttributes::applyProfile(UserId user, const LdapEntry& entry, bool dryRun, Result* result)
{
    const std::optional<UserProfile> before = m_storage.userProfile(user);
    if (!before) {
        result->failed = !dryRun; // a dry run plans an account that does not exist yet
        return;
    }
    UserProfile profile = *before;
    const auto take = [&](const QString& attribute, const char* field, const QString& value, int maxChars,
                          QString* target) {
        if (attribute.isEmpty())
            return;
        const std::optional<QString> text = usable(QLatin1String(field), value, maxChars, result);
        if (text && *text != *target) {
            *target = *text;
            result->fields.append(QLatin1String(field));
        }
    };
    take(m_config.emailAttribute, "email", entry.email, protocol::kMaxEmailChars, &profile.email);
    take(m_config.phoneAttribute, "phone", entry.phone, protocol::kMaxPhoneChars, &profile.phone);
    if (!m_config.photoAttribute.isEmpty() && m_photos) {
        const QByteArray sha256 = entry.photo.isEmpty() ? QByteArray() : Sha256::hash(entry.photo);
        QString why;
        if (sha256 == profile.avatar) {
            // unchanged
        } else if (entry.photo.size() > protocol::kMaxAvatarBytes) {
            result->notes.append(QStringLiteral("photo skipped: %1 bytes, an avatar is at most %2")
                                     .arg(entry.photo.size())
                                     .arg(protocol::kMaxAvatarBytes));
        } else if (!sha256.isEmpty() && !dryRun && !m_photos(entry.photo, sha256, &why)) {
            result->notes.append(QStringLiteral("photo skipped: %1").arg(why));
        } else {
            profile.avatar = sha256;
            result->fields.append(QStringLiteral("photo"));
        }
    }
    if (!dryRun && profile != *before && !m_storage.setUserProfile(user, profile))
        result->failed = true;
}

void LdapAttributes::applyPlacement(UserId user, const LdapEntry& entry, bool dryRun, Result* result)
{
    const bool mapsTitle = !m_config.titleAttribute.isEmpty();
    const bool mapsDepartment = m_config.departmentSource != LdapConfig::DepartmentSource::None;
    if (!mapsTitle && !mapsDepartment)
        return;
    const std::optional<Placement> before = m_storage.directory().placement(user);
    if (!before) {
        result->failed = !dryRun;
        return;
    }
    Placement after = *before;
    if (mapsTitle) {
        if (const std::optional<QString> title =
                usable(QStringLiteral("title"), entry.title, protocol::kMaxTitleChars, result);
            title && *title != after.title) {
            after.title = *title;
            result->fields.append(QStringLiteral("title"));
        }
    }
    bool missing = false;
    if (mapsDepartment) {
        const DepartmentId found = department(entry.department, false, &missing, result);
        const bool unusable = !found.isValid() && !missing && !entry.department.isEmpty();
        if (!unusable && (missing || found != after.department)) {
            result->fields.append(QStringLiteral("department"));
            after.department = found;
        }
    }
    if (after == *before && !missing)
        return;
    result->placementChanged = true;
    if (dryRun)
        return;
    if (missing) {
        after.department = department(entry.department, true, &missing, result);
        if (!after.department.isValid()) {
            result->failed = true;
            return;
        }
    }
    if (!m_storage.directory().setPlacement(user, after.department, after.title))
        result->failed = true;
}

DepartmentId LdapAttributes::department(const QStringList& path, bool create, bool* missing, Result* result)
{
    *missing = false;
    if (path.isEmpty())
        return {};
    if (path.size() > DirectoryStore::kMaxDepth) {
        result->notes.append(QStringLiteral("department left as it was: %1 levels, at most %2")
                                 .arg(path.size())
                                 .arg(DirectoryStore::kMaxDepth));
        return {};
    }
    DirectoryStore& store = m_storage.directory();
    DepartmentId parent;
    for (const QString& raw : path) {
        const QString name = raw.trimmed();
        if (name.isEmpty() || name.size() > kMaxDepartmentNameChars || name.contains(QLatin1Char('/'))) {
            result->notes.append(
                QStringLiteral("department left as it was: '%1' is not a usable department name").arg(name));
            return {};
        }
        if (const std::optional<DepartmentRecord> child = store.childNamed(parent, name)) {
            parent = child->id;
            continue;
        }
        *missing = true;
        if (!create)
            return {};
        parent = store.addDepartment(name, parent, m_nowMs);
        if (!parent.isValid())
            return {};
    }
    *missing = false;
    return parent;
}

} // namespace lanchat
