// The client library's view of the department directory (DirectoryModel, DepartmentPeopleProxy, ChatClient)
// against a running relay whose directory the admin CLI changes: the tree after login, its update by the push,
// the people of a department with pinyin filtering, and the manager's "create group from department".

#include "adminrunner.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "departmentpeopleproxy.h"
#include "directorymodel.h"
#include "modelroles.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QStringList peopleOf(const QAbstractItemModel& model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(roles::ContactUsername).toString());
    names.sort();
    return names;
}

lanchat::DepartmentId idOf(const QModelIndex& index)
{
    return lanchat::DepartmentId(index.data(roles::DepartmentId).toLongLong());
}

} // namespace

class tst_DirectoryClient : public QObject
{
    Q_OBJECT
private slots:
    void treePeopleAndGroup();

private:
    static bool signUp(ChatClient& client, const TestServer& server, const QString& name);
};

bool tst_DirectoryClient::signUp(ChatClient& client, const TestServer& server, const QString& name)
{
    QSignalSpy synced(&client, &ChatClient::synced);
    client.connectToServer(QStringLiteral("127.0.0.1"), server.port(), false);
    client.registerAccount(name, QStringLiteral("password123"), name);
    return synced.wait(20000);
}

void tst_DirectoryClient::treePeopleAndGroup()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    ChatClient carol;
    ChatClient dave;
    QVERIFY(signUp(carol, server, QStringLiteral("carol")));
    QVERIFY(signUp(dave, server, QStringLiteral("dave")));
    QVERIFY(carol.hasDirectory());
    QCOMPARE(carol.directory()->rowCount(), 0);

    const auto run = [&](const QStringList& args) { return admin.run(args).exitCode == 0; };
    QVERIFY(run({QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("总部/研发部/平台组")}));
    QVERIFY(run({QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("carol"), QStringLiteral("--dept"),
                 QStringLiteral("总部/研发部"), QStringLiteral("--title"), QStringLiteral("研发经理")}));
    QVERIFY(run({QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("dave"), QStringLiteral("--dept"),
                 QStringLiteral("总部/研发部/平台组"), QStringLiteral("--title"), QStringLiteral("工程师")}));
    QVERIFY(run(
        {QStringLiteral("dept"), QStringLiteral("manager"), QStringLiteral("总部/研发部"), QStringLiteral("carol")}));

    // The pushes rebuild the tree and bring the people's places.
    DirectoryModel* tree = carol.directory();
    QTRY_COMPARE_WITH_TIMEOUT(tree->rowCount(), 1, 20000);
    const QModelIndex top = tree->index(0, 0);
    QCOMPARE(top.data().toString(), QStringLiteral("总部"));
    QCOMPARE(tree->rowCount(top), 1);
    const QModelIndex rnd = tree->index(0, 0, top);
    QCOMPARE(rnd.data().toString(), QStringLiteral("研发部"));
    QCOMPARE(rnd.parent(), top);
    QCOMPARE(tree->index(0, 0, rnd).data().toString(), QStringLiteral("平台组"));
    QTRY_COMPARE_WITH_TIMEOUT(top.data(roles::DepartmentTotal).toLongLong(), 2, 20000);
    QCOMPARE(tree->path(idOf(tree->index(0, 0, rnd))), QStringLiteral("总部 / 研发部 / 平台组"));

    DepartmentPeopleProxy people;
    people.setSourceModel(carol.contacts());
    people.setDepartments(tree->subtree(idOf(tree->indexOf(idOf(rnd)))));
    QTRY_COMPARE_WITH_TIMEOUT(peopleOf(people), (QStringList{QStringLiteral("carol"), QStringLiteral("dave")}), 20000);
    // Only the department itself, not below it.
    people.setDepartments({idOf(rnd)});
    QCOMPARE(peopleOf(people), QStringList{QStringLiteral("carol")});
    // Filtered by pinyin initials of the title (工程师: gcs).
    people.setDepartments(tree->subtree(idOf(rnd)));
    people.setSearchText(QStringLiteral("gcs"));
    QCOMPARE(peopleOf(people), QStringList{QStringLiteral("dave")});
    people.setSearchText(QString());

    // Only the manager may make the group; it holds everyone below the department.
    QSignalSpy failed(&dave, &ChatClient::requestFailed);
    dave.createDepartmentGroup(idOf(rnd));
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("department_group"));
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    QSignalSpy opened(&carol, &ChatClient::conversationOpened);
    carol.createDepartmentGroup(idOf(rnd));
    QVERIFY(opened.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(dave.conversations()->rowCount(), 1, 20000);

    // A rename reaches the model through the push.
    QVERIFY(run({QStringLiteral("dept"), QStringLiteral("rename"), QStringLiteral("总部/研发部"),
                 QStringLiteral("产品研发部")}));
    QTRY_COMPARE_WITH_TIMEOUT(tree->index(0, 0, tree->index(0, 0)).data().toString(), QStringLiteral("产品研发部"),
                              20000);
}

QTEST_GUILESS_MAIN(tst_DirectoryClient)
#include "tst_directoryclient.moc"
