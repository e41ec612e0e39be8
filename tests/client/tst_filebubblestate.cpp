// The state a file message reports through MessagesModel (MessageFileTransfer* roles, FileTransferTracker) for
// the sender and the receiver, across upload, pause, resume and download, against the real relay in-process
// (127.0.0.1, port 0) with real files. Pauses happen inside the model's change signal the moment progress
// first reaches 10 % (every whole percent is reported), so no timing decides what is observed.

#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"
#include "transfermanager.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
constexpr qint64 kFileBytes = 24 * 1024 * 1024;
/** Far enough in that a restart from 0 would report lower percentages again (each percent is reported). */
constexpr int kPauseAtPercent = 10;

FileTransferState stateOf(const QModelIndex& index)
{
    return FileTransferState(index.data(roles::MessageFileTransferState).toInt());
}

/** The row of the (only) file message of @p model, invalid if none. */
QModelIndex fileRow(const QAbstractItemModel* model)
{
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(roles::MessageKind).toInt() == int(MessageKind::File))
            return index;
    }
    return {};
}

/**
 * Pauses the transfer of @p model's file row the first time it reports @p running at kPauseAtPercent or more, and
 * records every state the row reported.
 */
class PauseAtFirstProgress : public QObject
{
public:
    PauseAtFirstProgress(MessagesModel* model, TransferManager* transfers, FileTransferState running)
    {
        connect(model, &QAbstractItemModel::dataChanged, this, [this, model, transfers, running] {
            const QModelIndex index = fileRow(model);
            if (!index.isValid())
                return;
            const FileTransferState state = stateOf(index);
            seen.insert(int(state));
            const int percent = index.data(roles::MessageFileTransferProgress).toInt();
            if (!paused && state == running && percent >= kPauseAtPercent) {
                paused = true;
                pausedAt = percent;
                transfers->pause(index.data(roles::MessageFileTransferKey).toInt());
            }
            if (paused && state == running)
                lowestAfterPause = std::min(lowestAfterPause, percent);
        });
    }

    QSet<int> seen;
    bool paused = false;
    int pausedAt = -1;
    int lowestAfterPause = 101; ///< lowest percent reported while running since the test last reset it
};

} // namespace

class tst_FileBubbleState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadPauseResumeDownload();
};

void tst_FileBubbleState::uploadPauseResumeDownload()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestServer relay(false);
    relay.config().maxFileBytes = 2 * kFileBytes;
    QVERIFY(relay.start());
    auto alice = newClient(nullptr, dir.filePath(QStringLiteral("alice")));
    auto bob = newClient(nullptr, dir.filePath(QStringLiteral("bob")));
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    QVERIFY(alice && bob);
    QSignalSpy opened(alice.get(), &ChatClient::conversationOpened);
    alice->openPrivate(bob->currentUser().id);
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId chat = opened.first().first().value<ConversationId>();

    const QString path = dir.filePath(QStringLiteral("report.bin"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (qint64 written = 0; written < kFileBytes; written += block.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
            QCOMPARE(file.write(block), qint64(block.size()));
        }
    }

    // Sender: the bubble is there at once, reports the upload, pauses at its first progress, resumes, sent.
    MessagesModel* sent = alice->messages(chat);
    PauseAtFirstProgress upload(sent, alice->transfers(), FileTransferState::Uploading);
    const int uploadKey = alice->transfers()->upload(chat, path);
    QVERIFY(fileRow(sent).isValid());
    QCOMPARE(fileRow(sent).data(roles::MessageFileName).toString(), QStringLiteral("report.bin"));
    QCOMPARE(fileRow(sent).data(roles::MessageFileTransferKey).toInt(), uploadKey);
    QTRY_VERIFY_WITH_TIMEOUT(upload.paused, kWaitMs);
    QCOMPARE(stateOf(fileRow(sent)), FileTransferState::Paused);
    QVERIFY(fileRow(sent).data(roles::MessageFileTransferProgress).toInt() > 0);
    const int uploadPausedAt = fileRow(sent).data(roles::MessageFileTransferProgress).toInt();
    upload.lowestAfterPause = 101; // from here on: what the resumed upload reports
    alice->transfers()->resume(uploadKey);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(fileRow(sent)), FileTransferState::Sent, kWaitMs);
    QVERIFY2(upload.lowestAfterPause >= uploadPausedAt, qPrintable(QString::number(upload.lowestAfterPause)));
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(sent).data(roles::MessageSeq).toLongLong() > 0, kWaitMs);
    QCOMPARE(sent->rowCount(), 1); // the pending bubble became the stored message, not a second one
    QVERIFY(upload.seen.contains(int(FileTransferState::Uploading)));
    QVERIFY(upload.seen.contains(int(FileTransferState::Paused)));

    // Receiver: not downloaded, then downloading, paused at its first progress; "Download" again resumes the
    // same job from where it stopped (no second row, no restart from 0), then downloaded.
    MessagesModel* received = bob->messages(chat);
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(received).isValid(), kWaitMs);
    const QModelIndex message = fileRow(received);
    QCOMPARE(stateOf(message), FileTransferState::NotDownloaded);
    PauseAtFirstProgress download(received, bob->transfers(), FileTransferState::Downloading);
    const auto startDownload = [&] {
        return bob->transfers()->download(chat, message.data(roles::MessageFileName).toString(),
                                          message.data(roles::MessageFileSize).toLongLong(),
                                          message.data(roles::MessageFileSha256).toByteArray());
    };
    const int downloadKey = startDownload();
    QTRY_VERIFY_WITH_TIMEOUT(download.paused, kWaitMs);
    QCOMPARE(stateOf(fileRow(received)), FileTransferState::Paused);
    const int pausedAt = fileRow(received).data(roles::MessageFileTransferProgress).toInt();
    QVERIFY(pausedAt > 0);
    const int rows = bob->transfers()->rowCount();
    download.lowestAfterPause = 101; // from here on: what the resumed download reports
    QCOMPARE(startDownload(), downloadKey);
    QCOMPARE(bob->transfers()->rowCount(), rows);
    QVERIFY(stateOf(fileRow(received)) != FileTransferState::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(fileRow(received)), FileTransferState::Downloaded, kWaitMs);
    QVERIFY2(
        download.lowestAfterPause >= pausedAt,
        qPrintable(
            QStringLiteral("restarted at %1 % after pausing at %2 %").arg(download.lowestAfterPause).arg(pausedAt)));
    QVERIFY(QFile::exists(bob->transfers()->downloadedPath(message.data(roles::MessageFileSha256).toByteArray())));
    QVERIFY(!QFile::exists(QDir(dir.filePath(QStringLiteral("bob"))).filePath(QStringLiteral("report (1).bin"))));
}

QTEST_GUILESS_MAIN(tst_FileBubbleState)
#include "tst_filebubblestate.moc"
