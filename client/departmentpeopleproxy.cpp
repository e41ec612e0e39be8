#include "departmentpeopleproxy.h"

#include "modelroles.h"

namespace lanchat {

DepartmentPeopleProxy::DepartmentPeopleProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{}

DepartmentPeopleProxy::~DepartmentPeopleProxy() = default;

void DepartmentPeopleProxy::setDepartments(const QSet<lanchat::DepartmentId>& departments)
{
    if (departments == m_departments)
        return;
    m_departments = departments;
    invalidateFilter();
}

void DepartmentPeopleProxy::setSearchText(const QString& text)
{
    if (m_matcher.setQuery(text))
        invalidateFilter();
}

bool DepartmentPeopleProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    const lanchat::DepartmentId department(row.data(roles::ContactDepartment).toLongLong());
    if (!m_departments.contains(department))
        return false;
    if (m_matcher.isEmpty())
        return true;
    return m_matcher.matches(row.data(roles::ContactDisplayName).toString(), PinyinReading::Style::PersonName) ||
           m_matcher.matches(row.data(roles::ContactUsername).toString(), PinyinReading::Style::PersonName) ||
           m_matcher.matches(row.data(roles::ContactTitle).toString(), PinyinReading::Style::Title);
}

} // namespace lanchat
