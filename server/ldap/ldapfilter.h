#pragma once

#include <QString>

namespace lanchat {

/** Building LDAP search filters from untrusted text (RFC 4515, "String Representation of Search Filters"). */
class LdapFilter
{
public:
    /**
     * @p value as an RFC 4515 section 3 assertion value: its UTF-8 bytes with `*`, `(`, `)`, `\` and NUL written as
     * `\2a`, `\28`, `\29`, `\5c`, `\00`, so a login name like `*)(uid=*` matches only itself.
     */
    static QString escapeValue(const QString& value);
    /** @p filterTemplate with every `%u` replaced by escapeValue(@p username). */
    static QString forUser(const QString& filterTemplate, const QString& username);
    /** @p filterTemplate with `%u` replaced by `*`: every user the template can find (directory sync). */
    static QString forEveryone(const QString& filterTemplate);
};

} // namespace lanchat
