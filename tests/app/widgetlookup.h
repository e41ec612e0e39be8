#pragma once

#include <QAbstractItemModel>
#include <QLatin1String>
#include <QObject>
#include <QtDebug>

namespace lanchat::test {

/** The child of @p parent with objectName @p name and type T; nullptr (and a warning naming it) when none. */
template <typename T> T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

/** The first row of @p model (column 0) whose @p role holds @p value; invalid when none. */
inline QModelIndex findRow(const QAbstractItemModel* model, int role, const QVariant& value)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(role) == value)
            return index;
    }
    return {};
}

} // namespace lanchat::test
