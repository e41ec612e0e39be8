#include "directorymodel.h"

#include "modelroles.h"

namespace lanchat {

DirectoryModel::DirectoryModel(QObject* parent)
    : QAbstractItemModel(parent)
{}

DirectoryModel::~DirectoryModel() = default;

QModelIndex DirectoryModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    const lanchat::DepartmentId parentId =
        parent.isValid() ? m_departments.at(qsizetype(parent.internalId())).id : lanchat::DepartmentId();
    const QList<qsizetype> children = m_children.value(parentId);
    if (row >= children.size())
        return {};
    return createIndex(row, 0, quintptr(children.at(row)));
}

QModelIndex DirectoryModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const DepartmentInfo& d = m_departments.at(qsizetype(child.internalId()));
    const auto parentAt = m_byId.constFind(d.parent);
    if (parentAt == m_byId.cend())
        return {};
    return createIndex(m_rowInParent.value(d.parent), 0, quintptr(*parentAt));
}

int DirectoryModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const lanchat::DepartmentId id =
        parent.isValid() ? m_departments.at(qsizetype(parent.internalId())).id : lanchat::DepartmentId();
    return int(m_children.value(id).size());
}

int DirectoryModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant DirectoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DepartmentInfo& d = m_departments.at(qsizetype(index.internalId()));
    switch (role) {
    case Qt::DisplayRole:
    case roles::DepartmentName:
        return d.name;
    case roles::DepartmentId:
        return d.id.value();
    case roles::DepartmentManagerId:
        return d.manager.value();
    case roles::DepartmentMembers:
        return d.members;
    case roles::DepartmentTotal:
        return d.total;
    default:
        return {};
    }
}

QHash<int, QByteArray> DirectoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(roles::DepartmentId, "departmentId");
    names.insert(roles::DepartmentName, "name");
    names.insert(roles::DepartmentManagerId, "managerId");
    names.insert(roles::DepartmentMembers, "members");
    names.insert(roles::DepartmentTotal, "total");
    return names;
}

void DirectoryModel::setDepartments(const QList<DepartmentInfo>& departments)
{
    beginResetModel();
    m_departments = departments;
    m_byId.clear();
    m_children.clear();
    m_rowInParent.clear();
    for (qsizetype i = 0; i < m_departments.size(); ++i)
        m_byId.insert(m_departments.at(i).id, i);
    for (qsizetype i = 0; i < m_departments.size(); ++i) {
        const DepartmentInfo& d = m_departments.at(i);
        // A missing parent (or one naming itself) would hide the department: show it at the top instead.
        const bool parentKnown = d.parent != d.id && m_byId.contains(d.parent);
        QList<qsizetype>& siblings = m_children[parentKnown ? d.parent : lanchat::DepartmentId()];
        m_rowInParent.insert(d.id, int(siblings.size()));
        siblings.append(i);
    }
    endResetModel();
    Q_EMIT departmentsChanged();
}

void DirectoryModel::clear()
{
    setDepartments({});
}

std::optional<DepartmentInfo> DirectoryModel::department(lanchat::DepartmentId id) const
{
    const auto at = m_byId.constFind(id);
    if (at == m_byId.cend())
        return std::nullopt;
    return m_departments.at(*at);
}

QModelIndex DirectoryModel::indexOf(lanchat::DepartmentId id) const
{
    const auto at = m_byId.constFind(id);
    if (at == m_byId.cend())
        return {};
    return createIndex(m_rowInParent.value(id), 0, quintptr(*at));
}

QSet<lanchat::DepartmentId> DirectoryModel::subtree(lanchat::DepartmentId id) const
{
    QSet<lanchat::DepartmentId> ids;
    if (!m_byId.contains(id))
        return ids;
    QList<lanchat::DepartmentId> pending{id};
    while (!pending.isEmpty()) {
        const lanchat::DepartmentId next = pending.takeLast();
        if (ids.contains(next))
            continue;
        ids.insert(next);
        for (qsizetype child : m_children.value(next))
            pending.append(m_departments.at(child).id);
    }
    return ids;
}

QString DirectoryModel::path(lanchat::DepartmentId id, const QString& separator) const
{
    QStringList names;
    QSet<lanchat::DepartmentId> seen;
    for (auto d = department(id); d && !seen.contains(d->id); d = department(d->parent)) {
        seen.insert(d->id);
        names.prepend(d->name);
    }
    return names.join(separator);
}

} // namespace lanchat
