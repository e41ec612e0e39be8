#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace lanchat {

/**
 * The `[ldap]` group of the server's INI file (docs/admin.md, "LDAP and Active Directory"): where the directory is,
 * how LanChat finds a user in it and which attributes it reads. A plain value type inside ServerConfig.
 */
struct LdapConfig
{
    /** Which side is asked first for a name that exists both as a local account and in the directory. */
    enum class Order
    {
        LocalFirst, ///< `order = local,ldap`: local accounts only ever check their local password
        LdapFirst,  ///< `order = ldap,local`: the directory is asked first; a local account it knows becomes its
    };

    /** Key `enabled`: sign-in against the directory at all. */
    bool enabled = false;
    /** Key `url`: one or more `ldaps://host[:port]` or `ldap://host[:port]` URLs, space separated (tried in order). */
    QString url;
    /** Key `start_tls`: upgrade `ldap://` connections with StartTLS (RFC 4511 4.14); ignored for `ldaps://`. */
    bool startTls = true;
    /** Key `allow_plaintext`: accept `ldap://` without StartTLS (passwords cross the network readable). */
    bool allowPlaintext = false;
    /** Key `ca_file`: PEM CA certificate(s) the directory's certificate must chain to; empty = the system's. */
    QString caFile;
    /** Key `bind_dn`: the service account that searches for users; empty = an anonymous search. */
    QString bindDn;
    /** Key `bind_password_file`: file holding the service account's password (first line). */
    QString bindPasswordFile;
    /** The password read from bindPasswordFile by read() (tests set it directly). Never printed or logged. */
    QByteArray bindPassword;
    /** Key `base_dn`: users are searched in this subtree only. */
    QString baseDn;
    /**
     * Key `user_filter`: LDAP filter (RFC 4515) selecting one user; `%u` is replaced by the login name, escaped.
     * Default from `preset`.
     */
    QString userFilter = QStringLiteral("(&(objectClass=inetOrgPerson)(uid=%u))");
    /** Key `preset`: `openldap` (uid, inetOrgPerson) or `ad` (sAMAccountName, Active Directory); sets the defaults. */
    QString preset = QStringLiteral("openldap");
    /**
     * Where a user's department comes from (key `department_from`): `dn` = the organisational units of the entry's
     * DN below base_dn, top first (ou=平台组,ou=研发部,base → 研发部/平台组); `attribute` = the value of
     * attr_department (a "/" in it separates levels); `none` = never touched.
     */
    enum class DepartmentSource
    {
        None,
        Dn,
        Attribute,
    };

    /**
     * Keys `attr_*`: the directory attributes LanChat reads. An empty one (other than the username) is unmapped:
     * LanChat never touches that field, and the user may edit it. A mapped field follows the directory at every
     * login and sync, and the user may not edit it (`forbidden`, docs/protocol.md 15.1).
     */
    QString usernameAttribute = QStringLiteral("uid");
    QString displayNameAttribute = QStringLiteral("displayName");
    QString emailAttribute = QStringLiteral("mail");
    QString phoneAttribute = QStringLiteral("telephoneNumber");
    QString titleAttribute = QStringLiteral("title");
    /** Key `attr_department`: read only with department_from = attribute. */
    QString departmentAttribute = QStringLiteral("departmentNumber");
    /** Key `attr_photo`: a JPEG or PNG picture (binary), stored as the avatar when it passes the avatar checks. */
    QString photoAttribute = QStringLiteral("jpegPhoto");
    /** Key `department_from`: `dn`, `attribute` or `none`. */
    DepartmentSource departmentSource = DepartmentSource::Dn;
    /** Key `sync_interval_min`: minutes between the server's own directory syncs; 0 (default) = never. */
    int syncIntervalMin = 0;
    /** Key `timeout_ms`: a directory that has not answered a login within this time gives directory_unavailable. */
    int timeoutMs = 5000;
    /** Key `max_pending`: directory logins queued or running at once; beyond, rate_limited. */
    int maxPending = 64;
    /** Key `order`: `local,ldap` (default) or `ldap,local`. */
    Order order = Order::LocalFirst;

    /** The filter and attribute defaults of @p preset ("openldap" or "ad"); false if the preset is unknown. */
    bool applyPreset(const QString& preset);
    /**
     * Reads the `[ldap]` group of @p settings (positioned at the top level). Returns false with @p error set when a
     * value is invalid, a required key is missing while enabled, the password file cannot be read, or the URL is
     * plaintext without allow_plaintext.
     */
    static bool read(QSettings& settings, LdapConfig* config, QString* error);
    /** The effective `[ldap]` group as INI lines (never the password itself). */
    QStringList toIniLines() const;
    /** URLs from `url`, split at spaces. */
    QStringList urls() const;
    /** True when some URL would carry passwords without TLS (ldap:// and no StartTLS). */
    bool isPlaintext() const;
    /**
     * The User map fields (docs/protocol.md 15.1) the directory keeps for its accounts while enabled: some of
     * display_name, email, phone, avatar. `profile_update` may not change them for a directory account (`forbidden`).
     */
    QStringList managedProfileFields() const;
    /** The attributes a search asks for: username, then every mapped one. */
    QStringList attributes() const;
};

} // namespace lanchat
