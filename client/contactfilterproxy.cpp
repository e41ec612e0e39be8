#include "contactfilterproxy.h"

#include "modelroles.h"

namespace lanchat {

ContactFilterProxy::ContactFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{}

ContactFilterProxy::~ContactFilterProxy() = default;

void ContactFilterProxy::setSearchText(const QString& text)
{
    PinyinMatcher matcher(text);
    if (matcher.foldedQuery() == m_matcher.foldedQuery())
        return;
    m_matcher = std::move(matcher);
    invalidateFilter();
}

bool ContactFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_matcher.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_matcher.matches(index.data(roles::ContactDisplayName).toString(), PinyinReading::Style::PersonName) ||
           m_matcher.matches(index.data(roles::ContactUsername).toString(), PinyinReading::Style::Title);
}

} // namespace lanchat
