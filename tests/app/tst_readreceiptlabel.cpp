// The read receipt beside an own message (ReadReceiptLabel) and the list of who has read it (ReadersPopup) in a
// real ConversationView: "Sent"/"Read" in a private chat, "N/M read" in a group, a click that lists the names,
// both languages. Three users over the real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir).
// No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "messagedelegate.h"
#include "modelroles.h"
#include "readerspopup.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

QStringList itemTexts(const QListWidget* list)
{
    QStringList texts;
    for (int i = 0; list && i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}

} // namespace

class tst_ReadReceiptLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void privateChatSaysSentThenRead();
    void groupLabelListsWhoHasRead();

private:
    /** A ConversationView of alice showing @p conversation, 640×480, active. */
    std::unique_ptr<ConversationView> makeView(ConversationId conversation);
    /** The row of alice's message @p text in @p view once it is stored and its members are known. */
    QModelIndex storedRow(ConversationView& view, const QString& text);
    /** The delegate's layout option for @p index in the message list of @p view. */
    static QStyleOptionViewItem optionFor(QListView* list, const QModelIndex& index);
    /** With LANCHAT_SHOTS_DIR set, saves @p widget there as <name>-en.png and <name>-zh.png. */

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<ChatClient> m_carol;
};

void tst_ReadReceiptLabel::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = newClient();
    m_bob = newClient();
    m_carol = newClient();
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_desk.relay, QStringLiteral("carol"), true));
}

void tst_ReadReceiptLabel::cleanupTestCase()
{
    m_carol.reset();
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

std::unique_ptr<ConversationView> tst_ReadReceiptLabel::makeView(ConversationId conversation)
{
    auto view = std::make_unique<ConversationView>(m_alice.get(), *m_desk.settings);
    view->setConversation(conversation);
    view->resize(640, 480);
    view->show();
    QApplication::setActiveWindow(view.get());
    return view;
}

QModelIndex tst_ReadReceiptLabel::storedRow(ConversationView& view, const QString& text)
{
    auto* list = child<QListView>(&view, "messageList");
    if (!list)
        return {};
    QModelIndex index;
    const bool ready = QTest::qWaitFor(
        [&] {
            index = findRow(list->model(), roles::MessageText, text);
            return index.isValid() && index.data(roles::MessageSeq).toLongLong() > 0 &&
                   index.data(roles::MessageReadTotal).toInt() > 0;
        },
        kWaitMs);
    if (!ready)
        return {};
    list->scrollTo(index);
    return index;
}

QStyleOptionViewItem tst_ReadReceiptLabel::optionFor(QListView* list, const QModelIndex& index)
{
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualRect(index);
    option.font = list->font();
    option.widget = list;
    return option;
}

void tst_ReadReceiptLabel::privateChatSaysSentThenRead()
{
    const ConversationId chat = openPrivate(*m_alice, m_bob->currentUser().id);
    QVERIFY(chat.isValid());
    m_alice->sendText(chat, QStringLiteral("Lunch at noon?"));
    auto view = makeView(chat);
    const QModelIndex index = storedRow(*view, QStringLiteral("Lunch at noon?"));
    QVERIFY(index.isValid());
    auto* list = child<QListView>(view.get(), "messageList");
    auto* delegate = list->findChild<MessageDelegate*>(); // wrapped by the unread divider
    QVERIFY(delegate);
    QCOMPARE(delegate->statusText(index), QStringLiteral("Sent"));
    QVERIFY(delegate->readLabelRect(optionFor(list, index), index).isEmpty()); // nothing to list in a private chat
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QCOMPARE(delegate->statusText(index), QStringLiteral("未读"));

    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(chat), 1, kWaitMs);
    m_bob->markRead(chat);
    QTRY_COMPARE_WITH_TIMEOUT(delegate->statusText(index), QStringLiteral("已读"), kWaitMs);
    m_desk.languages->apply(AppSettings::Language::English);
    QCOMPARE(delegate->statusText(index), QStringLiteral("Read"));
    m_desk.shoot(view.get(), QStringLiteral("receipts-private"));
}

void tst_ReadReceiptLabel::groupLabelListsWhoHasRead()
{
    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("Design review"), {m_bob->currentUser().id, m_carol->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    m_alice->sendText(group, QStringLiteral("Slides are in the shared folder"));
    auto view = makeView(group);
    const QModelIndex index = storedRow(*view, QStringLiteral("Slides are in the shared folder"));
    QVERIFY(index.isValid());
    auto* list = child<QListView>(view.get(), "messageList");
    auto* delegate = list->findChild<MessageDelegate*>(); // wrapped by the unread divider
    QVERIFY(delegate);
    QTRY_COMPARE_WITH_TIMEOUT(delegate->statusText(index), QStringLiteral("0/2 read"), kWaitMs);

    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->unread(group) > 0, kWaitMs);
    m_bob->markRead(group);
    QTRY_COMPARE_WITH_TIMEOUT(delegate->statusText(index), QStringLiteral("1/2 read"), kWaitMs);
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QCOMPARE(delegate->statusText(index), QStringLiteral("1/2 已读"));
    m_desk.languages->apply(AppSettings::Language::English);

    // A click on the label lists who has read it and who has not.
    const QRect label = delegate->readLabelRect(optionFor(list, index), index);
    QVERIFY(!label.isEmpty());
    QVERIFY(list->viewport()->rect().contains(label));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, label.center());
    ReadersPopup* popup = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((popup = view->findChild<ReadersPopup*>()) && popup->isVisible(), kWaitMs);
    QCOMPARE(popup->readers(), QStringList{QStringLiteral("BOB")});
    QCOMPARE(popup->nonReaders(), QStringList{QStringLiteral("CAROL")});
    QCOMPARE(itemTexts(child<QListWidget>(popup, "readersList")), QStringList{QStringLiteral("BOB")});
    QCOMPARE(itemTexts(child<QListWidget>(popup, "nonReadersList")), QStringList{QStringLiteral("CAROL")});
    m_desk.shoot(popup, QStringLiteral("receipts-popup"));
    m_desk.shoot(view.get(), QStringLiteral("receipts-group"));

    // It follows a receipt that arrives while it is open.
    QTRY_VERIFY_WITH_TIMEOUT(m_carol->conversations()->unread(group) > 0, kWaitMs);
    m_carol->markRead(group);
    QTRY_COMPARE_WITH_TIMEOUT(popup->readers(), (QStringList{QStringLiteral("BOB"), QStringLiteral("CAROL")}), kWaitMs);
    QVERIFY(popup->nonReaders().isEmpty());
    QVERIFY(!child<QListWidget>(popup, "nonReadersList")->isVisible());
    QCOMPARE(delegate->statusText(index), QStringLiteral("2/2 read"));
    popup->close();
    QTRY_VERIFY_WITH_TIMEOUT(!view->findChild<ReadersPopup*>(), kWaitMs);
}

QTEST_MAIN(tst_ReadReceiptLabel)
#include "tst_readreceiptlabel.moc"
