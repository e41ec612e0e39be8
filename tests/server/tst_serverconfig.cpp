// ServerConfig: INI parsing (resources/lanchat-server.conf is the documented sample), errors, --print-config.

#include "serverconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;

class TstServerConfig : public QObject
{
    Q_OBJECT
private slots:
    void sampleFileGivesDefaults();
    void adminSocketIsAbsoluteForARelativeDataDir();
    void valuesAreRead();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void printedConfigReadsBack();
    void olderThrottleKeys();

private:
    QString write(const QByteArray& content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TstServerConfig::write(const QByteArray& content)
{
    const QString path = m_dir.filePath(QStringLiteral("c%1.conf").arg(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TstServerConfig::sampleFileGivesDefaults()
{
    ServerConfig config;
    QString error;
    QVERIFY2(
        ServerConfig::fromIni(QStringLiteral(LANCHAT_SOURCE_DIR "/resources/lanchat-server.conf"), &config, &error),
        qPrintable(error));
    QCOMPARE(config.toIni(), ServerConfig().toIni());
}

void TstServerConfig::adminSocketIsAbsoluteForARelativeDataDir()
{
    // scripts/run.sh passes --data-dir data/server; QLocalServer would look for a relative name in /tmp.
    ServerConfig config;
    config.dataDir = QStringLiteral("data/server");
    QVERIFY(QDir::isAbsolutePath(config.adminSocketPath()));
    QCOMPARE(config.adminSocketPath(), QDir::current().absoluteFilePath(QStringLiteral("data/server/admin.sock")));
}

void TstServerConfig::valuesAreRead()
{
    ServerConfig config;
    QString error;
    QVERIFY2(ServerConfig::fromIni(write("[server]\nname=Büro 办公室\nport=9000\ntls=false\nlisten=::1\n"
                                         "allow_registration=no\nmax_file_bytes=1000\nhash_memory_kib=64\n"
                                         "discovery_port=0\n"),
                                   &config, &error),
             qPrintable(error));
    QCOMPARE(config.serverName, QStringLiteral("Büro 办公室"));
    QCOMPARE(config.port, quint16(9000));
    QVERIFY(!config.tls);
    QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(!config.allowRegistration);
    QCOMPARE(config.maxFileBytes, 1000);
    QCOMPARE(config.hashMemoryKiB, 64u);
    QCOMPARE(config.discoveryPort, quint16(0));
}

void TstServerConfig::badValuesAreRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("port not a number") << QByteArray("[server]\nport=abc\n");
    QTest::newRow("port too big") << QByteArray("[server]\nport=70000\n");
    QTest::newRow("bool") << QByteArray("[server]\ntls=maybe\n");
    QTest::newRow("address") << QByteArray("[server]\nlisten=not-an-ip\n");
    QTest::newRow("negative") << QByteArray("[server]\nretention_days=-1\n");
}

void TstServerConfig::badValuesAreRefused()
{
    QFETCH(QByteArray, content);
    ServerConfig config;
    QString error;
    QVERIFY(!ServerConfig::fromIni(write(content), &config, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!ServerConfig::fromIni(m_dir.filePath(QStringLiteral("missing.conf")), &config, &error));
}

void TstServerConfig::printedConfigReadsBack()
{
    ServerConfig config;
    config.dataDir = QStringLiteral("/var/lib/lanchat");
    config.port = 1234;
    config.storeQuotaBytes = 5'000'000'000;
    ServerConfig again;
    QString error;
    QVERIFY2(ServerConfig::fromIni(write(config.toIni().toUtf8()), &again, &error), qPrintable(error));
    QCOMPARE(again.toIni(), config.toIni());
}

void TstServerConfig::olderThrottleKeys()
{
    // login_lockout_ms was the lockout time and when failures were forgotten; only the second meaning is left.
    ServerConfig config;
    QString error;
    QVERIFY2(ServerConfig::fromIni(write("[server]\nlogin_lockout_ms=5000\nlogin_lockout_failures=3\n"
                                         "account_lockout_failures=7\n"),
                                   &config, &error),
             qPrintable(error));
    QCOMPARE(config.loginForgetMs, 5000);
    QVERIFY2(ServerConfig::fromIni(write("[server]\nlogin_lockout_ms=5000\nlogin_forget_ms=7000\n"), &config, &error),
             qPrintable(error));
    QCOMPARE(config.loginForgetMs, 7000);
}

QTEST_GUILESS_MAIN(TstServerConfig)
#include "tst_serverconfig.moc"
