// The transfers panel and its status-bar button against a real relay in-process (127.0.0.1, port 0): a new
// transfer leaves the panel closed and only updates the button; button and panel count the same transfers
// through every state change (pause, resume, finish); no speed is shown for a transfer that is not moving.

#include "appsettings.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "testserver.h"
#include "transfermanager.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

bool writeRandom(const QString& path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < bytes; written += block.size()) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
        if (file.write(block) != block.size())
            return false;
    }
    return true;
}

void saveShot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class tst_TransfersPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysClosedAndCountsAgree();
};

void tst_TransfersPanel::staysClosedAndCountsAgree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestServer relay(false);
    relay.config().maxFileBytes = 64 * 1024 * 1024;
    QVERIFY(relay.start());
    AppSettings settings(dir.filePath(QStringLiteral("lanchat.ini")));
    settings.setCloseToTray(false);
    settings.setDownloadDirectory(dir.filePath(QStringLiteral("downloads")));
    LanguageManager languages;
    languages.apply(AppSettings::Language::English);
    ChatClient peer;
    QVERIFY(signUp(peer, relay, QStringLiteral("bob")));
    ChatClient client;
    QVERIFY(signUp(client, relay, QStringLiteral("alice")));
    MainWindow window(&client, settings, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&client, &ChatClient::conversationOpened);
    client.openPrivate(peer.currentUser().id);
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId chat = opened.first().first().value<ConversationId>();

    window.openConversation(chat);
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("transfersDock"));
    auto* button = window.findChild<QToolButton*>(QStringLiteral("transfersButton"));
    auto* summary = window.findChild<QLabel*>(QStringLiteral("transfersSummary"));
    QVERIFY(dock && button && summary);
    QVERIFY(!dock->isVisible());

    // Paused in the same turn it starts: the button and the panel must both follow the pause at once.
    const QString path = dir.filePath(QStringLiteral("slides.bin"));
    QVERIFY(writeRandom(path, 8 * 1024 * 1024));
    TransferManager* transfers = client.transfers();
    const int key = transfers->upload(chat, path);
    QCOMPARE(button->text(), QStringLiteral("Transfers (1 active)"));
    QCOMPARE(summary->text(), QStringLiteral("1 active · 0 failed"));
    QVERIFY(!dock->isVisible());
    transfers->pause(key);
    QCOMPARE(button->text(), QStringLiteral("Transfers"));
    QCOMPARE(summary->text(), QStringLiteral("0 active · 0 failed"));
    const QModelIndex speed = transfers->index(0, TransferManager::SpeedColumn);
    QCOMPARE(speed.data(TransferManager::StateRole).toInt(), int(TransferManager::State::Paused));
    QCOMPARE(speed.data(Qt::DisplayRole).toString(), QString());
    QCOMPARE(speed.data(TransferManager::SpeedRole).toDouble(), 0.0);
    saveShot(&window, QStringLiteral("bubble-paused-en"));

    // While it runs: never a speed next to 0 bytes; the button and the panel agree after every change.
    QStringList wrong;
    QObject watch; // disconnects the checks before `wrong` goes away
    connect(transfers, &QAbstractItemModel::dataChanged, &watch, [&] {
        const QModelIndex row = transfers->index(0, TransferManager::SpeedColumn);
        if (row.data(TransferManager::BytesDoneRole).toLongLong() == 0 &&
            !row.data(Qt::DisplayRole).toString().isEmpty())
            wrong.append(QStringLiteral("speed at 0 bytes: ") + row.data(Qt::DisplayRole).toString());
    });
    connect(
        transfers, &QAbstractItemModel::dataChanged, &watch,
        [&] {
            const bool active = summary->text().startsWith(QStringLiteral("1 active"));
            if (active != (button->text() == QStringLiteral("Transfers (1 active)")))
                wrong.append(button->text() + QStringLiteral(" / ") + summary->text());
        },
        Qt::QueuedConnection);
    transfers->resume(key);
    QCOMPARE(button->text(), QStringLiteral("Transfers (1 active)"));
    QCOMPARE(summary->text(), QStringLiteral("1 active · 0 failed"));
    QTRY_COMPARE_WITH_TIMEOUT(transfers->index(0, 0).data(TransferManager::StateRole).toInt(),
                              int(TransferManager::State::Done), kWaitMs);
    QCOMPARE(button->text(), QStringLiteral("Transfers"));
    QCOMPARE(summary->text(), QStringLiteral("0 active · 0 failed"));
    QCOMPARE(transfers->index(0, TransferManager::SpeedColumn).data(Qt::DisplayRole).toString(), QString());
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    QVERIFY(!dock->isVisible());

    saveShot(&window, QStringLiteral("bubble-sent-en"));

    // The user opens it from its button.
    button->click();
    QVERIFY(dock->isVisible());
    saveShot(&window, QStringLiteral("transfers-open-en"));
    languages.apply(AppSettings::Language::Chinese);
    QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("文件传输"), kWaitMs);
    saveShot(&window, QStringLiteral("transfers-open-zh"));
}

QTEST_MAIN(tst_TransfersPanel)
#include "tst_transferspanel.moc"
