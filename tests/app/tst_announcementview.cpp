// The announcement channel in the desktop app, against a real relay in-process (127.0.0.1, port 0): a notice
// posted the way `lanchat-server broadcast` posts it counts as unread, raises a tray notification titled with
// the channel's translated name, is drawn as a notice card, and the chat offers no input but says why, in
// English and in Chinese. Renders the chat to PNG (light and dark) when LANCHAT_SCREENSHOT_DIR is set.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "framecodec.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messageposter.h"
#include "messages/chatmessages.h"
#include "modelroles.h"
#include "relayserver.h"
#include "sessionregistry.h"
#include "storage.h"
#include "testserver.h"
#include "traycontroller.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

/**
 * What `lanchat-server broadcast` does through admin.sock (AdminChannel::broadcast): the channel in storage,
 * every account a member, the `conversation` push, then the notice as a system message. The stored name is
 * deliberately not "Announcements": clients show their own translated title.
 */
ConversationId createChannel(RelayServer& relay, const QList<UserId>& members)
{
    Storage& storage = relay.storage();
    const ConversationId channel = storage.createGroup(QStringLiteral("Company notices"), members.first(), members);
    if (!channel.isValid() || !storage.setAnnouncementChannel(channel))
        return {};
    for (UserId member : members) {
        if (const auto info = storage.conversation(channel, member))
            relay.sessions().pushToUsers({member}, FrameCodec::encode(ConversationOk{*info}.encode("conversation")));
    }
    return channel;
}

void postNotice(RelayServer& relay, ConversationId channel, const QString& text)
{
    relay.poster().post({channel, UserId(), QUuid(), MessageKind::System, text, std::nullopt}, nullptr,
                        [](const std::optional<AppendResult>&) {});
}

void saveShot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class tst_AnnouncementView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noticeCountsNotifiesAndIsReadOnly();
    void chineseAndDark();

private:
    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<ChatClient> m_peer;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_channel;
};

void tst_AnnouncementView::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("lanchat.ini")));
    m_peer = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_peer, *m_desk.relay, QStringLiteral("bob")));
    m_client = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_client, *m_desk.relay, QStringLiteral("alice")));
    m_window = std::make_unique<MainWindow>(m_client.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 600);
}

void tst_AnnouncementView::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_peer.reset();
    m_desk.relay.reset();
}

void tst_AnnouncementView::noticeCountsNotifiesAndIsReadOnly()
{
    m_channel = createChannel(m_desk.relay->server(), {m_peer->currentUser().id, m_client->currentUser().id});
    QVERIFY(m_channel.isValid());
    const ConversationsModel* conversations = m_client->conversations();
    QTRY_VERIFY_WITH_TIMEOUT(conversations->conversation(m_channel).has_value(), kWaitMs);

    // Not looking at the window: the notice counts as unread and raises a notification.
    QSignalSpy received(m_client.get(), &ChatClient::messageReceived);
    postNotice(m_desk.relay->server(), m_channel, QStringLiteral("Fire drill at 10:00. Please leave by the stairs."));
    QVERIFY(received.wait(kWaitMs));
    const QModelIndex row = conversations->index(conversations->rowOf(m_channel), 0);
    QCOMPARE(row.data(roles::ConversationIsAnnouncements).toBool(), true);
    QCOMPARE(row.data(roles::ConversationTitle).toString(), QStringLiteral("Announcements"));
    QCOMPARE(row.data(roles::ConversationUnread).toInt(), 1);
    QCOMPARE(m_window->tray()->lastNotification().summary(),
             QStringLiteral("Announcements: Fire drill at 10:00. Please leave by the stairs."));

    // Opened: drawn as a notice, no input, and the reason in one line.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openConversation(m_channel);
    const QAbstractItemModel* messages = m_window->conversationView()->messageList()->model();
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() == 1, kWaitMs);
    QCOMPARE(messages->index(0, 0).data(roles::MessageIsAnnouncement).toBool(), true);
    auto* notice = m_window->findChild<QLabel*>(QStringLiteral("removedNotice"));
    auto* inputRow = m_window->findChild<QWidget*>(QStringLiteral("inputRow"));
    QVERIFY(notice && inputRow);
    QTRY_VERIFY_WITH_TIMEOUT(!notice->isHidden(), kWaitMs);
    QCOMPARE(notice->text(), QStringLiteral("Only administrators post here"));
    QVERIFY(!inputRow->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(row.data(roles::ConversationUnread).toInt(), 0, kWaitMs);
    saveShot(m_window.get(), QStringLiteral("announcements-en"));

    // An ordinary group's system lines stay small one-liners, neither unread nor notified.
    const QModelIndex card = messages->index(0, 0);
    QStyleOptionViewItem option;
    option.initFrom(m_window->conversationView()->messageList()->viewport());
    option.rect = QRect(0, 0, 700, 10);
    const int cardHeight = m_window->conversationView()->messageList()->itemDelegate()->sizeHint(option, card).height();
    QVERIFY2(cardHeight > 3 * QFontMetrics(option.font).height(), qPrintable(QString::number(cardHeight)));
}

void tst_AnnouncementView::chineseAndDark()
{
    m_desk.languages->apply(AppSettings::Language::Chinese);
    const ConversationsModel* conversations = m_client->conversations();
    QCOMPARE(conversations->titleOf(m_channel), QStringLiteral("公告"));
    auto* notice = m_window->findChild<QLabel*>(QStringLiteral("removedNotice"));
    QTRY_COMPARE_WITH_TIMEOUT(notice->text(), QStringLiteral("只有管理员可以在此发言"), kWaitMs);
    saveShot(m_window.get(), QStringLiteral("announcements-zh"));

    // The card takes its colours from the view's palette: a dark one keeps it readable.
    QListView* list = m_window->conversationView()->messageList();
    const QPalette light = list->palette();
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    list->setPalette(dark);
    saveShot(list, QStringLiteral("announcements-zh-dark"));
    m_desk.languages->apply(AppSettings::Language::English);
    saveShot(list, QStringLiteral("announcements-en-dark"));
    list->setPalette(light);
}

QTEST_MAIN(tst_AnnouncementView)
#include "tst_announcementview.moc"
