#pragma once

#include "ldapconfig.h"

#include <QList>
#include <QString>

typedef struct ldap LDAP;

namespace lanchat {

/** One user as the directory describes them, through LdapConfig's attribute mapping. */
struct LdapEntry
{
    QString dn;
    QString username;    ///< the username attribute (uid, sAMAccountName)
    QString displayName; ///< the display name attribute; empty when the entry has none
};

/**
 * A blocking conversation with the directory through OpenLDAP's libldap: the service account's bind, the user
 * search, and the bind as the user that checks a password (which is never stored). One connection per call, over
 * ldaps:// or StartTLS with the certificate checked against LdapConfig::caFile (plaintext only with
 * allow_plaintext); every network step is bounded by LdapConfig::timeoutMs.
 *
 * Blocks its thread: the server calls it from LdapAuthenticator's worker threads, the admin CLI directly. An object
 * belongs to one thread at a time; separate objects may run in parallel.
 */
class LdapClient
{
public:
    enum class Status
    {
        Ok,
        NotFound,    ///< no entry (or more than one) matches the user filter under the base
        BadPassword, ///< the entry exists, the password does not bind (or is empty)
        Unavailable, ///< the directory cannot be reached, refused TLS, timed out or failed the service bind
    };
    struct Result
    {
        Status status = Status::Unavailable;
        LdapEntry entry;
        QString detail; ///< for the log: what failed (never a password)
    };

    explicit LdapClient(const LdapConfig& config);
    ~LdapClient();
    LdapClient(const LdapClient&) = delete;
    LdapClient& operator=(const LdapClient&) = delete;

    /** Finds @p username with the service account, then binds as that entry with @p password. */
    Result authenticate(const QString& username, const QString& password);
    /** Finds @p username with the service account only (`ldap test USER`). */
    Result lookup(const QString& username);
    /** Every user the filter finds under the base (`ldap sync`); status Ok or Unavailable. */
    QList<LdapEntry> everyone(Status* status, QString* detail);

private:
    /** Connects (TLS as configured) and binds as the service account; false with m_detail set. */
    bool open();
    void close();
    /** Searches @p filter under the base; -1 on a directory failure, else the number of entries put in @p out. */
    int search(const QString& filter, int sizeLimit, QList<LdapEntry>* out);
    Result failure(Status status, const QString& detail);

    LdapConfig m_config;
    LDAP* m_ld = nullptr;
    QString m_detail;
};

} // namespace lanchat
