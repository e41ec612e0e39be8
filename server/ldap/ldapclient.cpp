#include "ldapclient.h"

#include "ldapdn.h"
#include "ldapfilter.h"

#include <algorithm>
#include <ldap.h>
#include <sys/socket.h>
#include <sys/time.h>

namespace lanchat {

namespace {

QString ldapError(int code)
{
    return QString::fromUtf8(ldap_err2string(code));
}

/** The first value of @p attribute in @p entry, as UTF-8 text; empty when it has none. */
QString firstValue(LDAP* ld, LDAPMessage* entry, const QString& attribute)
{
    if (attribute.isEmpty())
        return {};
    berval** values = ldap_get_values_len(ld, entry, attribute.toUtf8().constData());
    if (!values)
        return {};
    QString value;
    if (values[0])
        value = QString::fromUtf8(values[0]->bv_val, qsizetype(values[0]->bv_len));
    ldap_value_free_len(values);
    return value;
}

/** The first value of @p attribute as bytes (a photo); empty when it has none. */
QByteArray firstBytes(LDAP* ld, LDAPMessage* entry, const QString& attribute)
{
    if (attribute.isEmpty())
        return {};
    berval** values = ldap_get_values_len(ld, entry, attribute.toUtf8().constData());
    if (!values)
        return {};
    QByteArray value;
    if (values[0])
        value = QByteArray(values[0]->bv_val, qsizetype(values[0]->bv_len));
    ldap_value_free_len(values);
    return value;
}

bool isDirectoryDown(int code)
{
    return code == LDAP_SERVER_DOWN || code == LDAP_TIMEOUT || code == LDAP_CONNECT_ERROR ||
           code == LDAP_TIMELIMIT_EXCEEDED || code == LDAP_BUSY || code == LDAP_UNAVAILABLE;
}

} // namespace

LdapClient::LdapClient(const LdapConfig& config)
    : m_config(config)
{}

LdapClient::~LdapClient()
{
    close();
}

LdapClient::Result LdapClient::authenticate(const QString& username, const QString& password)
{
    // An empty password is an "unauthenticated bind" (RFC 4513 5.1.2): many directories accept it without checking
    // anything, so it must never reach the directory as a password.
    if (password.isEmpty())
        return failure(Status::BadPassword, QStringLiteral("empty password"));
    Result found = find(username);
    if (found.status == Status::Unavailable)
        return found;
    const QString dn = found.status == Status::Ok
                           ? found.entry.dn
                           : QStringLiteral("%1,%2").arg(QLatin1String(kNoSuchUserRdn), m_config.baseDn);
    const int rc = bindAs(dn, password);
    close();
    if (isDirectoryDown(rc) || aborted())
        return failure(Status::Unavailable, QStringLiteral("bind as %1: %2").arg(dn, ldapError(rc)));
    if (found.status != Status::Ok)
        return failure(found.status, found.detail);
    if (rc == LDAP_SUCCESS)
        return found;
    if (rc == LDAP_INVALID_CREDENTIALS)
        return failure(Status::BadPassword, QStringLiteral("wrong password for %1").arg(found.entry.dn));
    return failure(Status::BadPassword, QStringLiteral("bind as %1: %2").arg(found.entry.dn, ldapError(rc)));
}

LdapClient::Result LdapClient::lookup(const QString& username)
{
    Result result = find(username);
    close();
    return result;
}

LdapClient::Result LdapClient::find(const QString& username)
{
    Result result;
    if (!open())
        return failure(Status::Unavailable, m_detail);
    QList<LdapEntry> entries;
    // Two at most: a second match means the filter is ambiguous, and nobody may log in through it. An empty name
    // is searched too (it matches nobody), so that it costs what any unknown name costs.
    const int count = username.isEmpty() ? 0 : search(LdapFilter::forUser(m_config.userFilter, username), 2, &entries);
    if (count < 0)
        return failure(Status::Unavailable, m_detail);
    if (count != 1) {
        result.status = Status::NotFound;
        result.detail = count == 0 ? QStringLiteral("no such user under %1").arg(m_config.baseDn)
                                   : QStringLiteral("the user filter matches more than one entry");
        return result;
    }
    result.status = Status::Ok;
    result.entry = entries.constFirst();
    return result;
}

int LdapClient::bindAs(const QString& dn, const QString& password)
{
    const QByteArray dnBytes = dn.toUtf8();
    QByteArray secret = password.toUtf8();
    berval credentials{ber_len_t(secret.size()), secret.data()};
    const int rc =
        ldap_sasl_bind_s(m_ld, dnBytes.constData(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr, nullptr);
    secret.fill('\0');
    return rc;
}

QList<LdapEntry> LdapClient::everyone(Status* status, QString* detail)
{
    QList<LdapEntry> entries;
    *status = Status::Unavailable;
    if (!open()) {
        *detail = m_detail;
        return {};
    }
    if (search(LdapFilter::forEveryone(m_config.userFilter), 0, &entries) < 0) {
        *detail = m_detail;
        close();
        return {};
    }
    close();
    *status = Status::Ok;
    return entries;
}

bool LdapClient::open()
{
    close();
    const QByteArray urls = m_config.urls().join(QLatin1Char(' ')).toUtf8();
    LDAP* ld = nullptr;
    int rc = ldap_initialize(&ld, urls.constData());
    if (rc != LDAP_SUCCESS) {
        m_detail = QStringLiteral("url %1: %2").arg(m_config.url, ldapError(rc));
        return false;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_ld = ld;
        if (m_aborted) {
            m_detail = QStringLiteral("stopped");
            ldap_unbind_ext_s(m_ld, nullptr, nullptr);
            m_ld = nullptr;
            return false;
        }
    }
    const int version = LDAP_VERSION3;
    timeval timeout{m_config.timeoutMs / 1000, (m_config.timeoutMs % 1000) * 1000};
    const int demand = LDAP_OPT_X_TLS_DEMAND;
    const int newContext = 0;
    ldap_set_option(m_ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    // Active Directory answers searches of a domain root with referrals that libldap would chase anonymously.
    ldap_set_option(m_ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    ldap_set_option(m_ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
    ldap_set_option(m_ld, LDAP_OPT_TIMEOUT, &timeout);
    ldap_set_option(m_ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
    if (!m_config.caFile.isEmpty())
        ldap_set_option(m_ld, LDAP_OPT_X_TLS_CACERTFILE, m_config.caFile.toUtf8().constData());
    // The TLS options above apply only to a context created after them, for this handle alone.
    rc = ldap_set_option(m_ld, LDAP_OPT_X_TLS_NEWCTX, &newContext);
    if (rc != LDAP_OPT_SUCCESS) {
        m_detail = QStringLiteral("TLS setup failed (ca_file %1)").arg(m_config.caFile);
        close();
        return false;
    }
    const bool ldaps = m_config.urls().value(0).startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive);
    if (!ldaps && m_config.startTls) {
        rc = ldap_start_tls_s(m_ld, nullptr, nullptr);
        if (rc != LDAP_SUCCESS) {
            m_detail = QStringLiteral("StartTLS: %1").arg(ldapError(rc));
            close();
            return false;
        }
    }
    const QByteArray dn = m_config.bindDn.toUtf8();
    QByteArray secret = m_config.bindPassword;
    berval credentials{ber_len_t(secret.size()), secret.data()};
    rc = ldap_sasl_bind_s(m_ld, dn.isEmpty() ? nullptr : dn.constData(), LDAP_SASL_SIMPLE, &credentials, nullptr,
                          nullptr, nullptr);
    secret.fill('\0');
    if (rc != LDAP_SUCCESS) {
        m_detail = QStringLiteral("service bind as '%1': %2").arg(m_config.bindDn, ldapError(rc));
        close();
        return false;
    }
    return true;
}

void LdapClient::close()
{
    const std::lock_guard lock(m_mutex);
    if (m_ld)
        ldap_unbind_ext_s(m_ld, nullptr, nullptr);
    m_ld = nullptr;
}

void LdapClient::abort()
{
    const std::lock_guard lock(m_mutex);
    m_aborted = true;
    int fd = -1;
    // shutdown(2), not close(2): the descriptor stays libldap's, but every read or write on it ends at once.
    if (m_ld && ldap_get_option(m_ld, LDAP_OPT_DESC, &fd) == LDAP_OPT_SUCCESS && fd >= 0)
        ::shutdown(fd, SHUT_RDWR);
}

bool LdapClient::aborted()
{
    const std::lock_guard lock(m_mutex);
    return m_aborted;
}

int LdapClient::search(const QString& filter, int sizeLimit, QList<LdapEntry>* out)
{
    const QByteArray base = m_config.baseDn.toUtf8();
    const QByteArray filterBytes = filter.toUtf8();
    QList<QByteArray> names;
    for (const QString& a : m_config.attributes())
        names.append(a.toUtf8());
    QList<char*> attributes;
    for (QByteArray& name : names)
        attributes.append(name.data());
    attributes.append(nullptr);
    timeval timeout{m_config.timeoutMs / 1000, (m_config.timeoutMs % 1000) * 1000};
    LDAPMessage* result = nullptr;
    const int rc = ldap_search_ext_s(m_ld, base.constData(), LDAP_SCOPE_SUBTREE, filterBytes.constData(),
                                     attributes.data(), 0, nullptr, nullptr, &timeout, sizeLimit, &result);
    if (rc != LDAP_SUCCESS && rc != LDAP_SIZELIMIT_EXCEEDED) {
        if (result)
            ldap_msgfree(result);
        if (rc == LDAP_NO_SUCH_OBJECT)
            return 0; // the base itself is gone: nobody is in it
        m_detail = QStringLiteral("search %1 under %2: %3").arg(filter, m_config.baseDn, ldapError(rc));
        return -1;
    }
    int count = 0;
    for (LDAPMessage* entry = ldap_first_entry(m_ld, result); entry; entry = ldap_next_entry(m_ld, entry)) {
        char* dn = ldap_get_dn(m_ld, entry);
        LdapEntry e;
        e.dn = QString::fromUtf8(dn);
        ldap_memfree(dn);
        e.username = firstValue(m_ld, entry, m_config.usernameAttribute);
        e.displayName = firstValue(m_ld, entry, m_config.displayNameAttribute);
        e.email = firstValue(m_ld, entry, m_config.emailAttribute);
        e.phone = firstValue(m_ld, entry, m_config.phoneAttribute);
        e.title = firstValue(m_ld, entry, m_config.titleAttribute);
        e.photo = firstBytes(m_ld, entry, m_config.photoAttribute);
        if (m_config.departmentSource == LdapConfig::DepartmentSource::Dn) {
            e.department = LdapDn::departmentPath(e.dn, m_config.baseDn);
        } else if (m_config.departmentSource == LdapConfig::DepartmentSource::Attribute) {
            e.department =
                firstValue(m_ld, entry, m_config.departmentAttribute).split(QLatin1Char('/'), Qt::SkipEmptyParts);
            for (QString& name : e.department)
                name = name.trimmed();
            e.department.removeAll(QString());
        }
        out->append(e);
        ++count;
    }
    ldap_msgfree(result);
    // More than the limit: say so with a count above it, whatever the server returned before stopping.
    return rc == LDAP_SIZELIMIT_EXCEEDED ? std::max(count, sizeLimit + 1) : count;
}

LdapClient::Result LdapClient::failure(Status status, const QString& detail)
{
    close();
    Result result;
    result.status = status;
    result.detail = detail;
    return result;
}

} // namespace lanchat
