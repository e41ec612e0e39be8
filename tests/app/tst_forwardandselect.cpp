// Forwarding from the message list's context menu ("Forward…", a searchable conversation picker) and selecting part
// of a message's text with the mouse (drag, double-click, Ctrl+C and the menu's Copy), against a real relay
// in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir). No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "forwarddialog.h"
#include "languagemanager.h"
#include "messageactions.h"
#include "messagedelegate.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"
#include "textselection.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
const QString kLine = QStringLiteral("Hello world, the build is green");

} // namespace

class tst_ForwardAndSelect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void forwardsSelectedMessagesThroughTheMenu();
    void dragSelectsPartOfTheText();
    void doubleClickSelectsAWordAndMenuCopyCopiesIt();
    void clickCopiesTheWholeMessage();
    void offlineForwardIsSaid();

private:
    QModelIndex rowOf(const QString& text) const;
    QRect textRect(const QModelIndex& index) const;
    void mouse(QEvent::Type type, const QPoint& pos, Qt::MouseButtons buttons);
    /** Opens the context menu at @p pos and triggers its entry @p text (the menu runs its own event loop). */
    void chooseFromMenu(const QPoint& pos, const QString& text);

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<ChatClient> m_carol;
    ConversationId m_chat;  ///< alice and bob
    ConversationId m_group; ///< alice and carol
    std::unique_ptr<ConversationView> m_view;
};

void tst_ForwardAndSelect::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = newClient();
    m_bob = newClient();
    m_carol = newClient();
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_desk.relay, QStringLiteral("carol"), true));
    m_chat = openPrivate(*m_alice, m_bob->currentUser().id);
    QVERIFY(m_chat.isValid());
    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("Release team"), {m_carol->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.takeFirst().at(0).value<ConversationId>();
    QTRY_VERIFY_WITH_TIMEOUT(m_carol->conversations()->conversation(m_group).has_value(), kWaitMs);

    m_bob->sendText(m_chat, kLine);
    m_bob->sendText(m_chat, QStringLiteral("Ship it on Friday"));
    m_alice->sendText(m_chat, QStringLiteral("Agreed"));
    MessagesModel* model = m_alice->messages(m_chat);
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(model, roles::MessageText, QStringLiteral("Agreed")).isValid() &&
            findRow(model, roles::MessageText, QStringLiteral("Agreed")).data(roles::MessageSeq).toLongLong() > 0 &&
            findRow(model, roles::MessageText, QStringLiteral("Ship it on Friday")).isValid(),
        kWaitMs);
}

void tst_ForwardAndSelect::cleanupTestCase()
{
    m_carol.reset();
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

void tst_ForwardAndSelect::init()
{
    m_view = std::make_unique<ConversationView>(m_alice.get(), *m_desk.settings);
    m_view->resize(640, 480);
    m_view->show();
    QApplication::setActiveWindow(m_view.get());
    m_view->setConversation(m_chat);
    QTRY_VERIFY(rowOf(kLine).isValid());
    QTRY_VERIFY(!textRect(rowOf(kLine)).isNull() && m_view->messageList()->viewport()->rect().contains(
                                                        textRect(rowOf(QStringLiteral("Ship it on Friday")))));
    QApplication::clipboard()->clear();
}

void tst_ForwardAndSelect::cleanup()
{
    m_view.reset();
}

QModelIndex tst_ForwardAndSelect::rowOf(const QString& text) const
{
    return findRow(m_view->messageList()->model(), roles::MessageText, text);
}

QRect tst_ForwardAndSelect::textRect(const QModelIndex& index) const
{
    return m_view->textSelection()->textRect(index);
}

void tst_ForwardAndSelect::mouse(QEvent::Type type, const QPoint& pos, Qt::MouseButtons buttons)
{
    QWidget* viewport = m_view->messageList()->viewport();
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, pos, viewport->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

void tst_ForwardAndSelect::chooseFromMenu(const QPoint& pos, const QString& text)
{
    bool found = false;
    QTimer::singleShot(0, this, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions()) {
            if (action->text() == text) {
                found = true;
                action->trigger();
            }
        }
        menu->close();
    });
    Q_EMIT m_view->messageList()->customContextMenuRequested(pos);
    QVERIFY2(found, qPrintable(QStringLiteral("no menu entry \"%1\"").arg(text)));
}

void tst_ForwardAndSelect::forwardsSelectedMessagesThroughTheMenu()
{
    QListView* list = m_view->messageList();
    const QModelIndex first = rowOf(kLine);
    const QModelIndex second = rowOf(QStringLiteral("Ship it on Friday"));
    list->selectionModel()->select(first, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    list->selectionModel()->select(second, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    chooseFromMenu(list->visualRect(second).center(), QStringLiteral("Forward…"));

    ForwardDialog* dialog = m_view->actions()->dialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(child<QLabel>(dialog, "forwardSummary")->text(), QStringLiteral("Forward 2 messages to:"));
    auto* search = child<QLineEdit>(dialog, "forwardSearch");
    QTest::keyClicks(search, QStringLiteral("release"));
    QCOMPARE(dialog->target(), m_group);
    QTest::keyClicks(search, QStringLiteral("zzz"));
    QVERIFY(!dialog->target().isValid());
    QVERIFY(!child<QPushButton>(dialog, "forwardButton")->isEnabled());
    QVERIFY(child<QLabel>(dialog, "forwardNoMatch")->isVisible());
    search->setText(QStringLiteral("Release"));
    QCOMPARE(dialog->target(), m_group);
    QVERIFY(child<QPushButton>(dialog, "forwardButton")->isEnabled());
    m_desk.shoot(dialog, QStringLiteral("forward-picker"));
    QCOMPARE(child<QPushButton>(dialog, "forwardButton")->text(), QStringLiteral("Forward"));

    QSignalSpy forwarded(m_alice.get(), &ChatClient::forwarded);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(forwarded.wait(kWaitMs));
    QCOMPARE(forwarded.first().at(1).value<ConversationId>(), m_group);
    // Carol, in the group only, gets both, in the order they were sent, from Alice.
    MessagesModel* carolSees = m_carol->messages(m_group);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(carolSees, roles::MessageText, QStringLiteral("Ship it on Friday")).isValid(),
                             kWaitMs);
    const QModelIndex copy = findRow(carolSees, roles::MessageText, kLine);
    QVERIFY(copy.isValid());
    QVERIFY(copy.row() < findRow(carolSees, roles::MessageText, QStringLiteral("Ship it on Friday")).row());
    QCOMPARE(copy.data(roles::MessageSenderId).toLongLong(), m_alice->currentUser().id.value());
}

void tst_ForwardAndSelect::dragSelectsPartOfTheText()
{
    const QModelIndex index = rowOf(kLine);
    const QRect text = textRect(index);
    QVERIFY(!text.isNull());
    const QFontMetrics fm(m_view->messageList()->font());
    const QPoint start(text.left() + 1, text.center().y());
    const QPoint end(text.left() + fm.horizontalAdvance(QStringLiteral("Hello world")), text.center().y());
    QWidget* viewport = m_view->messageList()->viewport();
    const QImage before = viewport->grab(text).toImage();
    mouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
    // Pressing starts a selection (the row is selected as before) but the text is drawn exactly as it was.
    QCOMPARE(viewport->grab(text).toImage(), before);
    mouse(QEvent::MouseMove, (start + end) / 2, Qt::LeftButton);
    mouse(QEvent::MouseMove, end, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, end, Qt::NoButton);
    QCOMPARE(m_view->textSelection()->selectedText(), QStringLiteral("Hello world"));
    // The drag did not select rows beyond the pressed one.
    QVERIFY(m_view->messageList()->selectionModel()->selectedRows().size() <= 1);
    m_desk.shoot(m_view.get(), QStringLiteral("text-selection"));

    QTest::keySequence(m_view->messageList(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Hello world"));
}

void tst_ForwardAndSelect::doubleClickSelectsAWordAndMenuCopyCopiesIt()
{
    const QModelIndex index = rowOf(QStringLiteral("Ship it on Friday"));
    const QRect text = textRect(index);
    const QFontMetrics fm(m_view->messageList()->font());
    // In the middle of "Friday".
    const QPoint onWord(text.left() + fm.horizontalAdvance(QStringLiteral("Ship it on Fri")), text.center().y());
    QTest::mouseDClick(m_view->messageList()->viewport(), Qt::LeftButton, Qt::NoModifier, onWord);
    QCOMPARE(m_view->textSelection()->selectedText(), QStringLiteral("Friday"));
    chooseFromMenu(onWord, QStringLiteral("Copy"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Friday"));
}

void tst_ForwardAndSelect::clickCopiesTheWholeMessage()
{
    const QModelIndex index = rowOf(kLine);
    const QRect text = textRect(index);
    QTest::mouseClick(m_view->messageList()->viewport(), Qt::LeftButton, Qt::NoModifier, text.center());
    QVERIFY(!m_view->textSelection()->hasSelection());
    QTest::keySequence(m_view->messageList(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), kLine);
}

void tst_ForwardAndSelect::offlineForwardIsSaid()
{
    QListView* list = m_view->messageList();
    const QModelIndex first = rowOf(QStringLiteral("Agreed"));
    list->selectionModel()->select(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    chooseFromMenu(list->visualRect(first).center(), QStringLiteral("Forward…"));
    ForwardDialog* dialog = m_view->actions()->dialog();
    QVERIFY(dialog);
    child<QLineEdit>(dialog, "forwardSearch")->setText(QStringLiteral("Release"));
    QCOMPARE(dialog->target(), m_group);
    // The server goes away before Alice confirms: nothing is sent, and she is told so.
    m_desk.relay->stop();
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->state() != ChatClient::State::LoggedIn, kWaitMs);
    QSignalSpy failed(m_alice.get(), &ChatClient::requestFailed);
    dialog->accept();
    auto* box = m_view->findChild<QMessageBox*>(QStringLiteral("forwardFailedBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("You are offline: nothing was forwarded. Forward again once connected."));
    QCOMPARE(failed.count(), 0);
    m_desk.shoot(box, QStringLiteral("forward-offline"));
    box->close();
}

QTEST_MAIN(tst_ForwardAndSelect)
#include "tst_forwardandselect.moc"
