#include "deptcommand.h"

#include "admincontext.h"
#include "departmentpath.h"
#include "directorystore.h"
#include "logging.h"
#include "protocol.h"
#include "sqlitestorage.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QHash>

namespace lanchat {

namespace {

int list(Storage& storage)
{
    DirectoryStore& store = storage.directory();
    QHash<DepartmentId, int> people;
    for (const Placement& p : store.placements()) {
        if (p.department.isValid())
            ++people[p.department];
    }
    TextTable table;
    table.addRow(
        {DeptCommand::tr("ID"), DeptCommand::tr("PATH"), DeptCommand::tr("MANAGER"), DeptCommand::tr("PEOPLE")});
    for (const DepartmentRecord& d : store.departments()) {
        const std::optional<UserRecord> manager =
            d.manager.isValid() ? storage.userById(d.manager) : std::optional<UserRecord>();
        table.addRow({QString::number(d.id.value()), DepartmentPath::of(store, d.id),
                      manager ? manager->username : QStringLiteral("-"), QString::number(people.value(d.id))});
    }
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

/** The department at @p path; prints the failure and returns invalid when it is not there. */
DepartmentId existing(DirectoryStore& store, const QString& path, int* code)
{
    QStringList names;
    QString error;
    if (!DepartmentPath::parse(path, &names, &error) || names.isEmpty()) {
        *code = AdminContext::fail(error.isEmpty() ? DeptCommand::tr("give a department path") : error,
                                   AdminContext::kUsage);
        return {};
    }
    const DepartmentId id = DepartmentPath::find(store, names);
    if (!id.isValid())
        *code = AdminContext::fail(DeptCommand::tr("no department '%1'").arg(path));
    return id;
}

int add(Storage& storage, const QString& path)
{
    QStringList names;
    QString error;
    if (!DepartmentPath::parse(path, &names, &error) || names.isEmpty())
        return AdminContext::fail(error.isEmpty() ? DeptCommand::tr("give a department path") : error,
                                  AdminContext::kUsage);
    if (DepartmentPath::find(storage.directory(), names).isValid())
        return AdminContext::fail(DeptCommand::tr("department '%1' exists").arg(path));
    if (storage.directory().departments().size() + names.size() > protocol::kMaxDepartments)
        return AdminContext::fail(DeptCommand::tr("at most %1 departments").arg(protocol::kMaxDepartments));
    int created = 0;
    if (!DepartmentPath::ensure(storage.directory(), names, QDateTime::currentMSecsSinceEpoch(), &created).isValid())
        return AdminContext::fail(DeptCommand::tr("cannot add department '%1'").arg(path));
    AdminContext::print(DeptCommand::tr("department '%1' added").arg(names.join(u'/')));
    return AdminContext::kOk;
}

int change(Storage& storage, const QString& action, const QStringList& args)
{
    DirectoryStore& store = storage.directory();
    int code = AdminContext::kOk;
    const DepartmentId id = existing(store, args.at(1), &code);
    if (!id.isValid())
        return code;
    const QString path = DepartmentPath::of(store, id);
    if (action == QLatin1String("delete")) {
        if (!store.removeDepartment(id))
            return AdminContext::fail(
                DeptCommand::tr("department '%1' has sub-departments or people: move or empty it first").arg(path));
        AdminContext::print(DeptCommand::tr("department '%1' deleted").arg(path));
    } else if (action == QLatin1String("rename")) {
        if (!DepartmentPath::validName(args.at(2)))
            return AdminContext::fail(DeptCommand::tr("invalid department name (1-64 characters, no /)"),
                                      AdminContext::kUsage);
        if (!store.renameDepartment(id, args.at(2).trimmed()))
            return AdminContext::fail(DeptCommand::tr("cannot rename '%1' (is the name taken?)").arg(path));
        AdminContext::print(DeptCommand::tr("department '%1' renamed to '%2'").arg(path, args.at(2).trimmed()));
    } else if (action == QLatin1String("move")) {
        QStringList names;
        QString error;
        if (!DepartmentPath::parse(args.at(2), &names, &error))
            return AdminContext::fail(error, AdminContext::kUsage);
        const DepartmentId parent = DepartmentPath::find(store, names);
        if (!names.isEmpty() && !parent.isValid())
            return AdminContext::fail(DeptCommand::tr("no department '%1'").arg(args.at(2)));
        if (parent.isValid() && store.isWithin(parent, id))
            return AdminContext::fail(
                DeptCommand::tr("cannot move '%1' into itself or one of its sub-departments").arg(path));
        if (!store.moveDepartment(id, parent))
            return AdminContext::fail(DeptCommand::tr("cannot move '%1' (is the name taken there?)").arg(path));
        AdminContext::print(DeptCommand::tr("department '%1' moved to '%2'").arg(path, DepartmentPath::of(store, id)));
    } else {
        const bool clear = args.at(2) == QLatin1String("-");
        const std::optional<UserRecord> user = clear ? std::nullopt : storage.userByName(args.at(2));
        if (!clear && !user)
            return AdminContext::fail(DeptCommand::tr("no user '%1'").arg(args.at(2)));
        if (!store.setManager(id, user ? user->id : UserId()))
            return AdminContext::fail(DeptCommand::tr("cannot set the manager of '%1'").arg(path));
        AdminContext::print(clear ? DeptCommand::tr("department '%1' has no manager now").arg(path)
                                  : DeptCommand::tr("'%1' manages '%2' now").arg(user->username, path));
    }
    return AdminContext::kOk;
}

} // namespace

bool DeptCommand::notifyDirectoryChanged(const AdminContext& context)
{
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("directory_changed"));
    if (context.notifyServer(request))
        return true;
    AdminContext::print(tr("no server is running: clients see the change when they next log in"));
    return false;
}

int DeptCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Manage the department directory.") +
                                     QStringLiteral("\n"
                                                    "  dept list\n"
                                                    "  dept add PATH\n"
                                                    "  dept rename PATH NEWNAME\n"
                                                    "  dept move PATH NEWPARENT   (/ for the top level)\n"
                                                    "  dept manager PATH USERNAME (- for none)\n"
                                                    "  dept delete PATH"));
    AdminContext context;
    context.addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, add, rename, move, manager or delete."));
    if (const int code = context.parse(parser, arguments, 1, 3); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.at(0);
    static const QStringList twoArgs{QStringLiteral("rename"), QStringLiteral("move"), QStringLiteral("manager")};
    const bool known = (action == QLatin1String("list") && args.size() == 1) ||
                       ((action == QLatin1String("add") || action == QLatin1String("delete")) && args.size() == 2) ||
                       (twoArgs.contains(action) && args.size() == 3);
    if (!known)
        //: the words after "usage:" are commands: keep them as they are
        return AdminContext::fail(tr("usage: dept list|add|rename|move|manager|delete (see dept --help)"),
                                  AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    if (action == QLatin1String("list"))
        return list(*storage);
    const int code = action == QLatin1String("add") ? add(*storage, args.at(1)) : change(*storage, action, args);
    if (code == AdminContext::kOk) {
        qCInfo(lcServer) << "admin: dept" << action << args.at(1);
        notifyDirectoryChanged(context);
    }
    return code;
}

int DeptCommand::runUserSet(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Place an account in the directory.") +
                                     QStringLiteral("\n  user set NAME [--dept PATH] [--title TEXT]"));
    AdminContext context;
    context.addOptions(parser);
    const QCommandLineOption dept(QStringLiteral("dept"), tr("Department path (/ for none)."), QStringLiteral("PATH"));
    const QCommandLineOption title(QStringLiteral("title"), tr("Job title (empty for none)."), QStringLiteral("TEXT"));
    parser.addOptions({dept, title});
    if (const int code = context.parse(parser, arguments, 2, 2); code != 0)
        return code;
    const QString name = parser.positionalArguments().at(1);
    if (!parser.isSet(dept) && !parser.isSet(title))
        return AdminContext::fail(tr("give --dept and/or --title"), AdminContext::kUsage);
    if (parser.isSet(title) && parser.value(title).trimmed().size() > protocol::kMaxTitleChars)
        return AdminContext::fail(tr("the title is longer than %1 characters").arg(protocol::kMaxTitleChars),
                                  AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const std::optional<UserRecord> user = storage->userByName(name);
    const std::optional<Placement> now = user ? storage->directory().placement(user->id) : std::nullopt;
    if (!now)
        return AdminContext::fail(tr("no user '%1'").arg(name));
    DepartmentId department = now->department;
    if (parser.isSet(dept)) {
        QStringList names;
        QString error;
        if (!DepartmentPath::parse(parser.value(dept), &names, &error))
            return AdminContext::fail(error, AdminContext::kUsage);
        department = DepartmentPath::find(storage->directory(), names);
        if (!names.isEmpty() && !department.isValid())
            return AdminContext::fail(tr("no department '%1' (add it with dept add)").arg(parser.value(dept)));
    }
    const QString newTitle = parser.isSet(title) ? parser.value(title).trimmed() : now->title;
    if (!storage->directory().setPlacement(user->id, department, newTitle))
        return AdminContext::fail(tr("cannot change the account '%1'").arg(name));
    qCInfo(lcServer) << "admin: user set" << name << user->id.value();
    //: %1 username, %2 department path, %3 title
    AdminContext::print(tr("'%1': department '%2', title '%3'")
                            .arg(name, DepartmentPath::of(storage->directory(), department), newTitle));
    if (notifyDirectoryChanged(context))
        context.notifyUserChanged(user->id);
    return AdminContext::kOk;
}

} // namespace lanchat
