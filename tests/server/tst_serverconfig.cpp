// ServerConfig: INI parsing (resources/lanchat-server.conf is the documented sample), errors, --print-config.

#include "serverconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;

class tst_ServerConfig : public QObject
{
    Q_OBJECT
private slots:
    void sampleFileGivesDefaults();
    void adminSocketIsAbsoluteForARelativeDataDir();
    void valuesAreRead();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void printedConfigReadsBack();
    void registrationKeys_data();
    void registrationKeys();
    void badInviteCodeFilesAreRefused_data();
    void badInviteCodeFilesAreRefused();
    void olderThrottleKeys();

private:
    QString write(const QByteArray& content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString tst_ServerConfig::write(const QByteArray& content)
{
    const QString path = m_dir.filePath(QStringLiteral("c%1.conf").arg(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void tst_ServerConfig::sampleFileGivesDefaults()
{
    ServerConfig config;
    QString error;
    QVERIFY2(
        ServerConfig::fromIni(QStringLiteral(LANCHAT_SOURCE_DIR "/resources/lanchat-server.conf"), &config, &error),
        qPrintable(error));
    QCOMPARE(config.toIni(), ServerConfig().toIni());
}

void tst_ServerConfig::adminSocketIsAbsoluteForARelativeDataDir()
{
    // scripts/run.sh passes --data-dir data/server; QLocalServer would look for a relative name in /tmp.
    ServerConfig config;
    config.dataDir = QStringLiteral("data/server");
    QVERIFY(QDir::isAbsolutePath(config.adminSocketPath()));
    QCOMPARE(config.adminSocketPath(), QDir::current().absoluteFilePath(QStringLiteral("data/server/admin.sock")));
}

void tst_ServerConfig::valuesAreRead()
{
    ServerConfig config;
    QString error;
    QVERIFY2(ServerConfig::fromIni(write("[server]\nname=Büro 办公室\nport=9000\ntls=false\nlisten=::1\n"
                                         "allow_registration=yes\nmax_file_bytes=1000\nhash_memory_kib=64\n"
                                         "discovery_port=0\n"),
                                   &config, &error),
             qPrintable(error));
    QCOMPARE(config.serverName, QStringLiteral("Büro 办公室"));
    QCOMPARE(config.port, quint16(9000));
    QVERIFY(!config.tls);
    QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(config.registration, ServerConfig::Registration::Open); // the older key still works
    QCOMPARE(config.maxFileBytes, 1000);
    QCOMPARE(config.hashMemoryKiB, 64u);
    QCOMPARE(config.discoveryPort, quint16(0));
}

void tst_ServerConfig::badValuesAreRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("port not a number") << QByteArray("[server]\nport=abc\n");
    QTest::newRow("port too big") << QByteArray("[server]\nport=70000\n");
    QTest::newRow("bool") << QByteArray("[server]\ntls=maybe\n");
    QTest::newRow("address") << QByteArray("[server]\nlisten=not-an-ip\n");
    QTest::newRow("negative") << QByteArray("[server]\nretention_days=-1\n");
}

void tst_ServerConfig::badValuesAreRefused()
{
    QFETCH(QByteArray, content);
    ServerConfig config;
    QString error;
    QVERIFY(!ServerConfig::fromIni(write(content), &config, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!ServerConfig::fromIni(m_dir.filePath(QStringLiteral("missing.conf")), &config, &error));
}

void tst_ServerConfig::printedConfigReadsBack()
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

void tst_ServerConfig::registrationKeys_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<int>("modeValue"); // a ServerConfig::Registration
    using R = ServerConfig::Registration;
    QTest::newRow("default: off") << QByteArray() << int(R::Off);
    QTest::newRow("open") << QByteArray("registration=open\n") << int(R::Open);
    QTest::newRow("off") << QByteArray("registration=off\n") << int(R::Off);
    QTest::newRow("case-insensitive") << QByteArray("registration=Open\n") << int(R::Open);
    QTest::newRow("alias true") << QByteArray("allow_registration=true\n") << int(R::Open);
    QTest::newRow("alias false") << QByteArray("allow_registration=false\n") << int(R::Off);
    QTest::newRow("the new key wins") << QByteArray("allow_registration=true\nregistration=off\n") << int(R::Off);
    QTest::newRow("invite") << QByteArray("registration=invite\ninvite_code_file=CODE\n") << int(R::Invite);
}

void tst_ServerConfig::registrationKeys()
{
    QFETCH(QByteArray, lines);
    QFETCH(int, modeValue);
    const auto mode = ServerConfig::Registration(modeValue);
    const QString codePath = m_dir.filePath(QStringLiteral("invite%1.txt").arg(m_files));
    QFile code(codePath);
    QVERIFY(code.open(QIODevice::WriteOnly));
    code.write("  s3cret-Code 42\n");
    code.close();
    QVERIFY(code.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    ServerConfig config;
    QString error;
    QVERIFY2(ServerConfig::fromIni(write("[server]\n" + lines.replace("CODE", codePath.toUtf8())), &config, &error),
             qPrintable(error));
    QCOMPARE(config.registration, mode);
    QCOMPARE(config.inviteCode,
             mode == ServerConfig::Registration::Invite ? QByteArray("s3cret-Code 42") : QByteArray());
    QVERIFY(!config.toIni().contains(QLatin1String("s3cret"))); // --print-config shows the file, never the code
    ServerConfig again;                                         // and reads back to the same mode
    QVERIFY2(ServerConfig::fromIni(write(config.toIni().toUtf8()), &again, &error), qPrintable(error));
    QCOMPARE(again.registration, mode);
    QCOMPARE(again.inviteCode, config.inviteCode);
}

void tst_ServerConfig::badInviteCodeFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("content"); // of the code file
    QTest::addColumn<int>("permissions");    // QFileDevice::Permissions
    QTest::addColumn<QByteArray>("lines");
    const int owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QTest::newRow("bad mode") << QByteArray("x") << owner << QByteArray("registration=sometimes\n");
    QTest::newRow("invite without a file") << QByteArray("x") << owner << QByteArray("registration=invite\n");
    QTest::newRow("file missing") << QByteArray("x") << owner
                                  << QByteArray("registration=invite\ninvite_code_file=CODE.missing\n");
    QTest::newRow("empty code") << QByteArray(" \n") << owner
                                << QByteArray("registration=invite\ninvite_code_file=CODE\n");
    QTest::newRow("too long") << QByteArray(257, 'a') << owner
                              << QByteArray("registration=invite\ninvite_code_file=CODE\n");
    QTest::newRow("readable by everyone") << QByteArray("code") << (owner | QFileDevice::ReadOther)
                                          << QByteArray("registration=invite\ninvite_code_file=CODE\n");
}

void tst_ServerConfig::badInviteCodeFilesAreRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(int, permissions);
    QFETCH(QByteArray, lines);
    const QString codePath = m_dir.filePath(QStringLiteral("badinvite%1.txt").arg(m_files));
    QFile code(codePath);
    QVERIFY(code.open(QIODevice::WriteOnly));
    code.write(content);
    code.close();
    QVERIFY(code.setPermissions(QFileDevice::Permissions(permissions)));
    ServerConfig config;
    QString error;
    QVERIFY(!ServerConfig::fromIni(write("[server]\n" + lines.replace("CODE", codePath.toUtf8())), &config, &error));
    QVERIFY(!error.isEmpty());
}

void tst_ServerConfig::olderThrottleKeys()
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

QTEST_GUILESS_MAIN(tst_ServerConfig)
#include "tst_serverconfig.moc"
