// The department directory end to end (docs/protocol.md 18): departments and places set with the admin CLI
// against a running relay, the tree with its member counts over the wire, the `directory` push after a change,
// and a department turned into a group by its manager only.

#include "adminrunner.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QCborMap request(const char* type)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String(type));
    return m;
}

/** The department called @p name in a `directory` reply or push. */
QCborMap departmentNamed(const QCborMap& tree, const QString& name)
{
    for (const QCborValue& d : tree.value(QLatin1String("departments")).toArray()) {
        if (d.toMap().value(QLatin1String("name")).toString() == name)
            return d.toMap();
    }
    return {};
}

qint64 idOf(const QCborMap& map)
{
    return map.value(QLatin1String("id")).toInteger();
}

} // namespace

class tst_Directory : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void treeWithCountsAndPlaces();
    void adminChangeIsPushed();
    void managerTurnsDepartmentIntoGroup();
    void treeStaysWellFormed();

private:
    bool admin(const QStringList& args);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AdminRunner> m_admin;
    std::unique_ptr<RawClient> m_carol;
    std::unique_ptr<RawClient> m_dave;
    std::unique_ptr<RawClient> m_erin;
};

bool tst_Directory::admin(const QStringList& args)
{
    const AdminRunner::Result r = m_admin->run(args);
    if (r.exitCode != 0)
        qWarning() << args << r.exitCode << r.err;
    return r.exitCode == 0;
}

void tst_Directory::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_admin = std::make_unique<AdminRunner>(m_server->dataDir());
    for (auto [client, name] : {std::pair{&m_carol, "carol"}, std::pair{&m_dave, "dave"}, std::pair{&m_erin, "erin"}}) {
        *client = std::make_unique<RawClient>();
        QVERIFY((*client)->connectTo(m_server->port(), false));
        QVERIFY((*client)->signUp(QLatin1String(name)) > 0);
    }
    const QString dept = QStringLiteral("dept");
    const QString set = QStringLiteral("set");
    QVERIFY(admin({dept, QStringLiteral("add"), QStringLiteral("总部/研发部/平台组")}));
    QVERIFY(admin({dept, QStringLiteral("add"), QStringLiteral("总部/市场部")}));
    QVERIFY(admin({QStringLiteral("user"), set, QStringLiteral("carol"), QStringLiteral("--dept"),
                   QStringLiteral("总部/研发部"), QStringLiteral("--title"), QStringLiteral("研发经理")}));
    QVERIFY(admin({QStringLiteral("user"), set, QStringLiteral("dave"), QStringLiteral("--dept"),
                   QStringLiteral("总部/研发部/平台组"), QStringLiteral("--title"), QStringLiteral("工程师")}));
    QVERIFY(admin({QStringLiteral("user"), set, QStringLiteral("erin"), QStringLiteral("--dept"),
                   QStringLiteral("总部/市场部")}));
    QVERIFY(admin({dept, QStringLiteral("manager"), QStringLiteral("总部/研发部"), QStringLiteral("carol")}));
}

void tst_Directory::cleanup()
{
    m_carol.reset();
    m_dave.reset();
    m_erin.reset();
    m_admin.reset();
    m_server.reset();
}

void tst_Directory::treeWithCountsAndPlaces()
{
    const QCborMap tree = m_dave->request(request("directory"));
    QCOMPARE(tree.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    const QCborArray departments = tree.value(QLatin1String("departments")).toArray();
    QCOMPARE(departments.size(), 4);
    // Parents come before their children, siblings by name.
    QStringList order;
    for (const QCborValue& d : departments)
        order.append(d.toMap().value(QLatin1String("name")).toString());
    QCOMPARE(order, (QStringList{QStringLiteral("总部"), QStringLiteral("市场部"), QStringLiteral("研发部"),
                                 QStringLiteral("平台组")}));
    const QCborMap top = departmentNamed(tree, QStringLiteral("总部"));
    const QCborMap rnd = departmentNamed(tree, QStringLiteral("研发部"));
    const QCborMap platform = departmentNamed(tree, QStringLiteral("平台组"));
    QVERIFY(!top.contains(QLatin1String("parent")));
    QCOMPARE(rnd.value(QLatin1String("parent")).toInteger(), idOf(top));
    QCOMPARE(platform.value(QLatin1String("parent")).toInteger(), idOf(rnd));
    QCOMPARE(top.value(QLatin1String("members")).toInteger(), 0);
    QCOMPARE(top.value(QLatin1String("total")).toInteger(), 3);
    QCOMPARE(rnd.value(QLatin1String("members")).toInteger(), 1);
    QCOMPARE(rnd.value(QLatin1String("total")).toInteger(), 2);
    QCOMPARE(platform.value(QLatin1String("total")).toInteger(), 1);
    QCOMPARE(rnd.value(QLatin1String("manager")).toInteger(), m_carol->userId());
    QVERIFY(!top.contains(QLatin1String("manager")));

    // People carry their department and title in the User map (8.1); none set: absent.
    const QCborMap users = m_erin->request(request("users"));
    bool sawDave = false;
    for (const QCborValue& u : users.value(QLatin1String("users")).toArray()) {
        const QCborMap user = u.toMap();
        if (idOf(user) == m_dave->userId()) {
            sawDave = true;
            QCOMPARE(user.value(QLatin1String("department")).toInteger(), idOf(platform));
            QCOMPARE(user.value(QLatin1String("title")).toString(), QStringLiteral("工程师"));
        }
        if (idOf(user) == m_erin->userId())
            QVERIFY(!user.contains(QLatin1String("title")));
    }
    QVERIFY(sawDave);
}

void tst_Directory::adminChangeIsPushed()
{
    m_dave->clearPushes();
    QVERIFY(admin(
        {QStringLiteral("dept"), QStringLiteral("rename"), QStringLiteral("总部/市场部"), QStringLiteral("销售部")}));
    const QCborMap push = m_dave->waitPush(QStringLiteral("directory"));
    QVERIFY(!departmentNamed(push, QStringLiteral("销售部")).isEmpty());
    QVERIFY(departmentNamed(push, QStringLiteral("市场部")).isEmpty());
    QCOMPARE(departmentNamed(push, QStringLiteral("销售部")).value(QLatin1String("total")).toInteger(), 1);

    // A move of a person reaches others as their User map and a new tree.
    m_carol->clearPushes();
    QVERIFY(admin({QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("erin"), QStringLiteral("--dept"),
                   QStringLiteral("总部/研发部"), QStringLiteral("--title"), QStringLiteral("产品经理")}));
    const QCborMap tree = m_carol->waitPush(QStringLiteral("directory"));
    QCOMPARE(departmentNamed(tree, QStringLiteral("研发部")).value(QLatin1String("total")).toInteger(), 3);
    const QCborMap user = m_carol->waitPush(QStringLiteral("user")).value(QLatin1String("user")).toMap();
    QCOMPARE(idOf(user), m_erin->userId());
    QCOMPARE(user.value(QLatin1String("title")).toString(), QStringLiteral("产品经理"));
}

void tst_Directory::managerTurnsDepartmentIntoGroup()
{
    const QCborMap tree = m_carol->request(request("directory"));
    const qint64 rnd = idOf(departmentNamed(tree, QStringLiteral("研发部")));
    QCborMap create = request("department_group");
    create.insert(QLatin1String("department"), rnd);

    QCOMPARE(RawClient::errorCode(m_erin->request(create)), QStringLiteral("forbidden"));
    QCOMPARE(RawClient::errorCode(m_dave->request(create)), QStringLiteral("forbidden"));
    QCborMap unknown = request("department_group");
    unknown.insert(QLatin1String("department"), 9999);
    QCOMPARE(RawClient::errorCode(m_carol->request(unknown)), QStringLiteral("not_found"));

    m_dave->clearPushes();
    const QCborMap reply = m_carol->request(create);
    QCOMPARE(reply.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    const QCborMap group = reply.value(QLatin1String("conversation")).toMap();
    QCOMPARE(group.value(QLatin1String("name")).toString(), QStringLiteral("研发部"));
    QCOMPARE(group.value(QLatin1String("owner")).toInteger(), m_carol->userId());
    QList<qint64> members;
    for (const QCborValue& m : group.value(QLatin1String("members")).toArray())
        members.append(m.toInteger());
    std::sort(members.begin(), members.end());
    // The manager and everyone below the department (dave, in 平台组); not erin of 市场部.
    QCOMPARE(members, (QList<qint64>{m_carol->userId(), m_dave->userId()}));
    const QCborMap pushed =
        m_dave->waitPush(QStringLiteral("conversation")).value(QLatin1String("conversation")).toMap();
    QCOMPARE(idOf(pushed), idOf(group));
}

void tst_Directory::treeStaysWellFormed()
{
    // A cycle is refused, and so is deleting a department that still has people or sub-departments.
    const AdminRunner::Result cycle = m_admin->run(
        {QStringLiteral("dept"), QStringLiteral("move"), QStringLiteral("总部"), QStringLiteral("总部/研发部/平台组")});
    QCOMPARE(cycle.exitCode, 1);
    QVERIFY2(cycle.err.contains(QStringLiteral("sub-departments")), qPrintable(cycle.err));
    QCOMPARE(m_admin->run({QStringLiteral("dept"), QStringLiteral("delete"), QStringLiteral("总部/研发部")}).exitCode,
             1);
    QCOMPARE(m_admin->run({QStringLiteral("dept"), QStringLiteral("delete"), QStringLiteral("总部/市场部")}).exitCode,
             1);
    QVERIFY(admin({QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("erin"), QStringLiteral("--dept"),
                   QStringLiteral("/")}));
    QVERIFY(admin({QStringLiteral("dept"), QStringLiteral("delete"), QStringLiteral("总部/市场部")}));
    // A move to the top level works, and the tree says so.
    QVERIFY(admin(
        {QStringLiteral("dept"), QStringLiteral("move"), QStringLiteral("总部/研发部/平台组"), QStringLiteral("/")}));
    const QCborMap tree = m_dave->request(request("directory"));
    QCOMPARE(tree.value(QLatin1String("departments")).toArray().size(), 3);
    QVERIFY(!departmentNamed(tree, QStringLiteral("平台组")).contains(QLatin1String("parent")));
    const AdminRunner::Result list = m_admin->run({QStringLiteral("dept"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("总部/研发部")) && list.out.contains(QStringLiteral("carol")),
             qPrintable(list.out));
}

QTEST_GUILESS_MAIN(tst_Directory)
#include "tst_directory.moc"
