#pragma once

#include "ids.h"
#include "pinyinmatcher.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace lanchat {

/**
 * The people of a department (a ContactsModel filtered by roles::ContactDepartment): those placed in the chosen
 * departments (a department and its sub-departments: DirectoryModel::subtree()), further filtered by what the user
 * types, matched by letters or pinyin (PinyinMatcher) against the display name, the username and the title. Keeps
 * the source's order (online first, then by name). With no departments set it shows nobody. Lives in the thread of
 * its source model.
 */
class DepartmentPeopleProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DepartmentPeopleProxy(QObject* parent = nullptr);
    ~DepartmentPeopleProxy() override;

    /** Shows the people of @p departments (empty: nobody). */
    void setDepartments(const QSet<lanchat::DepartmentId>& departments);
    /** Filters by @p text (as typed; empty: everyone of the departments). */
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QSet<lanchat::DepartmentId> m_departments;
    PinyinMatcher m_matcher;
};

} // namespace lanchat
