// The message search of the main window over a real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir): Ctrl+Shift+F searches every conversation, Down+Enter opens a hit that is not loaded yet at that
// message (history around it), selected and in sight; Ctrl+F searches the open conversation (a chip widens it
// again); "Files only" finds a file by its name; no match and Esc. No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationview.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "messagesearch.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "protocol.h"
#include "searchdock.h"
#include "searchfilterbar.h"
#include "searchpanel.h"
#include "sidebar.h"
#include "testserver.h"
#include "transfermanager.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
constexpr int kFillers = 120;
const QString kReport = QStringLiteral("季度报告草稿已上传，请大家看一下");
const QString kFile = QStringLiteral("Q3报告.pdf");

/** Types @p text into @p widget as an input method commits it, one character at a time (Chinese is typed so). */
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        QInputMethodEvent commit;
        commit.setCommitString(QString(c));
        QApplication::sendEvent(widget, &commit);
    }
}

QStringList shownTexts(const QAbstractItemModel* model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data(Qt::DisplayRole).toString());
    return out;
}

} // namespace

class tst_SearchView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void everywhereThenOpenTheHit();
    void ctrlFSearchesTheOpenConversation();
    void filesOnlyFindsFileNames();
    void noMatchAndEscape();
    void sidebarOffersMessageSearch();
    void scrollingToTheEndLoadsMore();

private:
    void typeQuery(const QString& query);

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_carol;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_withAlice;
    ConversationId m_withCarol;
    SearchPanel* m_panel = nullptr;
};

void tst_SearchView::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = newClient();
    m_carol = newClient();
    m_bob = newClient();
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_carol, *m_desk.relay, QStringLiteral("carol"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    m_withAlice = openPrivate(*m_alice, m_bob->currentUser().id);
    m_withCarol = openPrivate(*m_carol, m_bob->currentUser().id);
    QVERIFY(m_withAlice.isValid() && m_withCarol.isValid());

    // Oldest first: carol's report, alice's file, alice's report, then enough chatter that the report is far
    // above the newest page bob's window loads.
    MessagesModel* carolModel = m_carol->messages(m_withCarol);
    m_carol->sendText(m_withCarol, QStringLiteral("报告 from carol: see the numbers"));
    QTRY_COMPARE_WITH_TIMEOUT(carolModel->storedCount(), 1, kWaitMs);
    const QString path = m_desk.dir.filePath(kFile);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    MessagesModel* aliceModel = m_alice->messages(m_withAlice);
    m_alice->transfers()->upload(m_withAlice, path);
    QTRY_COMPARE_WITH_TIMEOUT(aliceModel->storedCount(), 1, kWaitMs);
    m_alice->sendText(m_withAlice, kReport);
    for (int i = 0; i < kFillers; ++i)
        m_alice->sendText(m_withAlice, QStringLiteral("filler %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(aliceModel->storedCount(), kFillers + 2, kWaitMs);

    m_window = std::make_unique<MainWindow>(m_bob.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(1100, 640);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_panel = m_window->searchDock()->panel();
}

void tst_SearchView::init()
{
    if (m_panel->search()->isAvailable())
        return;
    // A relay without `search`: the panel says so instead of showing an empty list, then nothing else is testable.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_window->searchDock()->isVisible());
    QCOMPARE(m_panel->statusText(), QStringLiteral("Message search is not available: this server does not offer it."));
    typeText(m_panel->field(), QStringLiteral("报告"));
    QCOMPARE(m_panel->search()->status(), MessageSearch::Status::Unavailable);
    QCOMPARE(m_panel->results()->model()->rowCount(), 0);
    m_desk.shoot(m_window.get(), QStringLiteral("search-unavailable"));
    m_panel->field()->clear();
    m_window->searchDock()->dismiss();
    QSKIP("the relay does not announce the search feature");
}

void tst_SearchView::cleanupTestCase()
{
    m_window.reset();
    m_bob.reset();
    m_carol.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

void tst_SearchView::typeQuery(const QString& query)
{
    QLineEdit* field = m_panel->field();
    field->clear();
    typeText(field, query);
    // Settled: the page of this query is in (the debounce ran) or the search said why not.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->search()->status() != MessageSearch::Status::Searching, kWaitMs);
    QCOMPARE(m_panel->search()->query(), query);
}

void tst_SearchView::everywhereThenOpenTheHit()
{
    SearchDock* dock = m_window->searchDock();
    QVERIFY(!dock->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(dock->isVisible());
    QTRY_VERIFY(m_panel->field()->hasFocus());
    QVERIFY(!m_panel->filters()->conversation().isValid());

    typeQuery(QStringLiteral("报告"));
    QListView* results = m_panel->results();
    // Newest first, across both conversations: the text, the file by its name, carol's message.
    QCOMPARE(shownTexts(results->model()),
             (QStringList{kReport, kFile, QStringLiteral("报告 from carol: see the numbers")}));
    QCOMPARE(m_panel->statusText(), QString());
    QCOMPARE(results->model()->index(0, 0).data(roles::SearchHitConversationTitle).toString(), QStringLiteral("ALICE"));
    QCOMPARE(results->model()->index(2, 0).data(roles::SearchHitConversationTitle).toString(), QStringLiteral("CAROL"));
    m_desk.shoot(m_window.get(), QStringLiteral("search-results"));

    // Down selects the first hit, Enter opens it: alice's chat, at the report, which was not loaded.
    MessagesModel* model = m_bob->messages(m_withAlice);
    QTest::keyClick(m_panel->field(), Qt::Key_Down);
    QCOMPARE(results->currentIndex().row(), 0);
    const Seq seq = results->currentIndex().data(roles::SearchHitSeq).toLongLong();
    QTest::keyClick(m_panel->field(), Qt::Key_Return);
    ConversationView* view = m_window->conversationView();
    QCOMPARE(view->conversation(), m_withAlice);
    QListView* list = view->messageList();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOfSeq(seq) >= 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(list->currentIndex().data(roles::MessageSeq).toLongLong(), seq, kWaitMs);
    QCOMPARE(list->currentIndex().data(roles::MessageText).toString(), kReport);
    QTRY_VERIFY(list->viewport()->rect().intersects(list->visualRect(list->currentIndex())));
    // The panel stays beside the chat, the field keeps the keys: the next hit is one Down+Enter away.
    QVERIFY(dock->isVisible());
    QVERIFY(m_panel->field()->hasFocus());

    // From the hit, the chat scrolls both ways: older messages above it, and down to the newest.
    QVERIFY(model->gapAfter() > 0 || model->rowOfSeq(seq) < model->storedCount() - 1);
    m_bob->loadOlder(m_withAlice);
    QTRY_VERIFY_WITH_TIMEOUT(model->atStart(), kWaitMs);
    for (int i = 0; i < 10 && model->gapAfter() > 0; ++i) {
        m_bob->loadNewer(m_withAlice);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoadingNewer(), kWaitMs);
    }
    QCOMPARE(model->gapAfter(), Seq(0));
    QCOMPARE(model->storedCount(), kFillers + 2);
}

void tst_SearchView::ctrlFSearchesTheOpenConversation()
{
    m_window->openConversation(m_withAlice);
    m_window->conversationView()->input()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_panel->field()->hasFocus());
    QCOMPARE(m_panel->filters()->conversation(), m_withAlice);
    auto* chip = child<QToolButton>(m_panel, "searchScopeChip");
    QVERIFY(chip && chip->isVisible());
    QVERIFY2(chip->text().contains(QStringLiteral("ALICE")), qPrintable(chip->text()));
    typeQuery(QStringLiteral("报告"));
    QCOMPARE(shownTexts(m_panel->results()->model()), (QStringList{kReport, kFile}));
    m_desk.shoot(m_window.get(), QStringLiteral("search-in-conversation"));

    // The chip's × widens the search to every conversation again.
    chip->click();
    QVERIFY(!chip->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->search()->status() == MessageSearch::Status::Ready, kWaitMs);
    QCOMPARE(m_panel->results()->model()->rowCount(), 3);
}

void tst_SearchView::filesOnlyFindsFileNames()
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    auto* filesOnly = child<QCheckBox>(m_panel, "searchFilesOnly");
    QVERIFY(filesOnly);
    typeQuery(QStringLiteral("报告"));
    QCOMPARE(m_panel->results()->model()->rowCount(), 3);
    filesOnly->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->search()->status() == MessageSearch::Status::Ready, kWaitMs);
    QCOMPARE(shownTexts(m_panel->results()->model()), QStringList{kFile});
    const QModelIndex hit = m_panel->results()->model()->index(0, 0);
    QCOMPARE(hit.data(roles::SearchHitKind).toInt(), int(MessageKind::File));
    QCOMPARE(hit.data(roles::SearchHitFileName).toString(), kFile);
    filesOnly->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->results()->model()->rowCount(), 3, kWaitMs);
}

void tst_SearchView::noMatchAndEscape()
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    typeQuery(QStringLiteral("不存在的词"));
    QCOMPARE(m_panel->results()->model()->rowCount(), 0);
    QCOMPARE(m_panel->statusText(), QStringLiteral("No messages match “不存在的词”"));
    m_desk.shoot(m_window.get(), QStringLiteral("search-no-match"));
    m_window->openConversation(m_withAlice);
    m_panel->field()->setFocus();
    QTest::keyClick(m_panel->field(), Qt::Key_Escape);
    QVERIFY(!m_window->searchDock()->isVisible());
    QTRY_VERIFY(m_window->conversationView()->input()->hasFocus());
}

void tst_SearchView::sidebarOffersMessageSearch()
{
    auto* filter = child<QLineEdit>(m_window->sidebar(), "searchEdit");
    auto* button = child<QPushButton>(m_window->sidebar(), "searchMessagesButton");
    QVERIFY(filter && button);
    QVERIFY(!button->isVisible());
    typeText(filter, QStringLiteral("报告"));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Search messages for “报告”"));
    button->click();
    QVERIFY(m_window->searchDock()->isVisible());
    QCOMPARE(m_panel->field()->text(), QStringLiteral("报告"));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->results()->model()->rowCount(), 3, kWaitMs);
    filter->clear();
    QVERIFY(!button->isVisible());
}

void tst_SearchView::scrollingToTheEndLoadsMore()
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    typeQuery(QStringLiteral("filler"));
    QListView* results = m_panel->results();
    QCOMPARE(results->model()->rowCount(), protocol::kDefaultSearchLimit);
    QVERIFY(m_panel->search()->hasMore());
    QCOMPARE(results->model()->index(0, 0).data(Qt::DisplayRole).toString(), QStringLiteral("filler 119"));
    // The next page comes when the list reaches its end, by the scroll bar or by Down through the hits.
    results->scrollToBottom();
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), 2 * protocol::kDefaultSearchLimit, kWaitMs);
    for (int i = 0; i < 2 * protocol::kDefaultSearchLimit; ++i)
        QTest::keyClick(m_panel->field(), Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), 3 * protocol::kDefaultSearchLimit, kWaitMs);
    QCOMPARE(results->currentIndex().row(), 2 * protocol::kDefaultSearchLimit - 1);
}

QTEST_MAIN(tst_SearchView)
#include "tst_searchview.moc"
