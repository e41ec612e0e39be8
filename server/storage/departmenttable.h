#pragma once

#include "directorystore.h"

namespace lanchat {

class SqlStatements;

/** The `departments` table and the users' department/title columns (schema 13) behind SqliteStorage::directory(). */
class DepartmentTable : public DirectoryStore
{
public:
    explicit DepartmentTable(SqlStatements& statements);

    DepartmentId addDepartment(const QString& name, DepartmentId parent, qint64 nowMs) override;
    std::optional<DepartmentRecord> department(DepartmentId id) override;
    std::optional<DepartmentRecord> childNamed(DepartmentId parent, const QString& name) override;
    QList<DepartmentRecord> departments() override;
    bool renameDepartment(DepartmentId id, const QString& name) override;
    bool moveDepartment(DepartmentId id, DepartmentId parent) override;
    bool setManager(DepartmentId id, UserId manager) override;
    bool removeDepartment(DepartmentId id) override;
    bool isWithin(DepartmentId id, DepartmentId ancestor) override;
    bool setPlacement(UserId user, DepartmentId department, const QString& title) override;
    std::optional<Placement> placement(UserId user) override;
    QList<Placement> placements() override;
    QList<UserId> people(DepartmentId department, bool withSubdepartments) override;

private:
    SqlStatements& m_statements;
};

} // namespace lanchat
