// The server's TLS: TLS 1.2 only with ECDHE and AEAD suites (a client offering nothing else than CBC or SHA-1
// suites is refused), TLS 1.3 as OpenSSL has it, and a generated certificate that carries a subjectAltName.

#include "rawclient.h"
#include "testserver.h"
#include "tlsidentity.h"

#include <QDir>
#include <QFile>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;
using lanchat::test::RawClient;
using lanchat::test::TestServer;

namespace {

/** The ciphers of @p names this Qt/OpenSSL build knows. */
QList<QSslCipher> ciphers(const QStringList& names)
{
    QList<QSslCipher> out;
    for (const QSslCipher& cipher : QSslConfiguration::supportedCiphers()) {
        if (names.contains(cipher.name()))
            out.append(cipher);
    }
    return out;
}

enum class Outcome
{
    Encrypted,
    Refused,
};

/** Connects with TLS 1.2 and exactly @p offered; whether the handshake completes. */
Outcome handshake(quint16 port, const QList<QSslCipher>& offered)
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2);
    config.setCiphers(offered);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.setSslConfiguration(config);
    bool failed = false;
    QObject::connect(&socket, &QSslSocket::errorOccurred, &socket, [&failed] { failed = true; });
    QObject::connect(&socket, &QSslSocket::disconnected, &socket, [&failed] { failed = true; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    (void)RawClient::waitUntil([&] { return socket.isEncrypted() || failed; }, 10000);
    return socket.isEncrypted() ? Outcome::Encrypted : Outcome::Refused;
}

} // namespace

class tst_TlsHardening : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tls12Suites_data();
    void tls12Suites();
    void tls13Served();
    void generatedCertificateHasSubjectAltName();

private:
    std::unique_ptr<TestServer> m_server;
};

void tst_TlsHardening::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    m_server = std::make_unique<TestServer>(true);
    QVERIFY(m_server->start());
}

void tst_TlsHardening::tls12Suites_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<bool>("accepted");
    // The server's certificate is ECDSA: ECDSA suites are the ones it could otherwise pick.
    QTest::newRow("CBC with SHA-1") << QStringList{QStringLiteral("ECDHE-ECDSA-AES128-SHA"),
                                                   QStringLiteral("ECDHE-ECDSA-AES256-SHA")}
                                    << false;
    QTest::newRow("CBC with SHA-2") << QStringList{QStringLiteral("ECDHE-ECDSA-AES128-SHA256"),
                                                   QStringLiteral("ECDHE-ECDSA-AES256-SHA384")}
                                    << false;
    QTest::newRow("AES-GCM") << QStringList{QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")} << true;
    QTest::newRow("ChaCha20-Poly1305") << QStringList{QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")} << true;
}

void tst_TlsHardening::tls12Suites()
{
    QFETCH(QStringList, offered);
    QFETCH(bool, accepted);
    const QList<QSslCipher> known = ciphers(offered);
    if (known.isEmpty())
        QSKIP("this OpenSSL build does not offer these suites");
    QCOMPARE(handshake(m_server->port(), known), accepted ? Outcome::Encrypted : Outcome::Refused);
    // The server is not disturbed by the refusals.
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), true));
    QCOMPARE(c.request(QCborMap{{QStringLiteral("t"), QStringLiteral("ping")}}).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
}

void tst_TlsHardening::tls13Served()
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_3OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(RawClient::waitUntil([&] { return socket.isEncrypted(); }, 10000));
    QCOMPARE(socket.sessionProtocol(), QSsl::TlsV1_3);
}

void tst_TlsHardening::generatedCertificateHasSubjectAltName()
{
    QFile file(QDir(m_server->dataDir()).filePath(QStringLiteral("server.crt")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(file.readAll(), QSsl::Pem);
    QVERIFY(!certificate.isNull());
    const QMultiMap<QSsl::AlternativeNameEntryType, QString> names = certificate.subjectAlternativeNames();
    QVERIFY(names.contains(QSsl::DnsEntry, QStringLiteral("localhost")));
    QVERIFY(names.contains(QSsl::IpAddressEntry, QStringLiteral("127.0.0.1")));
    const QString host = QSysInfo::machineHostName();
    if (!host.isEmpty() && host != QLatin1String("localhost"))
        QVERIFY2(names.contains(QSsl::DnsEntry, host), qPrintable(host));
    // The server presents that certificate.
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(RawClient::waitUntil([&] { return socket.isEncrypted(); }, 10000));
    QCOMPARE(socket.peerCertificate(), certificate);
}

QTEST_GUILESS_MAIN(tst_TlsHardening)
#include "tst_tlshardening.moc"
