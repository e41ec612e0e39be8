// The Organisation tab of the sidebar against a real relay in-process (127.0.0.1, port 0): the department tree
// with head counts, the people of the selected department and below it, pinyin search, opening a chat, and the
// manager's "Create group from department", which others do not get. The directory is set up the way the admin
// CLI's `directory_changed` does it: written to the relay's storage, then pushed to everyone.

#include "appdesk.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "directoryhandlers.h"
#include "directorymodel.h"
#include "mainwindow.h"
#include "modelroles.h"
#include "organisationpage.h"
#include "relayserver.h"
#include "storage.h"
#include "testserver.h"

#include <QDateTime>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

QStringList shownPeople(const QListView* list)
{
    QStringList names;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        names.append(list->model()->index(row, 0).data(roles::ContactUsername).toString());
    names.sort();
    return names;
}

} // namespace

class tst_OrganisationTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void treeAndPeople();
    void managerCreatesGroup();
    void othersGetNoGroupButton();

private:
    OrganisationPage* pageOf(MainWindow& window) const;

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_carol;
    std::unique_ptr<ChatClient> m_dave;
    std::unique_ptr<MainWindow> m_window;
    DepartmentId m_rnd;
};

OrganisationPage* tst_OrganisationTab::pageOf(MainWindow& window) const
{
    return window.findChild<OrganisationPage*>(QStringLiteral("organisationPage"));
}

void tst_OrganisationTab::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("lanchat.ini")));
    m_dave = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_dave, *m_desk.relay, QStringLiteral("dave"), QStringLiteral("张伟")));
    m_carol = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_carol, *m_desk.relay, QStringLiteral("carol"), QStringLiteral("王芳")));
    m_window = std::make_unique<MainWindow>(m_carol.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 640);

    RelayServer& relay = m_desk.relay->server();
    DirectoryStore& directory = relay.storage().directory();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const DepartmentId top = directory.addDepartment(QStringLiteral("总部"), {}, now);
    m_rnd = directory.addDepartment(QStringLiteral("研发部"), top, now);
    const DepartmentId platform = directory.addDepartment(QStringLiteral("平台组"), m_rnd, now);
    QVERIFY(directory.addDepartment(QStringLiteral("市场部"), top, now).isValid());
    QVERIFY(directory.setPlacement(m_carol->currentUser().id, m_rnd, QStringLiteral("研发经理")));
    QVERIFY(directory.setPlacement(m_dave->currentUser().id, platform, QStringLiteral("工程师")));
    QVERIFY(directory.setManager(m_rnd, m_carol->currentUser().id));
    DirectoryHandlers::pushTree(relay.storage(), relay.sessions());
}

void tst_OrganisationTab::cleanupTestCase()
{
    m_window.reset();
    m_carol.reset();
    m_dave.reset();
    m_desk.relay.reset();
}

void tst_OrganisationTab::treeAndPeople()
{
    OrganisationPage* page = pageOf(*m_window);
    QVERIFY(page);
    auto* tabs = page->parentWidget()->parentWidget()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    QVERIFY(tabs->isTabVisible(tabs->indexOf(page)));
    QCOMPARE(tabs->tabText(tabs->indexOf(page)), QStringLiteral("Organisation"));
    m_window->show();
    tabs->setCurrentWidget(page);

    QTreeView* tree = page->departmentTree();
    QTRY_COMPARE_WITH_TIMEOUT(tree->model()->rowCount(), 1, kWaitMs);
    QVERIFY(page->selectDepartment(m_rnd));
    QTRY_COMPARE_WITH_TIMEOUT(shownPeople(page->peopleList()),
                              (QStringList{QStringLiteral("carol"), QStringLiteral("dave")}), kWaitMs);
    auto* header = page->findChild<QLabel*>(QStringLiteral("departmentPeopleHeader"));
    QCOMPARE(header->text(), QStringLiteral("研发部 · 2 people"));
    m_desk.shoot(m_window.get(), QStringLiteral("organisation"));

    // The sidebar's search filters the people, by pinyin too (张伟: zw).
    page->setSearchText(QStringLiteral("zw"));
    QCOMPARE(shownPeople(page->peopleList()), QStringList{QStringLiteral("dave")});
    // Enter on a person opens the chat with them.
    QSignalSpy opened(m_carol.get(), &ChatClient::conversationOpened);
    page->peopleList()->setCurrentIndex(page->peopleList()->model()->index(0, 0));
    QSignalSpy activated(page, &OrganisationPage::contactActivated);
    QTest::keyClick(page->peopleList(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).value<UserId>(), m_dave->currentUser().id);
    QVERIFY(opened.wait(kWaitMs));
    page->setSearchText(QString());
}

void tst_OrganisationTab::managerCreatesGroup()
{
    OrganisationPage* page = pageOf(*m_window);
    QVERIFY(page->selectDepartment(m_rnd));
    auto* button = page->findChild<QPushButton*>(QStringLiteral("createDepartmentGroupButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), kWaitMs);
    QCOMPARE(button->text(), QStringLiteral("Create group from department"));
    const int before = m_dave->conversations()->rowCount();
    QSignalSpy opened(m_carol.get(), &ChatClient::conversationOpened);
    button->click();
    QVERIFY(opened.wait(kWaitMs));
    const auto group = m_carol->conversations()->conversation(opened.first().at(0).value<ConversationId>());
    QVERIFY(group);
    QCOMPARE(group->name, QStringLiteral("研发部"));
    QCOMPARE(group->members.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_dave->conversations()->rowCount(), before + 1, kWaitMs);
}

void tst_OrganisationTab::othersGetNoGroupButton()
{
    MainWindow window(m_dave.get(), *m_desk.settings, m_desk.languages.get());
    window.resize(900, 640);
    window.show();
    OrganisationPage* page = pageOf(window);
    QTRY_VERIFY_WITH_TIMEOUT(page->selectDepartment(m_rnd), kWaitMs);
    auto* tabs = page->parentWidget()->parentWidget()->findChild<QTabWidget*>();
    tabs->setCurrentWidget(page);
    QTRY_COMPARE_WITH_TIMEOUT(page->peopleList()->model()->rowCount(), 2, kWaitMs);
    QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("createDepartmentGroupButton"))->isVisible());
}

QTEST_MAIN(tst_OrganisationTab)
#include "tst_organisationtab.moc"
