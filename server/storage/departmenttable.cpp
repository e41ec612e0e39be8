#include "departmenttable.h"

#include "sqlstatements.h"

#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

namespace {

QVariant nullable(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

DepartmentRecord readDepartment(const QSqlQuery& query)
{
    DepartmentRecord d;
    d.id = DepartmentId(query.value(0).toLongLong());
    d.name = query.value(1).toString();
    d.parent = DepartmentId(query.value(2).toLongLong());
    d.manager = UserId(query.value(3).toLongLong());
    d.createdMs = query.value(4).toLongLong();
    return d;
}

std::optional<DepartmentRecord> readOne(QSqlQuery* query)
{
    if (!query)
        return std::nullopt;
    std::optional<DepartmentRecord> d;
    if (query->next())
        d = readDepartment(*query);
    query->finish();
    return d;
}

} // namespace

DepartmentTable::DepartmentTable(SqlStatements& statements)
    : m_statements(statements)
{}

DepartmentId DepartmentTable::addDepartment(const QString& name, DepartmentId parent, qint64 nowMs)
{
    // Checked first so a taken name or a missing parent is an expected "no", not a logged constraint failure.
    if ((parent.isValid() && !department(parent)) || childNamed(parent, name))
        return {};
    QSqlQuery* query =
        m_statements.run("INSERT INTO departments (name, parent, manager, created_ms) VALUES (?, ?, NULL, ?)",
                         {name, nullable(parent.value()), nowMs});
    if (!query || query->numRowsAffected() != 1)
        return {};
    return DepartmentId(query->lastInsertId().toLongLong());
}

std::optional<DepartmentRecord> DepartmentTable::department(DepartmentId id)
{
    return readOne(
        m_statements.run("SELECT id, name, parent, manager, created_ms FROM departments WHERE id = ?", {id.value()}));
}

std::optional<DepartmentRecord> DepartmentTable::childNamed(DepartmentId parent, const QString& name)
{
    return readOne(m_statements.run("SELECT id, name, parent, manager, created_ms FROM departments "
                                    "WHERE COALESCE(parent, 0) = ? AND name = ?",
                                    {parent.value(), name}));
}

QList<DepartmentRecord> DepartmentTable::departments()
{
    QList<DepartmentRecord> all;
    QSqlQuery* query =
        m_statements.run("SELECT id, name, parent, manager, created_ms FROM departments ORDER BY id", {});
    if (!query)
        return all;
    while (query->next())
        all.append(readDepartment(*query));
    query->finish();
    return all;
}

bool DepartmentTable::renameDepartment(DepartmentId id, const QString& name)
{
    const std::optional<DepartmentRecord> d = department(id);
    if (!d)
        return false;
    const std::optional<DepartmentRecord> sibling = childNamed(d->parent, name);
    if (sibling && sibling->id != id)
        return false;
    return m_statements.change("UPDATE departments SET name = ? WHERE id = ?", {name, id.value()}) == 1;
}

bool DepartmentTable::moveDepartment(DepartmentId id, DepartmentId parent)
{
    const std::optional<DepartmentRecord> d = department(id);
    if (!d || (parent.isValid() && (!department(parent) || isWithin(parent, id))))
        return false;
    const std::optional<DepartmentRecord> sibling = childNamed(parent, d->name);
    if (sibling && sibling->id != id)
        return false;
    return m_statements.change("UPDATE departments SET parent = ? WHERE id = ?",
                               {nullable(parent.value()), id.value()}) == 1;
}

bool DepartmentTable::setManager(DepartmentId id, UserId manager)
{
    if (manager.isValid() && !placement(manager))
        return false;
    return m_statements.change("UPDATE departments SET manager = ? WHERE id = ?",
                               {nullable(manager.value()), id.value()}) == 1;
}

bool DepartmentTable::removeDepartment(DepartmentId id)
{
    QSqlQuery* query = m_statements.run("SELECT (SELECT COUNT(*) FROM departments WHERE parent = ?) + "
                                        "(SELECT COUNT(*) FROM users WHERE department = ?)",
                                        {id.value(), id.value()});
    if (!query || !query->next())
        return false;
    const qint64 inside = query->value(0).toLongLong();
    query->finish();
    if (inside > 0)
        return false;
    return m_statements.change("DELETE FROM departments WHERE id = ?", {id.value()}) == 1;
}

bool DepartmentTable::isWithin(DepartmentId id, DepartmentId ancestor)
{
    // Bounded by the depth: a corrupt cycle in the file cannot loop forever.
    QSqlQuery* query = m_statements.run("WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL "
                                        "SELECT d.parent, up.depth + 1 FROM departments d JOIN up ON d.id = up.id "
                                        "WHERE d.parent IS NOT NULL AND up.depth < 64) "
                                        "SELECT COUNT(*) FROM up WHERE id = ?",
                                        {id.value(), ancestor.value()});
    if (!query || !query->next())
        return false;
    const bool within = query->value(0).toLongLong() > 0;
    query->finish();
    return within;
}

bool DepartmentTable::setPlacement(UserId user, DepartmentId department, const QString& title)
{
    if (department.isValid() && !this->department(department))
        return false;
    return m_statements.change("UPDATE users SET department = ?, title = ? WHERE id = ?",
                               {nullable(department.value()), title, user.value()}) == 1;
}

std::optional<Placement> DepartmentTable::placement(UserId user)
{
    QSqlQuery* query = m_statements.run("SELECT id, department, title FROM users WHERE id = ?", {user.value()});
    if (!query)
        return std::nullopt;
    std::optional<Placement> p;
    if (query->next())
        p = Placement{UserId(query->value(0).toLongLong()), DepartmentId(query->value(1).toLongLong()),
                      query->value(2).toString()};
    query->finish();
    return p;
}

QList<Placement> DepartmentTable::placements()
{
    QList<Placement> all;
    QSqlQuery* query = m_statements.run("SELECT id, department, title FROM users ORDER BY id", {});
    if (!query)
        return all;
    while (query->next())
        all.append(Placement{UserId(query->value(0).toLongLong()), DepartmentId(query->value(1).toLongLong()),
                             query->value(2).toString()});
    query->finish();
    return all;
}

QList<UserId> DepartmentTable::people(DepartmentId department, bool withSubdepartments)
{
    QList<UserId> ids;
    QSqlQuery* query =
        withSubdepartments
            ? m_statements.run("WITH RECURSIVE down(id, depth) AS (SELECT ?, 0 UNION ALL "
                               "SELECT d.id, down.depth + 1 FROM departments d JOIN down ON d.parent = down.id "
                               "WHERE down.depth < 64) "
                               "SELECT id FROM users WHERE disabled = 0 AND department IN (SELECT id FROM down) "
                               "ORDER BY id",
                               {department.value()})
            : m_statements.run("SELECT id FROM users WHERE disabled = 0 AND department = ? ORDER BY id",
                               {department.value()});
    if (!query)
        return ids;
    while (query->next())
        ids.append(UserId(query->value(0).toLongLong()));
    query->finish();
    return ids;
}

} // namespace lanchat
