#pragma once

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

} // namespace lanchat::test
