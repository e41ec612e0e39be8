#include "ldaplinktable.h"

#include "sqlstatements.h"

#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

LdapLinkTable::LdapLinkTable(SqlStatements& statements)
    : m_statements(statements)
{}

std::optional<QString> LdapLinkTable::dnOf(UserId user)
{
    QSqlQuery* query =
        m_statements.run("SELECT ldap_dn FROM users WHERE id = ? AND ldap_dn IS NOT NULL", {user.value()});
    if (!query)
        return std::nullopt;
    std::optional<QString> dn;
    if (query->next())
        dn = query->value(0).toString();
    query->finish();
    return dn;
}

UserId LdapLinkTable::userOf(const QString& dn)
{
    QSqlQuery* query = m_statements.run("SELECT id FROM users WHERE ldap_dn = ?", {dn});
    if (!query)
        return {};
    UserId user;
    if (query->next())
        user = UserId(query->value(0).toLongLong());
    query->finish();
    return user;
}

bool LdapLinkTable::link(UserId user, const QString& dn)
{
    const UserId holder = userOf(dn);
    if (holder.isValid() && holder != user)
        return false;
    return m_statements.change("UPDATE users SET ldap_dn = ? WHERE id = ?", {dn, user.value()}) == 1;
}

QList<LdapLink> LdapLinkTable::all()
{
    QList<LdapLink> links;
    QSqlQuery* query = m_statements.run("SELECT id, ldap_dn FROM users WHERE ldap_dn IS NOT NULL ORDER BY id", {});
    if (!query)
        return links;
    while (query->next())
        links.append(LdapLink{UserId(query->value(0).toLongLong()), query->value(1).toString()});
    query->finish();
    return links;
}

} // namespace lanchat
