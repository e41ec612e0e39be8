#include "contactfilterproxy.h"

#include "modelroles.h"

namespace lanchat {

ContactFilterProxy::ContactFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QSortFilterProxyModel::sourceModelChanged, this, [this] {
        QAbstractItemModel* source = sourceModel();
        if (!source)
            return;
        connect(source, &QAbstractItemModel::modelReset, this, &ContactFilterProxy::prepareReadings);
        connect(source, &QAbstractItemModel::rowsInserted, this, &ContactFilterProxy::prepareReadings);
        prepareReadings();
    });
}

ContactFilterProxy::~ContactFilterProxy() = default;

void ContactFilterProxy::setSearchText(const QString& text)
{
    if (m_matcher.setQuery(text))
        invalidateFilter();
}

void ContactFilterProxy::prepareReadings()
{
    QStringList names;
    for (int row = 0; row < sourceModel()->rowCount(); ++row)
        names.append(sourceModel()->index(row, 0).data(roles::ContactDisplayName).toString());
    PinyinReading::prepare(names, PinyinReading::Style::PersonName);
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
