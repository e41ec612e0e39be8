// Recall and edit in the real main window against a real relay in-process (127.0.0.1, port 0): the context menu
// entries, editing in the input under the "Editing message" bar (Enter saves, Esc cancels), the recalled line with
// "Re-edit", and what the other side's client shows. No sleeps: QTRY_* and QSignalSpy::wait only.
// With LANCHAT_SHOTS_DIR set, the chat is also written there as PNGs in English and Chinese.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

QModelIndex rowWithSeq(const QListView* list, Seq seq)
{
    return findRow(list->model(), roles::MessageSeq, QVariant::fromValue(qint64(seq)));
}

} // namespace

class tst_RecallEditView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void editInTheInput();
    void escapeCancelsEditing();
    void recallAndReEdit();
    void noEntriesOnOthersMessages();

private:
    /** Opens the message list's context menu on @p index; returns the object names of its recall/edit entries
     * and triggers the one named @p trigger (if given). */
    QStringList menuOn(const QModelIndex& index, const QString& trigger = {});
    void shoot(const QString& name);
    Seq sendFromBob(const QString& text);

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_chat;
    Seq m_edited = 0;
};

void tst_RecallEditView::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = std::make_unique<ChatClient>();
    m_alice->setSettings(nullptr);
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(nullptr);
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    m_chat = openPrivate(*m_alice, m_bob->currentUser().id);
    QVERIFY(m_chat.isValid());
    m_alice->sendText(m_chat, QStringLiteral("Are we still on for the review?"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->messages(m_chat)->storedCount(), 1, kWaitMs);
    m_window = std::make_unique<MainWindow>(m_bob.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 560);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    m_window->openConversation(m_chat);
}

void tst_RecallEditView::cleanupTestCase()
{
    m_window.reset();
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

QStringList tst_RecallEditView::menuOn(const QModelIndex& index, const QString& trigger)
{
    QListView* list = m_window->conversationView()->messageList();
    list->scrollTo(index);
    QStringList names;
    QTimer::singleShot(0, this, [&names, trigger] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions()) {
            // Only this feature's entries: reply, forward and the others have their own tests.
            if (action->objectName().startsWith(QLatin1String("recall")) ||
                action->objectName().endsWith(QLatin1String("ditAction")))
                names.append(action->objectName());
            if (!trigger.isEmpty() && action->objectName() == trigger)
                action->trigger();
        }
        menu->close();
    });
    Q_EMIT list->customContextMenuRequested(list->visualRect(index).center());
    return names;
}

void tst_RecallEditView::shoot(const QString& name)
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

Seq tst_RecallEditView::sendFromBob(const QString& text)
{
    MessageInput* input = m_window->conversationView()->input();
    QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
    MessagesModel* model = m_bob->messages(m_chat);
    const int before = model->storedCount();
    if (!QTest::qWaitFor([&] { return model->storedCount() > before; }, kWaitMs))
        return 0;
    return model->newestSeq();
}

void tst_RecallEditView::editInTheInput()
{
    m_edited = sendFromBob(QStringLiteral("Yes, at 3 pm"));
    QVERIFY(m_edited > 0);
    QListView* list = m_window->conversationView()->messageList();
    MessageInput* input = m_window->conversationView()->input();
    QWidget* bar = child<QWidget>(m_window.get(), "editingBar");
    QVERIFY(bar && !bar->isVisible());

    QVERIFY(menuOn(rowWithSeq(list, m_edited), QStringLiteral("editAction")).contains(QStringLiteral("recallAction")));
    QVERIFY(bar->isVisible());
    QCOMPARE(input->toPlainText(), QStringLiteral("Yes, at 3 pm"));
    QCOMPARE(child<QLabel>(bar, "editingBarLabel")->text(), QStringLiteral("Editing message · Esc to cancel"));
    shoot(QStringLiteral("editing"));
    input->selectAll();
    QTest::keyClicks(input, QStringLiteral("Yes, at 4 pm"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(!bar->isVisible());
    QCOMPARE(input->toPlainText(), QString());

    MessagesModel* alices = m_alice->messages(m_chat);
    QTRY_COMPARE_WITH_TIMEOUT(alices->index(alices->rowOfSeq(m_edited)).data(roles::MessageText).toString(),
                              QStringLiteral("Yes, at 4 pm"), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithSeq(list, m_edited).data(roles::MessageEditedTime).toDateTime().isValid(), kWaitMs);
    QCOMPARE(m_bob->messages(m_chat)->storedCount(), 2); // an edit, not a new message
}

void tst_RecallEditView::escapeCancelsEditing()
{
    QListView* list = m_window->conversationView()->messageList();
    MessageInput* input = m_window->conversationView()->input();
    QWidget* bar = child<QWidget>(m_window.get(), "editingBar");
    QTest::keyClicks(input, QStringLiteral("half-typed"));
    menuOn(rowWithSeq(list, m_edited), QStringLiteral("editAction"));
    QVERIFY(bar->isVisible());
    QCOMPARE(input->toPlainText(), QStringLiteral("Yes, at 4 pm"));
    QTest::keyClick(input, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(input->toPlainText(), QStringLiteral("half-typed")); // what was typed before comes back
    input->clear();
}

void tst_RecallEditView::recallAndReEdit()
{
    QListView* list = m_window->conversationView()->messageList();
    MessageInput* input = m_window->conversationView()->input();
    const Seq seq = sendFromBob(QStringLiteral("Wrong chat, sorry"));
    QVERIFY(seq > 0);
    menuOn(rowWithSeq(list, seq), QStringLiteral("recallAction"));
    QTRY_VERIFY_WITH_TIMEOUT(rowWithSeq(list, seq).data(roles::MessageRecalled).toBool(), kWaitMs);
    QCOMPARE(rowWithSeq(list, seq).data(roles::MessageText).toString(), QStringLiteral("You recalled a message"));
    MessagesModel* alices = m_alice->messages(m_chat);
    QTRY_COMPARE_WITH_TIMEOUT(alices->index(alices->rowOfSeq(seq)).data(roles::MessageText).toString(),
                              QStringLiteral("BOB recalled a message"), kWaitMs);
    shoot(QStringLiteral("recalled"));

    const QStringList entries = menuOn(rowWithSeq(list, seq), QStringLiteral("reEditAction"));
    QCOMPARE(entries, QStringList{QStringLiteral("reEditAction")}); // neither recall nor edit on a recalled line
    QCOMPARE(input->toPlainText(), QStringLiteral("Wrong chat, sorry"));
    input->clear();
}

void tst_RecallEditView::noEntriesOnOthersMessages()
{
    QListView* list = m_window->conversationView()->messageList();
    const QModelIndex alices = list->model()->index(0, 0);
    QVERIFY(!alices.data(roles::MessageIsOwn).toBool());
    QCOMPARE(menuOn(alices), QStringList());
}

QTEST_MAIN(tst_RecallEditView)
#include "tst_recalleditview.moc"
