#pragma once

#include "ldaplinkstore.h"

namespace lanchat {

class SqlStatements;

/** `users.ldap_dn` (schema 16) behind SqliteStorage::ldapLinks(); see LdapLinkStore. */
class LdapLinkTable : public LdapLinkStore
{
public:
    explicit LdapLinkTable(SqlStatements& statements);

    std::optional<QString> dnOf(UserId user) override;
    UserId userOf(const QString& dn) override;
    bool link(UserId user, const QString& dn) override;
    QList<LdapLink> all() override;

private:
    SqlStatements& m_statements;
};

} // namespace lanchat
