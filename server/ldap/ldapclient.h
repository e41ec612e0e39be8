#pragma once

#include "ldapconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <mutex>

typedef struct ldap LDAP;

namespace lanchat {

/**
 * One user as the directory describes them, through LdapConfig's attribute mapping. A field whose attribute is
 * unmapped stays empty (LdapConfig says which are mapped); a mapped one is empty when the entry has no value.
 */
struct LdapEntry
{
    QString dn;
    QString username;       ///< the username attribute (uid, sAMAccountName)
    QString displayName;    ///< the display name attribute; empty when the entry has none
    QString email;          ///< attr_email
    QString phone;          ///< attr_phone
    QString title;          ///< attr_title
    QStringList department; ///< department path, top first (department_from: the DN's OUs or attr_department)
    QByteArray photo;       ///< attr_photo: the picture's bytes as stored (JPEG or PNG expected, not checked here)
};

/**
 * A blocking conversation with the directory through OpenLDAP's libldap: the service account's bind, the user
 * search, and the bind as the user that checks a password (which is never stored). One connection per call, over
 * ldaps:// or StartTLS with the certificate checked against LdapConfig::caFile (plaintext only with
 * allow_plaintext); every network step is bounded by LdapConfig::timeoutMs, and abort() ends a call at once.
 *
 * An unknown name costs the same conversation as a wrong password: after the search finds nobody, the password is
 * bound against a DN that cannot exist under the base (kNoSuchUserRdn), which the directory refuses like a wrong
 * password, so the answer's timing does not tell which names exist.
 *
 * Blocks its thread: the server calls it from worker threads, the admin CLI directly. An object belongs to one
 * thread at a time, except abort(), which any thread may call; separate objects may run in parallel.
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

    /** The RDN of the DN an unknown name's password is bound against (below base_dn). */
    static constexpr const char* kNoSuchUserRdn = "cn=lanchat-no-such-user";

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
    /**
     * Ends the call in progress (its socket is shut down, so libldap returns at once) and every later one, which
     * answer Unavailable. Thread-safe; may be called repeatedly (a connection made after the last call is not cut).
     */
    void abort();

private:
    /** Connects and finds @p username; the connection stays open for a bind unless the result is Unavailable. */
    Result find(const QString& username);
    /** Binds as @p dn with @p password on the open connection; the libldap result code. */
    int bindAs(const QString& dn, const QString& password);
    /** Connects (TLS as configured) and binds as the service account; false with m_detail set. */
    bool open();
    void close();
    /** Searches @p filter under the base; -1 on a directory failure, else the number of entries put in @p out. */
    int search(const QString& filter, int sizeLimit, QList<LdapEntry>* out);
    Result failure(Status status, const QString& detail);

    bool aborted();

    LdapConfig m_config;
    std::mutex m_mutex; ///< guards m_ld against abort() from another thread, and m_aborted
    LDAP* m_ld = nullptr;
    bool m_aborted = false;
    QString m_detail;
};

} // namespace lanchat
