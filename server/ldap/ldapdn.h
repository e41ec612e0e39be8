#pragma once

#include <QString>
#include <QStringList>

namespace lanchat {

/**
 * Distinguished names (RFC 4514) as LDAP placement: which organisational units an entry sits in below the search
 * base. Parsed with libldap's ldap_str2dn, so escapes (`\2C`, `\,`) and UTF-8 values come out as plain text.
 * Pure functions, any thread.
 */
class LdapDn
{
public:
    /**
     * The `ou` values of @p dn between the entry itself and @p base, top first: for base ou=people,dc=example,dc=com
     * and uid=a,ou=平台组,ou=研发部,ou=people,dc=example,dc=com it is {研发部, 平台组}. Other kinds of RDN in between
     * (cn=Users in Active Directory) are skipped. Empty when the entry is directly under the base, is not under it,
     * or either name does not parse.
     */
    static QStringList departmentPath(const QString& dn, const QString& base);
};

} // namespace lanchat
