#pragma once

#include "ids.h"
#include "ldapconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace lanchat {

class Storage;
struct LdapEntry;

/**
 * Copies the mapped directory attributes of an entry into its LanChat account (docs/admin.md, "Attribute
 * mapping"): e-mail, phone and the photo (avatar) into the profile, title and department into the directory
 * placement (departments are created as needed). An unmapped attribute is never touched. A value LanChat cannot
 * take (too long, a control character, a department name over 64 characters, a picture the avatar checks refuse)
 * leaves that field as it was, with a note for the log; it never fails the login or the sync. Writes go to the
 * storage as they are (the caller's transaction). Storage's thread.
 */
class LdapAttributes
{
public:
    /**
     * Stores @p picture (whose SHA-256 is @p sha256) in the file store as an avatar; false with @p why when the
     * avatar checks refuse it or it cannot be written. Provided by the file layer (AvatarBlobs).
     */
    using PhotoStore = std::function<bool(const QByteArray& picture, const QByteArray& sha256, QString* why)>;

    struct Result
    {
        QStringList fields; ///< changed (or, in a dry run, to change): email, phone, photo, title, department
        QStringList notes;  ///< values left alone, and why (English, for the log and `ldap sync`)
        bool placementChanged = false; ///< title or department: the `directory` push is due
        bool failed = false;           ///< a storage error
    };

    /** @p photos may be empty: photos are then left alone. @p nowMs: creation time of new departments. */
    LdapAttributes(Storage& storage, const LdapConfig& config, PhotoStore photos, qint64 nowMs);
    /** Brings the mapped fields of @p user up to @p entry; with @p dryRun only says what it would change. */
    Result apply(UserId user, const LdapEntry& entry, bool dryRun);

private:
    void applyProfile(UserId user, const LdapEntry& entry, bool dryRun, Result* result);
    void applyPlacement(UserId user, const LdapEntry& entry, bool dryRun, Result* result);
    /** The department at @p path, created when @p create; invalid with a note when a name is unusable. */
    DepartmentId department(const QStringList& path, bool create, bool* missing, Result* result);
    /** @p value when it fits in @p maxChars one-line characters; else nullopt with a note. */
    std::optional<QString> usable(const QString& field, const QString& value, int maxChars, Result* result);

    Storage& m_storage;
    const LdapConfig& m_config;
    PhotoStore m_photos;
    qint64 m_nowMs;
};

} // namespace lanchat
