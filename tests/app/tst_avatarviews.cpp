// People's photos and status dots in the real main window against a real relay in-process (127.0.0.1, port 0),
// offscreen: bob uploads a pure blue picture (ProfileClient) while alice's window is open, and alice's contact list,
// chat list (private row; the group row keeps its initials), chat header, message rows and the group's member list
// paint it once it arrives (AvatarCache::avatarReady, no model reset); the status dots read busy and away in their
// colours. Pixels are read from grabs of the views. No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "avatarcache.h"
#include "avatarpixmaps.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "groupdialog.h"
#include "headeravatar.h"
#include "mainwindow.h"
#include "memberlistdelegate.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "ownstatus.h"
#include "profileclient.h"
#include "sidebar.h"
#include "statusbadgepainter.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
const QColor kBlue(0, 0, 255);

QByteArray solidPng(const QColor& colour)
{
    QImage picture(256, 256, QImage::Format_RGB32);
    picture.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    return bytes;
}

bool near(QRgb pixel, const QColor& colour)
{
    return qAbs(qRed(pixel) - colour.red()) <= 6 && qAbs(qGreen(pixel) - colour.green()) <= 6 &&
           qAbs(qBlue(pixel) - colour.blue()) <= 6;
}

/** How many pixels of @p widget inside @p area (widget coordinates) are @p colour. */
int countColour(QWidget* widget, const QRect& area, const QColor& colour)
{
    const QImage image = widget->grab().toImage();
    int count = 0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x)
            count += near(image.pixel(x, y), colour) ? 1 : 0;
    }
    return count;
}

/** Where a row's avatar is: the left of the row (every delegate puts it there, at most 60 px in). */
QRect avatarArea(const QRect& row)
{
    return QRect(row.left(), row.top(), 60, row.height());
}

/** The bottom-right quarter of a row's avatar area, where the status dot sits. */
QRect dotArea(const QRect& row)
{
    const QRect a = avatarArea(row);
    return QRect(a.left() + 25, a.center().y(), 35, a.height() / 2);
}

} // namespace

class tst_AvatarViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void photoArrivesInTheListsLive();
    void chatHeaderAndMessageRowsShowThePhoto();
    void memberListShowsThePhoto();
    void statusDotsInTheirColours();

private:
    QListView* list(const char* name) const { return child<QListView>(m_window.get(), name); }
    QRect rowOf(QListView* view, int role, qint64 value) const;

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice; ///< the app's user
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_group;
    ConversationId m_private;
    UserId m_bobId;
};

QRect tst_AvatarViews::rowOf(QListView* view, int role, qint64 value) const
{
    const QModelIndex index = findRow(view->model(), role, value);
    if (!index.isValid())
        return {};
    view->scrollTo(index);
    return view->visualRect(index);
}

void tst_AvatarViews::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = newClient();
    m_bob = newClient();
    m_alice->avatars()->setDirectory(m_desk.dir.filePath(QStringLiteral("alice-avatars")));
    m_bob->avatars()->setDirectory(m_desk.dir.filePath(QStringLiteral("bob-avatars")));
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    m_bobId = m_bob->currentUser().id;
    m_window = std::make_unique<MainWindow>(m_alice.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 560);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy opened(m_bob.get(), &ChatClient::conversationOpened);
    m_bob->createGroup(QStringLiteral("Design"), {m_alice->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.first().first().value<ConversationId>();
    m_private = openPrivate(*m_bob, m_alice->currentUser().id);
    QVERIFY(m_private.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->conversations()->rowOf(m_group) >= 0, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->conversations()->rowOf(m_private) >= 0, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->contacts()->user(m_bobId).has_value(), kWaitMs);
}

void tst_AvatarViews::cleanupTestCase()
{
    m_window.reset();
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

void tst_AvatarViews::photoArrivesInTheListsLive()
{
    QListView* contacts = list("contactList");
    QListView* chats = list("conversationList");
    QVERIFY(contacts && chats);
    // Initials first: no blue anywhere in bob's rows.
    QCOMPARE(countColour(chats->viewport(), avatarArea(rowOf(chats, roles::ConversationId, m_private.value())), kBlue),
             0);

    QSignalSpy ready(m_alice->avatars(), &AvatarCache::avatarReady);
    QSignalSpy reset(m_alice->contacts(), &QAbstractItemModel::modelReset);
    m_bob->profiles()->uploadAvatar(solidPng(kBlue));
    QTRY_VERIFY_WITH_TIMEOUT(!m_alice->contacts()->user(m_bobId)->avatar.isEmpty(), kWaitMs);
    // The views ask for the picture as they paint; it arrives with avatarReady and they repaint.
    QVERIFY(ready.count() > 0 || ready.wait(kWaitMs));
    // A circle of 40 px is about 1,250 pixels: most of it must be the photo.
    QTRY_VERIFY_WITH_TIMEOUT(
        countColour(chats->viewport(), avatarArea(rowOf(chats, roles::ConversationId, m_private.value())), kBlue) > 900,
        kWaitMs);
    QCOMPARE(countColour(chats->viewport(), avatarArea(rowOf(chats, roles::ConversationId, m_group.value())), kBlue),
             0);
    QCOMPARE(reset.count(), 0);
    // Decoded once: the same (hash, size, ratio) gives the same pixmap back, not a new decode.
    AvatarPixmaps* pixmaps = AvatarPixmaps::of(m_alice->avatars());
    QCOMPARE(AvatarPixmaps::of(m_alice->avatars()), pixmaps);
    const QByteArray hash = m_alice->contacts()->user(m_bobId)->avatar;
    const QPixmap first = pixmaps->pixmap(hash, 40, 1.0);
    QVERIFY(!first.isNull());
    QCOMPARE(first.size(), QSize(40, 40));
    QCOMPARE(pixmaps->pixmap(hash, 40, 1.0).cacheKey(), first.cacheKey());
    QCOMPARE(pixmaps->pixmap(hash, 80, 2.0).size(), QSize(160, 160));

    m_window->sidebar()->findChild<QTabWidget*>()->setCurrentWidget(contacts);
    QTRY_VERIFY_WITH_TIMEOUT(contacts->isVisible(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(countColour(contacts->viewport(),
                                         avatarArea(rowOf(contacts, roles::ContactUserId, m_bobId.value())),
                                         kBlue) > 900,
                             kWaitMs);
    m_desk.shoot(m_window.get(), QStringLiteral("avatar-contacts"));
    m_window->sidebar()->findChild<QTabWidget*>()->setCurrentWidget(chats);
}

void tst_AvatarViews::chatHeaderAndMessageRowsShowThePhoto()
{
    QSignalSpy received(m_alice.get(), &ChatClient::messageReceived);
    m_bob->sendText(m_private, QStringLiteral("my new photo"));
    QVERIFY(received.wait(kWaitMs));
    m_window->openConversation(m_private);
    auto* header = child<HeaderAvatar>(m_window.get(), "conversationAvatar");
    QVERIFY(header && header->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!header->picture().isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        near(header->grab().toImage().pixel(HeaderAvatar::kSize / 2 - 2, HeaderAvatar::kSize / 2 - 2), kBlue), kWaitMs);

    QListView* messages = list("messageList");
    QVERIFY(messages);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(messages->model(), roles::MessageText, QStringLiteral("my new photo")).isValid(),
                             kWaitMs);
    const QModelIndex row = findRow(messages->model(), roles::MessageText, QStringLiteral("my new photo"));
    QTRY_VERIFY_WITH_TIMEOUT(countColour(messages->viewport(), avatarArea(messages->visualRect(row)), kBlue) > 500,
                             kWaitMs);
    m_desk.shoot(m_window.get(), QStringLiteral("avatar-chat"));
}

void tst_AvatarViews::memberListShowsThePhoto()
{
    GroupDialog dialog(m_alice.get(), m_group, m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* members = child<QListWidget>(&dialog, "memberList");
    QVERIFY(members);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(members->model(), MemberListDelegate::UserIdRole, m_bobId.value()).isValid(),
                             kWaitMs);
    const QModelIndex bob = findRow(members->model(), MemberListDelegate::UserIdRole, m_bobId.value());
    // A circle of 32 px is about 800 pixels.
    QTRY_VERIFY_WITH_TIMEOUT(countColour(members->viewport(), avatarArea(members->visualRect(bob)), kBlue) > 500,
                             kWaitMs);
    const QModelIndex alice =
        findRow(members->model(), MemberListDelegate::UserIdRole, m_alice->currentUser().id.value());
    QCOMPARE(countColour(members->viewport(), avatarArea(members->visualRect(alice)), kBlue), 0);
}

void tst_AvatarViews::statusDotsInTheirColours()
{
    QListView* chats = list("conversationList");
    const QColor busy = StatusBadgePainter::color(QStringLiteral("busy"));
    const QColor away = StatusBadgePainter::color(QStringLiteral("away"));
    const auto dotPixels = [&](const QColor& colour) {
        return countColour(chats->viewport(), dotArea(rowOf(chats, roles::ConversationId, m_private.value())), colour);
    };
    QCOMPARE(dotPixels(busy), 0);

    OwnStatus bobStatus(m_bob.get());
    bobStatus.set(QStringLiteral("busy"), QString());
    QTRY_VERIFY_WITH_TIMEOUT(dotPixels(busy) > 40, kWaitMs);
    auto* header = child<HeaderAvatar>(m_window.get(), "conversationAvatar");
    QTRY_COMPARE_WITH_TIMEOUT(header->status(), QStringLiteral("busy"), kWaitMs);
    QVERIFY(countColour(header, header->rect(), busy) > 40);

    bobStatus.set(QStringLiteral("away"), QString());
    QTRY_VERIFY_WITH_TIMEOUT(dotPixels(away) > 20, kWaitMs);
    QCOMPARE(dotPixels(busy), 0);
    m_desk.shoot(m_window.get(), QStringLiteral("avatar-status"));

    // While alice is offline nobody's presence is known: no dot at all rather than a stale one.
    m_alice->disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(dotPixels(away) == 0, kWaitMs);
    QCOMPARE(header->status(), QString());
}

QTEST_MAIN(tst_AvatarViews)
#include "tst_avatarviews.moc"
