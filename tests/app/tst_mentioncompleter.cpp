// @mentions and typing in the real main window against a real relay in-process (127.0.0.1, port 0): typing `@`
// in a group opens the member completer, which filters by prefix, moves with Up/Down, inserts `@Name ` on Enter,
// Tab or a click, closes on Esc, offers "everyone" only to the group's owner, and the sent message carries the
// ids; a mention shows "[@me]" in the list until read; "X is typing…" replaces the header's subtitle and expires.
// No sleeps: QTRY_* and QSignalSpy::wait only. With LANCHAT_SHOTS_DIR set, the states are written there as PNGs.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "mentioncompleter.h"
#include "mentioncontroller.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "sidebar.h"
#include "testserver.h"
#include "typingindicator.h"
#include "typingtracker.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

QStringList rows(const MentionCompleter* completer)
{
    QStringList names;
    for (const MentionCandidate& c : completer->candidates())
        names.append(c.everyone ? QStringLiteral("*") : c.displayName);
    return names;
}

} // namespace

class tst_MentionCompleter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void opensOnAtAndFiltersByPrefix();
    void enterInsertsAndTheMessageCarriesTheId();
    void tabAndClickInsertEscCloses();
    void everyoneOnlyForTheOwner();
    void noCompleterInAPrivateChat();
    void mentionMarksTheListUntilRead();
    void typingLineAppearsAndExpires();

private:
    ConversationId group(ChatClient& owner, const QString& name, const QList<UserId>& members);
    void shoot(const QString& name);
    MessageInput* input() const { return m_window->conversationView()->input(); }
    MentionCompleter* completer() const { return m_window->conversationView()->mentions()->completer(); }

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice, m_carol, m_cathy, m_bob;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_bobsGroup;   ///< owned by bob: alice, carol, cathy
    ConversationId m_alicesGroup; ///< owned by alice: bob, carol
    ConversationId m_private;     ///< bob and alice
};

void tst_MentionCompleter::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = newClient();
    m_carol = newClient();
    m_cathy = newClient();
    m_bob = newClient();
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_carol, *m_desk.relay, QStringLiteral("carol"), true));
    QVERIFY(enter(*m_cathy, *m_desk.relay, QStringLiteral("cathy"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    m_window = std::make_unique<MainWindow>(m_bob.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 560);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_bobsGroup = group(*m_bob, QStringLiteral("Design"),
                        {m_alice->currentUser().id, m_carol->currentUser().id, m_cathy->currentUser().id});
    m_alicesGroup = group(*m_alice, QStringLiteral("Ops"), {m_bob->currentUser().id, m_carol->currentUser().id});
    QVERIFY(m_bobsGroup.isValid() && m_alicesGroup.isValid());
    m_private = openPrivate(*m_bob, m_alice->currentUser().id);
    QVERIFY(m_private.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->rowOf(m_alicesGroup) >= 0, kWaitMs);
}

void tst_MentionCompleter::cleanupTestCase()
{
    m_window.reset();
    m_bob.reset();
    m_cathy.reset();
    m_carol.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

void tst_MentionCompleter::init()
{
    m_window->openConversation(m_bobsGroup);
    input()->clear();
    QVERIFY(completer()->isHidden());
}

ConversationId tst_MentionCompleter::group(ChatClient& owner, const QString& name, const QList<UserId>& members)
{
    QSignalSpy opened(&owner, &ChatClient::conversationOpened);
    owner.createGroup(name, members);
    if (!opened.wait(kWaitMs))
        return {};
    return opened.first().first().value<ConversationId>();
}

void tst_MentionCompleter::shoot(const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    for (const auto language : {AppSettings::Language::English, AppSettings::Language::Chinese}) {
        m_desk.languages->apply(language);
        QApplication::processEvents();
        const QString suffix = language == AppSettings::Language::English ? QStringLiteral("en") : QStringLiteral("zh");
        m_window->grab().save(dir + QLatin1Char('/') + name + QLatin1Char('-') + suffix + QStringLiteral(".png"));
    }
    m_desk.languages->apply(AppSettings::Language::English);
}

void tst_MentionCompleter::opensOnAtAndFiltersByPrefix()
{
    QTest::keyClicks(input(), QStringLiteral("hi "));
    QVERIFY(completer()->isHidden());
    QTest::keyClicks(input(), QStringLiteral("@"));
    QTRY_VERIFY(!completer()->isHidden());
    // Bob owns the group: "everyone" first, then the other members by name, never himself.
    QCOMPARE(rows(completer()), (QStringList{QStringLiteral("*"), QStringLiteral("ALICE"), QStringLiteral("CAROL"),
                                             QStringLiteral("CATHY")}));
    shoot(QStringLiteral("mention-completer"));
    QTest::keyClicks(input(), QStringLiteral("ca"));
    QCOMPARE(rows(completer()), (QStringList{QStringLiteral("CAROL"), QStringLiteral("CATHY")}));
    QTest::keyClicks(input(), QStringLiteral("r"));
    QCOMPARE(rows(completer()), QStringList{QStringLiteral("CAROL")});
    // By username too, case-insensitively.
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(input(), Qt::Key_Backspace);
    QCOMPARE(rows(completer()).size(), 4); // back to the bare "@"
    QTest::keyClicks(input(), QStringLiteral("A"));
    QCOMPARE(rows(completer()), (QStringList{QStringLiteral("*"), QStringLiteral("ALICE")}));
    QTest::keyClicks(input(), QStringLiteral("x"));
    QVERIFY(completer()->isHidden()); // nothing matches
    // An @ inside a word (an e-mail address) is no mention.
    input()->clear();
    QTest::keyClicks(input(), QStringLiteral("bob@"));
    QVERIFY(completer()->isHidden());
}

void tst_MentionCompleter::enterInsertsAndTheMessageCarriesTheId()
{
    QTest::keyClicks(input(), QStringLiteral("@c"));
    QTRY_VERIFY(!completer()->isHidden());
    QTest::keyClick(input(), Qt::Key_Down); // CAROL → CATHY
    QTest::keyClick(input(), Qt::Key_Down); // wraps around to CAROL
    QTest::keyClick(input(), Qt::Key_Up);   // CATHY
    QTest::keyClick(input(), Qt::Key_Up);   // CAROL
    QCOMPARE(completer()->current()->displayName, QStringLiteral("CAROL"));
    QTest::keyClick(input(), Qt::Key_Return);
    QCOMPARE(input()->toPlainText(), QStringLiteral("@CAROL "));
    QVERIFY(completer()->isHidden());
    QTest::keyClicks(input(), QStringLiteral("please check"));
    QSignalSpy received(m_carol.get(), &ChatClient::messageReceived);
    QTest::keyClick(input(), Qt::Key_Return); // now Enter sends
    QVERIFY(received.wait(kWaitMs));
    const auto message = received.first().first().value<MessageRecord>();
    QCOMPARE(message.text, QStringLiteral("@CAROL please check"));
    QCOMPARE(message.mentions.users, QList<UserId>{m_carol->currentUser().id});
    QVERIFY(!message.mentions.all);
    QTRY_VERIFY_WITH_TIMEOUT(m_carol->conversations()->isMentioned(m_bobsGroup), kWaitMs);
    QVERIFY(!m_cathy->conversations()->isMentioned(m_bobsGroup));
}

void tst_MentionCompleter::tabAndClickInsertEscCloses()
{
    QTest::keyClicks(input(), QStringLiteral("@al"));
    QTRY_VERIFY(!completer()->isHidden());
    QTest::keyClick(input(), Qt::Key_Escape);
    QVERIFY(completer()->isHidden());
    QCOMPARE(input()->toPlainText(), QStringLiteral("@al"));
    QTest::keyClicks(input(), QStringLiteral("i"));
    QTRY_VERIFY(!completer()->isHidden());
    QTest::keyClick(input(), Qt::Key_Tab);
    QCOMPARE(input()->toPlainText(), QStringLiteral("@ALICE "));

    QTest::keyClicks(input(), QStringLiteral("and @"));
    QTRY_VERIFY(!completer()->isHidden());
    QListWidgetItem* cathy = completer()->item(3);
    QCOMPARE(completer()->candidates().at(3).displayName, QStringLiteral("CATHY"));
    QTest::mouseClick(completer()->viewport(), Qt::LeftButton, {}, completer()->visualItemRect(cathy).center());
    QCOMPARE(input()->toPlainText(), QStringLiteral("@ALICE and @CATHY "));
    // A name deleted before sending is no mention any more; @all typed by hand without the completer neither.
    QTest::keyClicks(input(), QStringLiteral("@all"));
    QTest::keyClick(input(), Qt::Key_Escape);
    const Mentions mentions =
        m_window->conversationView()->mentions()->takeMentions(QStringLiteral("@CATHY only @all"));
    QCOMPARE(mentions.users, QList<UserId>{m_cathy->currentUser().id});
    QVERIFY(!mentions.all);
    input()->clear();
}

void tst_MentionCompleter::everyoneOnlyForTheOwner()
{
    // Bob owns Design: picking "everyone" inserts @all and sends mention_all.
    QTest::keyClicks(input(), QStringLiteral("@"));
    QTRY_VERIFY(!completer()->isHidden());
    QVERIFY(completer()->current()->everyone);
    QTest::keyClick(input(), Qt::Key_Return);
    QCOMPARE(input()->toPlainText(), QStringLiteral("@all "));
    QTest::keyClicks(input(), QStringLiteral("standup now"));
    QSignalSpy received(m_cathy.get(), &ChatClient::messageReceived);
    QTest::keyClick(input(), Qt::Key_Return);
    QVERIFY(received.wait(kWaitMs));
    QVERIFY(received.first().first().value<MessageRecord>().mentions.all);

    // In Alice's group bob is a plain member: no "everyone".
    m_window->openConversation(m_alicesGroup);
    QTest::keyClicks(input(), QStringLiteral("@"));
    QTRY_VERIFY(!completer()->isHidden());
    QCOMPARE(rows(completer()), (QStringList{QStringLiteral("ALICE"), QStringLiteral("CAROL")}));
    QTest::keyClick(input(), Qt::Key_Escape);
    input()->clear();
}

void tst_MentionCompleter::noCompleterInAPrivateChat()
{
    m_window->openConversation(m_private);
    QTest::keyClicks(input(), QStringLiteral("@"));
    QVERIFY(completer()->isHidden());
    input()->clear();
}

void tst_MentionCompleter::mentionMarksTheListUntilRead()
{
    m_window->openConversation(m_private);
    m_alice->sendText(m_alicesGroup, QStringLiteral("@BOB can you look?"), Mentions{{m_bob->currentUser().id}, false});
    const QAbstractItemModel* list = m_window->sidebar()->conversationList()->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(list, roles::ConversationId, m_alicesGroup.value()).data(roles::ConversationMentioned).toBool(),
        kWaitMs);
    shoot(QStringLiteral("mention-list"));
    m_window->openConversation(m_alicesGroup);
    QTRY_VERIFY_WITH_TIMEOUT(
        !findRow(list, roles::ConversationId, m_alicesGroup.value()).data(roles::ConversationMentioned).toBool(),
        kWaitMs);
    // The bubble knows it is about bob (the delegate highlights his name).
    const MessagesModel* messages = m_bob->messages(m_alicesGroup);
    const QModelIndex newest = messages->index(messages->storedCount() - 1);
    QVERIFY(newest.data(roles::MessageMentionsMe).toBool());
    QCOMPARE(newest.data(roles::MessageMentionOwnName).toString(), QStringLiteral("BOB"));
    shoot(QStringLiteral("mention-bubble"));
}

void tst_MentionCompleter::typingLineAppearsAndExpires()
{
    m_window->openConversation(m_private);
    auto* line = m_window->findChild<TypingIndicator*>(QStringLiteral("typingIndicator"));
    auto* subtitle = m_window->findChild<QLabel*>(QStringLiteral("conversationSubtitle"));
    QVERIFY(line && subtitle);
    QVERIFY(line->isHidden());
    m_alice->noteTyping(m_private);
    QTRY_VERIFY_WITH_TIMEOUT(!line->isHidden(), kWaitMs);
    QCOMPARE(line->text(), QStringLiteral("ALICE is typing…"));
    QVERIFY(subtitle->isHidden());
    shoot(QStringLiteral("typing"));

    // In a group, everyone typing is named; a message ends its sender's part at once.
    m_window->openConversation(m_bobsGroup);
    m_alice->noteTyping(m_bobsGroup);
    m_carol->noteTyping(m_bobsGroup);
    // In the order their notices arrived, which two connections do not fix.
    QTRY_VERIFY_WITH_TIMEOUT(line->text() == QStringLiteral("ALICE, CAROL are typing…") ||
                                 line->text() == QStringLiteral("CAROL, ALICE are typing…"),
                             kWaitMs);
    QVERIFY(!line->isHidden());
    m_carol->sendText(m_bobsGroup, QStringLiteral("done"));
    QTRY_COMPARE_WITH_TIMEOUT(line->text(), QStringLiteral("ALICE is typing…"), kWaitMs);

    // Without a message the line expires by itself, and the subtitle comes back.
    m_window->openConversation(m_alicesGroup);
    QVERIFY(line->isHidden());
    m_bob->typing()->setExpiryMs(300);
    QList<bool> visible;
    const auto watch = connect(m_bob->typing(), &TypingTracker::typingChanged, this, [&](ConversationId c) {
        if (c == m_alicesGroup)
            visible.append(!line->isHidden());
    });
    const auto unwatch = qScopeGuard([&] { disconnect(watch); }); // the lambda holds locals
    m_alice->noteTyping(m_alicesGroup);
    QTRY_COMPARE_WITH_TIMEOUT(visible.size(), 2, kWaitMs);
    QCOMPARE(visible, (QList<bool>{true, false}));
    QVERIFY(!subtitle->isHidden());
    m_bob->typing()->setExpiryMs(TypingTracker::kDefaultExpiryMs);
}

QTEST_MAIN(tst_MentionCompleter)
#include "tst_mentioncompleter.moc"
