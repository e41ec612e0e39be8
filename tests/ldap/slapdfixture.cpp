#include "slapdfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>

namespace lanchat::test {

namespace {

const char* const kSlapdConf = R"(include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile @DIR@/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
TLSCACertificateFile @DIR@/ca.pem
TLSCertificateFile @DIR@/server.pem
TLSCertificateKeyFile @DIR@/server.key
database mdb
maxsize 16777216
suffix "dc=example,dc=com"
rootdn "cn=admin,dc=example,dc=com"
rootpw admin-secret-1
directory @DIR@/db
access to attrs=userPassword by self read by anonymous auth by * none
access to * by dn.exact="cn=lanchat,ou=services,dc=example,dc=com" read by self read by * none
)";

/** An entry; @p ou may be several RDNs ("ou=平台组,ou=研发部"); the DN is base64 (LDIF's form for UTF-8). */
QByteArray person(const QString& uid, const QString& ou, const QString& cn, const QString& sn, const QString& base,
                  const QString& extra = {})
{
    const QString dn =
        QStringLiteral("uid=%1,%2").arg(uid, ou.isEmpty() ? base : QStringLiteral("%1,%2").arg(ou, base));
    return "dn:: " + dn.toUtf8().toBase64() +
           QStringLiteral("\nobjectClass: inetOrgPerson\nuid: %1\ncn: %2\nsn: %3\ndisplayName: %2\n"
                          "userPassword: %4\n%5\n")
               .arg(uid, cn, sn, SlapdFixture::password(uid), extra)
               .toUtf8();
}

QByteArray unit(const QString& dn, const QString& ou)
{
    return "dn:: " + dn.toUtf8().toBase64() + "\nobjectClass: organizationalUnit\nou:: " + ou.toUtf8().toBase64() +
           "\n\n";
}

QByteArray directoryLdif()
{
    QByteArray ldif = "dn: dc=example,dc=com\nobjectClass: dcObject\nobjectClass: organization\no: Example\n"
                      "dc: example\n\n";
    for (const char* ou : {"people", "contractors", "services"})
        ldif += QByteArray("dn: ou=") + ou + ",dc=example,dc=com\nobjectClass: organizationalUnit\nou: " + ou + "\n\n";
    for (const char* ou : {"engineering", "sales"})
        ldif += QByteArray("dn: ou=") + ou +
                ",ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: " + ou + "\n\n";
    const QString people = QStringLiteral("ou=people,dc=example,dc=com");
    ldif += unit(QStringLiteral("ou=研发部,") + people, QStringLiteral("研发部"));
    ldif += unit(QStringLiteral("ou=平台组,ou=研发部,") + people, QStringLiteral("平台组"));
    ldif += person(QStringLiteral("zhangwei"), QStringLiteral("ou=engineering"), QStringLiteral("张伟"),
                   QStringLiteral("张"), people);
    ldif += person(QStringLiteral("wangfang"), QStringLiteral("ou=平台组,ou=研发部"), QStringLiteral("王芳"),
                   QStringLiteral("王"), people,
                   QStringLiteral("mail: wangfang@example.com\ntelephoneNumber: +86 10 5555 0101\n"
                                  "title:: %1\n")
                       .arg(QString::fromLatin1(QStringLiteral("高级工程师").toUtf8().toBase64())));
    ldif += person(QStringLiteral("alice"), QStringLiteral("ou=engineering"), QStringLiteral("Alice Smith"),
                   QStringLiteral("Smith"), people);
    ldif += person(QStringLiteral("lina"), QStringLiteral("ou=sales"), QStringLiteral("李娜"), QStringLiteral("李"),
                   people);
    ldif += person(QStringLiteral("outsider"), QString(), QStringLiteral("Out Sider"), QStringLiteral("Sider"),
                   QStringLiteral("ou=contractors,dc=example,dc=com"));
    ldif += "dn: cn=lanchat,ou=services,dc=example,dc=com\nobjectClass: organizationalRole\n"
            "objectClass: simpleSecurityObject\ncn: lanchat\nuserPassword: service-secret-1\n\n";
    return ldif;
}

} // namespace

SlapdFixture::SlapdFixture()
{
    m_slapd.setProcessChannelMode(QProcess::MergedChannels);
}

SlapdFixture::~SlapdFixture()
{
    stop();
}

bool SlapdFixture::start()
{
    if (!m_prepared && !prepare())
        return false;
    m_prepared = true;
    // slapd cannot listen on port 0 and tell us the port: take a free one and retry if another process wins it.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (launch())
            return true;
    }
    return false;
}

bool SlapdFixture::prepare()
{
    for (const char* tool : {"slapd", "slapadd", "openssl", "ldapmodify"}) {
        const QStringList path{QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")};
        if (QStandardPaths::findExecutable(QLatin1String(tool), path).isEmpty()) {
            m_reason = QStringLiteral("%1 is not installed (scripts/deps.sh installs slapd and ldap-utils)")
                           .arg(QLatin1String(tool));
            return false;
        }
    }
    if (!m_dir.isValid() || !makeCertificates())
        return false;
    QByteArray conf(kSlapdConf);
    conf.replace("@DIR@", m_dir.path().toUtf8());
    if (!writeFile(QStringLiteral("slapd.conf"), conf) ||
        !writeFile(QStringLiteral("ldap-password"), "service-secret-1\n") ||
        !writeFile(QStringLiteral("data.ldif"), directoryLdif()) || !QDir(m_dir.path()).mkpath(QStringLiteral("db")))
        return false;
    return run(QStringLiteral("/usr/sbin/slapadd"),
               {QStringLiteral("-f"), m_dir.filePath(QStringLiteral("slapd.conf")), QStringLiteral("-l"),
                m_dir.filePath(QStringLiteral("data.ldif"))});
}

bool SlapdFixture::launch()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        m_reason = QStringLiteral("no free loopback port");
        return false;
    }
    m_port = probe.serverPort();
    probe.close();
    // -d 256 (stats): stay in the foreground (a child of the test, ended with it) and log each operation into a
    // file, which the tests read (binds()); a file, not a pipe, so slapd never blocks on a full pipe.
    m_slapd.setStandardOutputFile(m_dir.filePath(QStringLiteral("slapd.log")), QIODevice::Append);
    m_slapd.start(QStringLiteral("/usr/sbin/slapd"),
                  {QStringLiteral("-f"), m_dir.filePath(QStringLiteral("slapd.conf")), QStringLiteral("-h"),
                   url() + QLatin1Char('/'), QStringLiteral("-d"), QStringLiteral("256")});
    if (!m_slapd.waitForStarted(10000)) {
        m_reason = QStringLiteral("slapd does not start: %1").arg(m_slapd.errorString());
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_slapd.state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200))
            return true;
        m_slapd.waitForFinished(50); // wakes at once when slapd gave up (port taken, bad config)
    }
    m_reason = QStringLiteral("slapd did not listen on %1: %2").arg(url(), log().right(2000));
    stop();
    return false;
}

void SlapdFixture::stop()
{
    if (m_slapd.state() == QProcess::NotRunning)
        return;
    resume();
    m_slapd.terminate();
    if (!m_slapd.waitForFinished(10000)) {
        m_slapd.kill();
        m_slapd.waitForFinished(5000);
    }
}

void SlapdFixture::pause()
{
    if (m_slapd.state() == QProcess::Running)
        ::kill(pid_t(m_slapd.processId()), SIGSTOP);
}

void SlapdFixture::resume()
{
    if (m_slapd.state() == QProcess::Running)
        ::kill(pid_t(m_slapd.processId()), SIGCONT);
}

LdapConfig SlapdFixture::config(int timeoutMs) const
{
    LdapConfig config;
    config.enabled = true;
    config.url = url();
    config.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    config.bindDn = QStringLiteral("cn=lanchat,ou=services,dc=example,dc=com");
    config.bindPassword = "service-secret-1";
    config.baseDn = QStringLiteral("ou=people,dc=example,dc=com");
    config.applyPreset(QStringLiteral("openldap"));
    config.timeoutMs = timeoutMs;
    return config;
}

QStringList SlapdFixture::iniLines() const
{
    const LdapConfig c = config();
    return {QStringLiteral("[ldap]"),
            QStringLiteral("enabled=true"),
            QStringLiteral("url=%1").arg(c.url),
            QStringLiteral("ca_file=%1").arg(c.caFile),
            QStringLiteral("bind_dn=\"%1\"").arg(c.bindDn),
            QStringLiteral("bind_password_file=%1").arg(m_dir.filePath(QStringLiteral("ldap-password"))),
            QStringLiteral("base_dn=\"%1\"").arg(c.baseDn)};
}

QString SlapdFixture::url() const
{
    return QStringLiteral("ldaps://127.0.0.1:%1").arg(m_port);
}

QString SlapdFixture::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("slapd.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList SlapdFixture::binds() const
{
    // A bind is logged when it arrives (`method=128`), and once more when it succeeds (`mech=SIMPLE`).
    static const QRegularExpression bind(QStringLiteral(" BIND dn=\"([^\"]*)\" method="));
    QStringList dns;
    for (const QRegularExpressionMatch& match : bind.globalMatch(log()))
        dns.append(match.captured(1));
    return dns;
}

bool SlapdFixture::modify(const QString& ldif)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LDAPTLS_CACERT"), m_dir.filePath(QStringLiteral("ca.pem")));
    QProcess tool;
    tool.setProcessEnvironment(env);
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("ldapmodify"),
               {QStringLiteral("-H"), url(), QStringLiteral("-x"), QStringLiteral("-D"),
                QStringLiteral("cn=admin,dc=example,dc=com"), QStringLiteral("-w"), QStringLiteral("admin-secret-1")});
    tool.write(ldif.toUtf8());
    tool.closeWriteChannel();
    if (!tool.waitForFinished(30000) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
        qWarning("ldapmodify failed: %s", tool.readAll().constData());
        return false;
    }
    return true;
}

bool SlapdFixture::run(const QString& program, const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    process.start(program, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_reason = QStringLiteral("%1 %2 failed: %3")
                       .arg(program, arguments.join(QLatin1Char(' ')), QString::fromUtf8(process.readAll()));
        return false;
    }
    return true;
}

bool SlapdFixture::writeFile(const QString& name, const QByteArray& contents)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()) {
        m_reason = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    return true;
}

bool SlapdFixture::makeCertificates()
{
    const QString openssl = QStringLiteral("openssl");
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    return writeFile(QStringLiteral("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n") &&
           run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                            QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                        QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                        QStringLiteral("-subj"), QStringLiteral("/CN=LanChat test CA")}) &&
           run(openssl, QStringList{QStringLiteral("req")} + ec +
                            QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                                        QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                        QStringLiteral("/CN=127.0.0.1")}) &&
           run(openssl,
               {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.cnf")});
}

} // namespace lanchat::test
