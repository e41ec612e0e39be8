// A directory that gives things away or stops answering, against a real slapd (tests/ldap/slapdfixture.h): an
// unknown name costs the same search and bind as a wrong password (the directory's own log shows a bind for both),
// and a server whose directory froze (SIGSTOP) in the middle of a login still stops when asked.

#include "adminrunner.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "slapdfixture.h"
#include "testserver.h"

#include <QCborMap>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QCborMap loginRequest(const QString& username, const QString& password)
{
    QCborMap m = typed("login");
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    return m;
}

/** True when this machine has an established TCP connection to 127.0.0.1:@p port (from /proc/net/tcp). */
bool connectedTo(quint16 port)
{
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return false;
    // "sl local_address rem_address st ...": addresses are hex IP:port, state 01 is ESTABLISHED.
    const QString remote = QStringLiteral("0100007F:%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const QByteArray& line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && QString::fromLatin1(fields.at(2)) == remote && fields.at(3) == "01")
            return true;
    }
    return false;
}

} // namespace

class tst_LdapFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void unknownNameBindsLikeWrongPassword();
    void stopsWhileDirectoryFrozen();

private:
    std::unique_ptr<SlapdFixture> m_slapd;
};

void tst_LdapFaults::initTestCase()
{
    m_slapd = std::make_unique<SlapdFixture>();
    if (!m_slapd->start())
        QSKIP(qPrintable(QStringLiteral("cannot start slapd: %1").arg(m_slapd->reason())));
}

void tst_LdapFaults::unknownNameBindsLikeWrongPassword()
{
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config();
    TestServer server(false, config);
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.connectTo(server.port(), false));
    client.hello();

    // Each login: the service account's bind, the search, then a bind with the password given.
    qsizetype before = m_slapd->binds().size();
    QCOMPARE(errorCodeOf(client.request(loginRequest(QStringLiteral("nobody-here"), QStringLiteral("guess-1")), 20000)),
             QStringLiteral("bad_credentials"));
    QTRY_COMPARE(m_slapd->binds().size(), before + 2);
    QCOMPARE(m_slapd->binds().constLast(), QStringLiteral("cn=lanchat-no-such-user,ou=people,dc=example,dc=com"));

    before = m_slapd->binds().size();
    QCOMPARE(errorCodeOf(client.request(loginRequest(QStringLiteral("alice"), QStringLiteral("guess-1")), 20000)),
             QStringLiteral("bad_credentials"));
    QTRY_COMPARE(m_slapd->binds().size(), before + 2);
    QCOMPARE(m_slapd->binds().constLast(), QStringLiteral("uid=alice,ou=engineering,ou=people,dc=example,dc=com"));
    // The directory refused both binds alike.
    QCOMPARE(m_slapd->log().count(QStringLiteral("RESULT tag=97 err=49")), 2);
}

void tst_LdapFaults::stopsWhileDirectoryFrozen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A directory timeout of 10 minutes: only the abort on shutdown, not libldap's timeouts, can end the login.
    const AdminRunner admin(dir.path(), m_slapd->iniLines() + QStringList{QStringLiteral("timeout_ms=600000")});
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(AdminRunner::executable(),
                 {QStringLiteral("serve"), QStringLiteral("--config"), admin.configPath(), QStringLiteral("--data-dir"),
                  dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--insecure-plaintext")});
    const auto cleanup = qScopeGuard([&] {
        m_slapd->resume();
        server.kill();
        server.waitForFinished(5000);
    });
    static const QRegularExpression listening(QStringLiteral("listening on .* port (\\d+)"));
    QByteArray output;
    quint16 port = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            output += server.readAll();
            port = quint16(listening.match(QString::fromUtf8(output)).captured(1).toUInt());
            return port != 0;
        }(),
        20000);

    m_slapd->pause();
    RawClient client;
    QVERIFY(client.connectTo(port, false));
    client.hello();
    client.send(loginRequest(QStringLiteral("alice"), SlapdFixture::password(QStringLiteral("alice"))));
    // The server's worker is inside libldap, connected to the frozen directory.
    QTRY_VERIFY_WITH_TIMEOUT(connectedTo(m_slapd->port()), 20000);

    server.terminate(); // SIGTERM: the relay stops and the LDAP worker is aborted
    QTRY_VERIFY_WITH_TIMEOUT(server.state() == QProcess::NotRunning, 60000);
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
}

QTEST_GUILESS_MAIN(tst_LdapFaults)
#include "tst_ldapfaults.moc"
