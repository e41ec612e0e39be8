// A server started by hand under a permissive umask (022) still keeps its data private: the data directory and
// the directories of the file store are 0700, the database (with its WAL and shared-memory files), the TLS
// certificate and key, and the admin socket are 0600.

#include "protocolframes.h"
#include "rawclient.h"
#include "relayserver.h"
#include "serverconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace lanchat;
using lanchat::test::RawClient;
using lanchat::test::typed;

namespace {

/** The permission bits of @p path (not following a symlink), or -1 when it does not exist. */
int modeOf(const QString& path)
{
    struct stat st
    {};
    if (lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class tst_DataPermissions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void privateWhateverTheUmask_data();
    void privateWhateverTheUmask();

private:
    QTemporaryDir m_parent;
    QString m_dataDir;
    std::unique_ptr<RelayServer> m_server;
    mode_t m_savedUmask = 0;
};

void tst_DataPermissions::initTestCase()
{
    m_savedUmask = umask(022); // what a shell usually has: files 0644, directories 0755
    QVERIFY(m_parent.isValid());
    m_dataDir = QDir(m_parent.path()).filePath(QStringLiteral("data")); // the server creates it
    ServerConfig config;
    config.dataDir = m_dataDir;
    config.hashMemoryKiB = 64;
    config.hashIterations = 1;
    config.discoveryEnabled = false;
    config.registration = ServerConfig::Registration::Open;
    m_server = std::make_unique<RelayServer>(config);
    QString error;
    QVERIFY2(m_server->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    // A file offer opens the file store (files/ and its part directory) and a write fills the WAL.
    RawClient a;
    RawClient b;
    QVERIFY(a.connectTo(m_server->serverPort(), true));
    QVERIFY(b.connectTo(m_server->serverPort(), true));
    QVERIFY(a.signUp(QStringLiteral("alice")) > 0);
    QVERIFY(b.signUp(QStringLiteral("bob")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), b.userId());
    const qint64 conversation =
        a.request(open).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(conversation > 0);
    const QByteArray content(1000, 'p');
    QCborMap offer = typed("file_offer");
    offer.insert(QLatin1String("conversation"), conversation);
    offer.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
    offer.insert(QLatin1String("name"), QStringLiteral("notes.txt"));
    offer.insert(QLatin1String("size"), content.size());
    offer.insert(QLatin1String("sha256"), QCryptographicHash::hash(content, QCryptographicHash::Sha256));
    QCOMPARE(a.request(offer).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
}

void tst_DataPermissions::cleanupTestCase()
{
    m_server.reset();
    umask(m_savedUmask);
}

void tst_DataPermissions::privateWhateverTheUmask_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("mode");
    QTest::newRow("data dir") << QString() << 0700;
    QTest::newRow("database") << QStringLiteral("lanchat.db") << 0600;
    QTest::newRow("database WAL") << QStringLiteral("lanchat.db-wal") << 0600;
    QTest::newRow("database shm") << QStringLiteral("lanchat.db-shm") << 0600;
    QTest::newRow("TLS key") << QStringLiteral("server.key") << 0600;
    QTest::newRow("TLS certificate") << QStringLiteral("server.crt") << 0600;
    QTest::newRow("admin socket") << QStringLiteral("admin.sock") << 0600;
    QTest::newRow("file store") << QStringLiteral("files") << 0700;
    QTest::newRow("upload parts") << QStringLiteral("files/tmp") << 0700;
}

void tst_DataPermissions::privateWhateverTheUmask()
{
    QFETCH(QString, path);
    QFETCH(int, mode);
    const QString full = path.isEmpty() ? m_dataDir : QDir(m_dataDir).filePath(path);
    QCOMPARE(QString::number(modeOf(full), 8), QString::number(mode, 8));
}

QTEST_GUILESS_MAIN(tst_DataPermissions)
#include "tst_datapermissions.moc"
