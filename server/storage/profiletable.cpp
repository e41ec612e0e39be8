#include "profiletable.h"

#include "sqlstatements.h"

#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

namespace {

UserProfile readProfile(const QSqlQuery& query, int first)
{
    UserProfile profile;
    profile.phone = query.value(first).toString();
    profile.email = query.value(first + 1).toString();
    profile.signature = query.value(first + 2).toString();
    profile.avatar = query.value(first + 3).toByteArray();
    profile.nameLocked = query.value(first + 4).toBool();
    return profile;
}

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' meaning "not set".
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

ProfileTable::ProfileTable(SqlStatements& statements)
    : m_statements(statements)
{}

std::optional<UserProfile> ProfileTable::byId(UserId id)
{
    QSqlQuery* query =
        m_statements.run("SELECT phone, email, signature, avatar, name_locked FROM users WHERE id = ?", {id.value()});
    if (!query)
        return std::nullopt;
    std::optional<UserProfile> profile;
    if (query->next())
        profile = readProfile(*query, 0);
    query->finish();
    return profile;
}

QHash<UserId, UserProfile> ProfileTable::all()
{
    QHash<UserId, UserProfile> profiles;
    QSqlQuery* query = m_statements.run("SELECT id, phone, email, signature, avatar, name_locked FROM users", {});
    if (!query)
        return profiles;
    while (query->next())
        profiles.insert(UserId(query->value(0).toLongLong()), readProfile(*query, 1));
    query->finish();
    return profiles;
}

bool ProfileTable::set(UserId id, const UserProfile& profile)
{
    // An empty avatar is stored as NULL so the partial index holds only real pictures.
    const QVariant avatar = profile.avatar.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : profile.avatar;
    return m_statements.change("UPDATE users SET phone = ?, email = ?, signature = ?, avatar = ?, name_locked = ? "
                               "WHERE id = ?",
                               {notNull(profile.phone), notNull(profile.email), notNull(profile.signature), avatar,
                                profile.nameLocked ? 1 : 0, id.value()}) == 1;
}

bool ProfileTable::isAvatar(const QByteArray& sha256)
{
    QSqlQuery* query = m_statements.run("SELECT 1 FROM users WHERE avatar = ? LIMIT 1", {sha256});
    if (!query)
        return false;
    const bool found = query->next();
    query->finish();
    return found;
}

} // namespace lanchat
