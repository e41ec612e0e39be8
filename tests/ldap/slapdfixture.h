#pragma once

#include "ldap/ldapconfig.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace lanchat::test {

/**
 * A real OpenLDAP server (Debian's slapd) for the tests, started by the test itself: a temporary directory holding
 * a generated CA and server certificate (openssl), a slapd.conf with an mdb database loaded by slapadd, and slapd
 * listening on ldaps://127.0.0.1 at a free port. The directory (dc=example,dc=com):
 *
 * - ou=people: ou=engineering with zhangwei (张伟) and alice (Alice Smith); ou=sales with lina (李娜);
 *   ou=平台组,ou=研发部 with wangfang (王芳: mail, telephoneNumber, title 高级工程师; no photo)
 * - ou=contractors (outside the users' base): outsider
 * - ou=services: cn=lanchat, the service account LanChat searches with
 *
 * Passwords are kPassword(uid). Only the service account and the users themselves read entries; anonymous
 * connections may only bind. stop() ends slapd; pause()/resume() freeze it (SIGSTOP/SIGCONT: a directory that
 * accepts connections and never answers). Test thread only.
 */
class SlapdFixture
{
public:
    SlapdFixture();
    ~SlapdFixture();

    /**
     * Starts slapd (again after stop(), with the same data, on a new port); false with reason() set when it cannot
     * (no slapd, no openssl, no port).
     */
    bool start();
    void stop();
    void pause();
    void resume();
    /** Why start() failed, for QSKIP. */
    QString reason() const { return m_reason; }

    /** The password of user @p uid in the directory. */
    static QString password(const QString& uid) { return uid + QStringLiteral("-secret-1"); }
    /** The [ldap] configuration that signs in against this directory (timeout @p timeoutMs). */
    LdapConfig config(int timeoutMs = 5000) const;
    /** The same as `[ldap]` lines of a configuration file (the service password in a file next to slapd's). */
    QStringList iniLines() const;
    QString url() const;
    quint16 port() const { return m_port; }

    /** Everything slapd logged (its stats level: one line per connection, operation and result). */
    QString log() const;
    /** The DNs of every BIND slapd received so far (the service account's included), oldest first. */
    QStringList binds() const;

    /** Applies @p ldif with ldapmodify as the directory's root; false with a qWarning on failure. */
    bool modify(const QString& ldif);

private:
    bool run(const QString& program, const QStringList& arguments, const QByteArray& input = {});
    bool writeFile(const QString& name, const QByteArray& contents);
    bool makeCertificates();
    /** Certificates, slapd.conf and the database, once. */
    bool prepare();
    bool launch();

    QTemporaryDir m_dir;
    QProcess m_slapd;
    quint16 m_port = 0;
    bool m_prepared = false;
    QString m_reason;
};

} // namespace lanchat::test
