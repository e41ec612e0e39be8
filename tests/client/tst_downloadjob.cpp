// Downloads never write through a symbolic link, whether it sits where the `.part` file goes or where the
// finished file is renamed to: someone who can write to the download folder must not be able to point the
// next download at another of the user's files. A file already in the folder with the same content is used
// instead of a `name (1).ext` copy; another file of that name is left alone. Through TransferManager and an
// in-process relay on 127.0.0.1.

#include "downloadjob.h"
#include "privatechatfixture.h"
#include "transfermanager.h"
#include "transfertestenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace lanchat;
using State = TransferManager::State;

namespace {

constexpr qint64 kSize = 300 * 1024;
const QByteArray kPrecious = QByteArrayLiteral("the user's own file, which no download may touch\n");

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_DownloadJob : public QObject, private PrivateChatFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void partFileSymlinkIsRefused();
    void finalNameSymlinkIsRefused();
    void plainDownloadStillWorks();
    void sameContentAtTargetIsUsed();
    void otherContentAtTargetIsKept();

private:
    /** Alice uploads @p name into the chat; its SHA-256. */
    QByteArray upload(const QString& name);

    QString m_victim;
};

void tst_DownloadJob::init()
{
    QVERIFY(startPrivateChat());
    QVERIFY(QDir().mkpath(m_bob->downloadDir));
    m_victim = QDir(m_env->scratchDir()).filePath(QStringLiteral("victim.txt"));
}

void tst_DownloadJob::cleanup()
{
    stopPrivateChat();
}

QByteArray tst_DownloadJob::upload(const QString& name)
{
    const QString path = QDir(m_env->scratchDir()).filePath(name);
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, kSize);
    const int key = m_alice->transfers->upload(m_chat, path);
    if (TransferTestEnv::waitFinished(*m_alice->transfers, key) != int(State::Done))
        return {};
    return sha;
}

void tst_DownloadJob::partFileSymlinkIsRefused()
{
    const QByteArray sha = upload(QStringLiteral("report.pdf"));
    QVERIFY(!sha.isEmpty());
    QFile victim(m_victim);
    QVERIFY(victim.open(QIODevice::WriteOnly));
    victim.write(kPrecious);
    victim.close();
    const QString part =
        DownloadJob::partPathFor({m_chat, QStringLiteral("report.pdf"), kSize, sha, m_bob->downloadDir});
    QVERIFY(QFile::link(m_victim, part));

    const int key = m_bob->transfers->download(m_chat, QStringLiteral("report.pdf"), kSize, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_bob->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QString::fromLatin1(TransferManager::kSymlinkRefused));
    QCOMPARE(contents(m_victim), kPrecious);
    QVERIFY(QFileInfo(part).isSymLink()); // left as it was: not ours to remove
    QVERIFY(!QFileInfo::exists(QDir(m_bob->downloadDir).filePath(QStringLiteral("report.pdf"))));
}

void tst_DownloadJob::finalNameSymlinkIsRefused()
{
    const QByteArray sha = upload(QStringLiteral("notes.txt"));
    QVERIFY(!sha.isEmpty());
    // A dangling link: the name looks free, and a copy "into" it would create the victim.
    const QString target = QDir(m_bob->downloadDir).filePath(QStringLiteral("notes.txt"));
    QVERIFY(QFile::link(m_victim, target));
    QVERIFY(!QFileInfo::exists(m_victim));

    const int key = m_bob->transfers->download(m_chat, QStringLiteral("notes.txt"), kSize, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_bob->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QString::fromLatin1(TransferManager::kSymlinkRefused));
    QVERIFY(!QFileInfo::exists(m_victim));
    QVERIFY(QFileInfo(target).isSymLink());
}

void tst_DownloadJob::plainDownloadStillWorks()
{
    const QByteArray sha = upload(QStringLiteral("plain.bin"));
    QVERIFY(!sha.isEmpty());
    const int key = m_bob->transfers->download(m_chat, QStringLiteral("plain.bin"), kSize, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, key), int(State::Done));
    const QString path = TransferTestEnv::roleOf(*m_bob->transfers, key, TransferManager::LocalPathRole).toString();
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("plain.bin"));
    QCOMPARE(QFileInfo(path).size(), kSize);
    QCOMPARE(QDir(m_bob->downloadDir).entryList(QDir::Files | QDir::Hidden).size(), 1); // no part left behind
}

void tst_DownloadJob::sameContentAtTargetIsUsed()
{
    const QByteArray sha = upload(QStringLiteral("chart.png"));
    QVERIFY(!sha.isEmpty());
    const int first = m_bob->transfers->download(m_chat, QStringLiteral("chart.png"), kSize, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, first), int(State::Done));
    const QString path = TransferTestEnv::roleOf(*m_bob->transfers, first, TransferManager::LocalPathRole).toString();

    // Another manager that knows nothing of that download (a client whose records were lost) finds it by name.
    TransferManager fresh(m_bob->connection.get());
    fresh.setDownloadDirectory(m_bob->downloadDir);
    const int again = fresh.download(m_chat, QStringLiteral("chart.png"), kSize, sha);
    QCOMPARE(TransferTestEnv::waitFinished(fresh, again), int(State::Done));
    QCOMPARE(TransferTestEnv::roleOf(fresh, again, TransferManager::LocalPathRole).toString(), path);
    QCOMPARE(fresh.downloadedPath(sha), path);
    QCOMPARE(QDir(m_bob->downloadDir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("chart.png")});
}

void tst_DownloadJob::otherContentAtTargetIsKept()
{
    const QByteArray sha = upload(QStringLiteral("chart.png"));
    QVERIFY(!sha.isEmpty());
    // The user's own chart.png, of the very same size but other bytes.
    const QString mine = QDir(m_bob->downloadDir).filePath(QStringLiteral("chart.png"));
    QVERIFY(!TransferTestEnv::writeRandomFile(mine, kSize).isEmpty());
    const QByteArray before = contents(mine);

    const int key = m_bob->transfers->download(m_chat, QStringLiteral("chart.png"), kSize, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, key), int(State::Done));
    const QString path = TransferTestEnv::roleOf(*m_bob->transfers, key, TransferManager::LocalPathRole).toString();
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("chart (1).png"));
    QCOMPARE(contents(mine), before);
}

QTEST_GUILESS_MAIN(tst_DownloadJob)
#include "tst_downloadjob.moc"
