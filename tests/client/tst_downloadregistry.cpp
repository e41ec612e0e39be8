// The client remembers what it downloaded: after a restart a file message still reads as downloaded (with its
// path), a second download uses the file instead of writing `name (1).ext`, and a file that was deleted, moved or
// changed since reads as not downloaded. ChatClient against the real relay in-process (127.0.0.1, port 0), and the
// DownloadRegistry itself on a real QSettings file.

#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "downloadregistry.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "sessionstore.h"
#include "sha256.h"
#include "testserver.h"
#include "transfermanager.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

const QString kEndpoint = QStringLiteral("example:7000");
constexpr int kWaitMs = 15000;

/** Waits until transfer @p key of @p transfers is finished; its state, or -1. */
int waitFinished(TransferManager& transfers, int key)
{
    const auto state = [&]() -> int {
        for (int row = 0; row < transfers.rowCount(); ++row) {
            const QModelIndex index = transfers.index(row, 0);
            if (index.data(TransferManager::TransferKeyRole).toInt() == key)
                return index.data(TransferManager::StateRole).toInt();
        }
        return -1;
    };
    const auto finished = [&] {
        const int s = state();
        return s == int(TransferManager::State::Done) || s == int(TransferManager::State::Failed) ||
               s == int(TransferManager::State::Cancelled);
    };
    QSignalSpy spy(&transfers, &TransferManager::transferFinished);
    while (!finished()) {
        if (!spy.wait(kWaitMs))
            return -1;
    }
    return state();
}

QVariant transferRole(TransferManager& transfers, int key, int role)
{
    for (int row = 0; row < transfers.rowCount(); ++row) {
        const QModelIndex index = transfers.index(row, 0);
        if (index.data(TransferManager::TransferKeyRole).toInt() == key)
            return index.data(role);
    }
    return {};
}

QByteArray writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return {};
    return Sha256::hash(data);
}

bool setMtime(const QString& path, const QDateTime& when)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.setFileTime(when, QFileDevice::FileModificationTime);
}

QByteArray pattern(int size, int seed)
{
    QByteArray data(size, '\0');
    for (int i = 0; i < size; ++i)
        data[i] = char((i * 31 + seed) % 251);
    return data;
}

} // namespace

class tst_DownloadRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downloadRememberedAcrossClientRestart();
    void changedMtimeIsHashedAgain();
    void changedSizeOrDeletedIsForgotten();
    void entriesArePerUser();
};

void tst_DownloadRegistry::downloadRememberedAcrossClientRestart()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    const QString downloads = dir.filePath(QStringLiteral("downloads"));
    auto alice = newClient(nullptr);
    auto bob = newClient(&settings, downloads);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    QVERIFY(conv.isValid());

    const QString source = dir.filePath(QStringLiteral("chart.png"));
    const QByteArray sha = writeFile(source, pattern(300 * 1024, 7));
    QVERIFY(!sha.isEmpty());
    QCOMPARE(waitFinished(*alice->transfers(), alice->transfers()->upload(conv, source)),
             int(TransferManager::State::Done));
    MessagesModel* model = bob->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kWaitMs);
    const QModelIndex message = model->index(0);
    QCOMPARE(message.data(roles::MessageFileSha256).toByteArray(), sha);
    const int key = bob->transfers()->download(conv, message.data(roles::MessageFileName).toString(),
                                               message.data(roles::MessageFileSize).toLongLong(), sha);
    QCOMPARE(waitFinished(*bob->transfers(), key), int(TransferManager::State::Done));
    const QString path = bob->transfers()->downloadedPath(sha);
    QCOMPARE(path, QDir(downloads).filePath(QStringLiteral("chart.png")));
    bob.reset();

    // The program is restarted: the file message reads as downloaded, at the same path.
    auto bobAgain = newClient(&settings, downloads);
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    MessagesModel* again = bobAgain->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(again->rowCount(), 1, kWaitMs);
    QCOMPARE(bobAgain->transfers()->downloadedPath(again->index(0).data(roles::MessageFileSha256).toByteArray()), path);

    // Downloading it again uses the file: no "chart (1).png", not one chunk fetched.
    const int second = bobAgain->transfers()->download(conv, QStringLiteral("chart.png"), 300 * 1024, sha);
    QCOMPARE(waitFinished(*bobAgain->transfers(), second), int(TransferManager::State::Done));
    QCOMPARE(transferRole(*bobAgain->transfers(), second, TransferManager::LocalPathRole).toString(), path);
    QCOMPARE(QDir(downloads).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("chart.png")});

    // Deleted: not downloaded any more, also after the next restart.
    QVERIFY(QFile::remove(path));
    QVERIFY(bobAgain->transfers()->downloadedPath(sha).isEmpty());
    bobAgain.reset();
    auto third = newClient(&settings, downloads);
    QVERIFY(enter(*third, relay, QStringLiteral("bob"), false));
    QVERIFY(third->transfers()->downloadedPath(sha).isEmpty());
}

void tst_DownloadRegistry::changedMtimeIsHashedAgain()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    SessionStore store;
    store.setSettings(&settings);
    const QString path = dir.filePath(QStringLiteral("a.bin"));
    const QByteArray sha = writeFile(path, pattern(64 * 1024, 1));
    DownloadRegistry registry;
    registry.attach(&store, kEndpoint, QStringLiteral("bob"));
    registry.record(sha, path);
    QCOMPARE(registry.path(sha), path);

    // Touched, same content: hashed once more, then known again.
    QVERIFY(setMtime(path, QDateTime::currentDateTime().addSecs(-3600)));
    QSignalSpy rechecked(&registry, &DownloadRegistry::rechecked);
    QVERIFY(registry.path(sha).isEmpty());
    QVERIFY(rechecked.wait(kWaitMs));
    QCOMPARE(rechecked.first().at(1).toBool(), true);
    QCOMPARE(registry.path(sha), path);

    // Edited in place to other bytes of the same size: the hash says it is not the download any more.
    QVERIFY(!writeFile(path, pattern(64 * 1024, 2)).isEmpty());
    QVERIFY(setMtime(path, QDateTime::currentDateTime().addSecs(-60)));
    rechecked.clear();
    QVERIFY(registry.path(sha).isEmpty());
    QVERIFY(rechecked.wait(kWaitMs));
    QCOMPARE(rechecked.first().at(1).toBool(), false);
    QVERIFY(registry.path(sha).isEmpty());
    QCOMPARE(registry.count(), 0);
}

void tst_DownloadRegistry::changedSizeOrDeletedIsForgotten()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    SessionStore store;
    store.setSettings(&settings);
    const QString grown = dir.filePath(QStringLiteral("grown.bin"));
    const QString deleted = dir.filePath(QStringLiteral("deleted.bin"));
    const QString kept = dir.filePath(QStringLiteral("kept.bin"));
    const QByteArray grownSha = writeFile(grown, pattern(1000, 3));
    const QByteArray deletedSha = writeFile(deleted, pattern(1000, 4));
    const QByteArray keptSha = writeFile(kept, pattern(1000, 5));
    {
        DownloadRegistry registry;
        registry.attach(&store, kEndpoint, QStringLiteral("bob"));
        registry.record(grownSha, grown);
        registry.record(deletedSha, deleted);
        registry.record(keptSha, kept);
    }
    QFile file(grown);
    QVERIFY(file.open(QIODevice::Append));
    file.write("x");
    file.close();
    QVERIFY(QFile::remove(deleted));

    DownloadRegistry registry;
    registry.attach(&store, kEndpoint, QStringLiteral("bob"));
    QCOMPARE(registry.count(), 3);
    QVERIFY(registry.path(grownSha).isEmpty());
    QVERIFY(registry.path(deletedSha).isEmpty());
    QCOMPARE(registry.path(keptSha), kept);
    QCOMPARE(registry.count(), 1);
    DownloadRegistry reloaded;
    reloaded.attach(&store, kEndpoint, QStringLiteral("bob"));
    QCOMPARE(reloaded.count(), 1);
}

void tst_DownloadRegistry::entriesArePerUser()
{
    QTemporaryDir dir;
    SessionStore store;
    store.setSettings(nullptr);
    const QString path = dir.filePath(QStringLiteral("a.bin"));
    const QByteArray sha = writeFile(path, pattern(100, 6));
    DownloadRegistry registry;
    registry.attach(&store, kEndpoint, QStringLiteral("bob"));
    registry.record(sha, path);
    registry.attach(&store, kEndpoint, QStringLiteral("carol"));
    QVERIFY(registry.path(sha).isEmpty());
    registry.attach(&store, kEndpoint, QStringLiteral("Bob"));
    QCOMPARE(registry.path(sha), path);
}

QTEST_GUILESS_MAIN(tst_DownloadRegistry)
#include "tst_downloadregistry.moc"
