// Pasting (or dropping) a screenshot or files into a chat asks first: a PastePreviewDialog shows what would be
// sent, Cancel and Esc send nothing, Send (the default button) uploads it. The real ConversationView and
// ChatClient against a relay in-process on 127.0.0.1 (port 0), offscreen.

#include "appsettings.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "conversationview.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "pastepreviewdialog.h"
#include "screenshot/captureoverlay.h"
#include "screenshot/screenshottool.h"
#include "serverconfig.h"
#include "testserver.h"
#include "transfermanager.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

std::unique_ptr<ChatClient> loggedIn(const TestServer& relay, const QString& username)
{
    auto client = newClient();
    return enter(*client, relay, username, true) ? std::move(client) : nullptr;
}

QImage screenshot()
{
    QImage image(640, 400, QImage::Format_RGB32);
    image.fill(QColor(0x2d, 0x6c, 0xdf));
    QPainter painter(&image);
    painter.fillRect(40, 40, 300, 160, QColor(0xff, 0xc1, 0x07));
    painter.fillRect(360, 220, 240, 140, Qt::white);
    return image;
}

bool writeFile(const QString& path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray(int(size), 'x')) == size;
}

} // namespace

class tst_PastePreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void pastedImageAsksFirst();
    void pastedFilesAreListed();
    void droppedFilesAskToo();
    void tooLargeForTheServerIsRefused();
    void screenshotSendsThroughPreview();

private:
    /** The open preview dialog of the view, or nullptr. */
    PastePreviewDialog* dialog() const;
    /** Waits until the peer holds @p count messages of the chat; false when it holds another number. */
    bool peerHasFiles(int count);

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<ChatClient> m_peer;
    std::unique_ptr<ConversationView> m_view;
    ConversationId m_chat;
};

void tst_PastePreview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true); // pasted screenshots are saved under the cache location
    m_relay = std::make_unique<TestServer>(false);
    QVERIFY(m_relay->start());
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("lanchat.ini")));
    m_peer = loggedIn(*m_relay, QStringLiteral("bob"));
    m_client = loggedIn(*m_relay, QStringLiteral("alice"));
    QVERIFY(m_peer && m_client);
    QSignalSpy opened(m_client.get(), &ChatClient::conversationOpened);
    m_client->openPrivate(m_peer->currentUser().id);
    QVERIFY(opened.wait(kWaitMs));
    m_chat = opened.first().first().value<ConversationId>();
    m_peer->messages(m_chat); // loads, so that later messages arrive as rows
    m_view = std::make_unique<ConversationView>(m_client.get(), *m_settings);
    m_view->resize(800, 600);
    m_view->setConversation(m_chat);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_PastePreview::cleanupTestCase()
{
    m_view.reset();
    m_client.reset();
    m_peer.reset();
    m_relay.reset();
}

void tst_PastePreview::init()
{
    QTRY_VERIFY(!dialog()); // the previous test's dialog is gone (deleted on close)
}

PastePreviewDialog* tst_PastePreview::dialog() const
{
    return m_view->findChild<PastePreviewDialog*>();
}

bool tst_PastePreview::peerHasFiles(int count)
{
    MessagesModel* model = m_peer->messages(m_chat);
    return QTest::qWaitFor([&] { return model->rowCount() >= count; }, kWaitMs) && model->rowCount() == count;
}

void tst_PastePreview::pastedImageAsksFirst()
{
    TransferManager* transfers = m_client->transfers();
    const int before = transfers->rowCount();
    QGuiApplication::clipboard()->setImage(screenshot());
    MessageInput* input = m_view->input();
    input->setFocus();
    input->paste();

    PastePreviewDialog* preview = dialog();
    QVERIFY(preview);
    QVERIFY(preview->isVisible());
    QVERIFY(preview->sendButton()->isDefault());
    QVERIFY(preview->canSend());
    QVERIFY(!preview->findChild<QLabel*>(QStringLiteral("pasteThumbnail"))->pixmap().isNull());
    QCOMPARE(transfers->rowCount(), before); // nothing goes out before the user says so

    // Esc cancels: nothing is sent, nothing lands in the input.
    QTest::keyClick(preview, Qt::Key_Escape);
    QTRY_VERIFY(!dialog());
    QCOMPARE(transfers->rowCount(), before);
    QCOMPARE(input->toPlainText(), QString());

    // Pasted again, Enter presses Send: exactly one upload.
    input->paste();
    preview = dialog();
    QVERIFY(preview);
    const qint64 png = preview->imagePng().size();
    QVERIFY(png > 0);
    QTest::keyClick(preview, Qt::Key_Return);
    QTRY_VERIFY(!dialog());
    QCOMPARE(transfers->rowCount(), before + 1);
    QVERIFY(peerHasFiles(1));
    const QModelIndex received = m_peer->messages(m_chat)->index(0);
    QVERIFY(received.data(roles::MessageFileName).toString().endsWith(QStringLiteral(".png")));
    QCOMPARE(received.data(roles::MessageFileSize).toLongLong(), png);
    QCOMPARE(transfers->rowCount(), before + 1);
}

void tst_PastePreview::pastedFilesAreListed()
{
    TransferManager* transfers = m_client->transfers();
    const int before = transfers->rowCount();
    const QString a = m_dir.filePath(QStringLiteral("notes.txt"));
    const QString b = m_dir.filePath(QStringLiteral("data.csv"));
    QVERIFY(writeFile(a, 1200));
    QVERIFY(writeFile(b, 3400));
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(a), QUrl::fromLocalFile(b)});
    QGuiApplication::clipboard()->setMimeData(mime);
    m_view->input()->paste();

    PastePreviewDialog* preview = dialog();
    QVERIFY(preview);
    QCOMPARE(preview->files(), (QStringList{a, b}));
    auto* list = preview->findChild<QListWidget*>(QStringLiteral("pasteFiles"));
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().startsWith(QStringLiteral("notes.txt")));
    QCOMPARE(transfers->rowCount(), before);
    QTest::mouseClick(preview->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog());
    QCOMPARE(transfers->rowCount(), before + 2);
    QVERIFY(peerHasFiles(3));
}

void tst_PastePreview::droppedFilesAskToo()
{
    TransferManager* transfers = m_client->transfers();
    const int before = transfers->rowCount();
    const QString path = m_dir.filePath(QStringLiteral("dropped.bin"));
    QVERIFY(writeFile(path, 5000));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF pos(m_view->width() / 2.0, m_view->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view.get(), &drop);
    QVERIFY(drop.isAccepted());

    PastePreviewDialog* preview = dialog();
    QVERIFY(preview);
    QCOMPARE(preview->files(), QStringList{path});
    QTest::mouseClick(preview->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog());
    QCOMPARE(transfers->rowCount(), before);
}

void tst_PastePreview::tooLargeForTheServerIsRefused()
{
    // The server says how large a file may be, and the dialog checks against it.
    QCOMPARE(m_client->maxFileBytes(), ServerConfig().maxFileBytes);

    const QString small = m_dir.filePath(QStringLiteral("small.bin"));
    const QString big = m_dir.filePath(QStringLiteral("big.iso"));
    QVERIFY(writeFile(small, 500));
    QVERIFY(writeFile(big, 2000));
    PastePreviewDialog preview(QStringLiteral("Bob"), 1000);
    preview.setFiles({small, big, m_dir.path()});
    preview.show();
    QVERIFY(!preview.canSend());
    QVERIFY(!preview.sendButton()->isEnabled());
    QVERIFY(!preview.sendButton()->isDefault()); // Enter does nothing, and Send does not look live
    QVERIFY(preview.problemText().contains(QStringLiteral("big.iso")));
    QVERIFY(preview.problemText().contains(QFileInfo(m_dir.path()).fileName())); // a folder is not sent
    QCOMPARE(preview.files(), (QStringList{small, big}));

    preview.setFiles({small});
    QVERIFY(preview.canSend());
    QVERIFY(preview.sendButton()->isDefault());
    QVERIFY(preview.problemText().isEmpty());

    // A screenshot larger than the limit.
    PastePreviewDialog image(QStringLiteral("Bob"), 100);
    image.setImage(screenshot());
    QVERIFY(!image.canSend());
    QVERIFY(!image.problemText().isEmpty());
}

// The screenshot tool's Send goes the way of a pasted picture: the preview first, then one upload of the region.
void tst_PastePreview::screenshotSendsThroughPreview()
{
    ScreenshotTool::setHideWindow(*m_settings, false);
    const int received = m_peer->messages(m_chat)->rowCount();
    const int before = m_client->transfers()->rowCount();
    auto* button = m_view->findChild<QToolButton*>(QStringLiteral("screenshotButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    CaptureOverlay* overlay = nullptr;
    QTRY_VERIFY((overlay = m_view->findChild<ScreenshotTool*>()->overlay()));
    QVERIFY(QTest::qWaitForWindowExposed(overlay));
    QTest::mousePress(overlay, Qt::LeftButton, {}, QPoint(20, 20));
    QTest::mouseMove(overlay, QPoint(140, 100));
    QTest::mouseRelease(overlay, Qt::LeftButton, {}, QPoint(140, 100));
    QCOMPARE(overlay->selection(), QRect(20, 20, 120, 80));
    const qreal ratio = overlay->devicePixelRatioF();
    QTest::mouseClick(overlay->findChild<QToolButton*>(QStringLiteral("screenshotSendButton")), Qt::LeftButton);

    PastePreviewDialog* preview = nullptr;
    QTRY_VERIFY((preview = dialog()));
    const QImage image = QImage::fromData(preview->imagePng(), "PNG");
    QCOMPARE(image.size(), (QSizeF(120, 80) * ratio).toSize());
    QCOMPARE(m_client->transfers()->rowCount(), before); // not before the user confirms
    QTest::mouseClick(preview->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog());
    QCOMPARE(m_client->transfers()->rowCount(), before + 1);
    QVERIFY(peerHasFiles(received + 1));
}

QTEST_MAIN(tst_PastePreview)
#include "tst_pastepreview.moc"
