#include "departmentpath.h"

#include "directorystore.h"
#include "protocol.h"

namespace lanchat {

bool DepartmentPath::parse(const QString& path, QStringList* names, QString* error)
{
    names->clear();
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1String("/"))
        return true;
    const QStringList parts = trimmed.split(u'/');
    for (const QString& part : parts) {
        if (!validName(part)) {
            *error = tr("invalid department path '%1' (each name 1-64 characters, separated by /)").arg(path);
            return false;
        }
        names->append(part.trimmed());
    }
    if (names->size() > DirectoryStore::kMaxDepth) {
        *error = tr("department path '%1' is deeper than %2 levels").arg(path).arg(DirectoryStore::kMaxDepth);
        return false;
    }
    return true;
}

bool DepartmentPath::validName(const QString& name)
{
    const QString trimmed = name.trimmed();
    return !trimmed.isEmpty() && trimmed.size() <= protocol::kMaxNameChars && !trimmed.contains(u'/');
}

DepartmentId DepartmentPath::find(DirectoryStore& store, const QStringList& names)
{
    DepartmentId at;
    for (const QString& name : names) {
        const std::optional<DepartmentRecord> child = store.childNamed(at, name);
        if (!child)
            return {};
        at = child->id;
    }
    return at;
}

DepartmentId DepartmentPath::ensure(DirectoryStore& store, const QStringList& names, qint64 nowMs, int* created)
{
    DepartmentId at;
    for (const QString& name : names) {
        if (const std::optional<DepartmentRecord> child = store.childNamed(at, name)) {
            at = child->id;
            continue;
        }
        at = store.addDepartment(name, at, nowMs);
        if (!at.isValid())
            return {};
        if (created)
            ++*created;
    }
    return at;
}

QString DepartmentPath::of(DirectoryStore& store, DepartmentId id)
{
    QStringList names;
    for (int depth = 0; id.isValid() && depth <= DirectoryStore::kMaxDepth * 4; ++depth) {
        const std::optional<DepartmentRecord> d = store.department(id);
        if (!d)
            break;
        names.prepend(d->name);
        id = d->parent;
    }
    return names.join(u'/');
}

} // namespace lanchat
