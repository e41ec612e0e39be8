#include "directorymessages.h"

#include "../protocol.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

QCborMap encodeDepartment(const DepartmentInfo& d)
{
    QCborMap entry;
    entry.insert(QLatin1String("id"), d.id.value());
    entry.insert(QLatin1String("name"), d.name);
    if (d.parent.isValid())
        entry.insert(QLatin1String("parent"), d.parent.value());
    if (d.manager.isValid())
        entry.insert(QLatin1String("manager"), d.manager.value());
    entry.insert(QLatin1String("members"), d.members);
    entry.insert(QLatin1String("total"), d.total);
    return entry;
}

} // namespace

QCborMap DirectoryOk::encode(const char* type) const
{
    QCborArray array;
    for (const DepartmentInfo& d : departments)
        array.append(encodeDepartment(d));
    QCborMap m = typed(type);
    m.insert(QLatin1String("departments"), array);
    return m;
}

std::optional<DirectoryOk> DirectoryOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    DirectoryOk x;
    const QCborArray array = r.array("departments", protocol::kMaxDepartments);
    for (const QCborValue& v : array) {
        const QCborMap entryMap = v.toMap(); // the reader keeps a reference: the map must outlive it
        CborFieldReader entry(entryMap);
        DepartmentInfo d;
        d.id = DepartmentId(entry.uint("id"));
        d.name = entry.text("name", protocol::kMaxNameChars * 4);
        d.parent = DepartmentId(entry.uint("parent", false));
        d.manager = UserId(entry.uint("manager", false));
        d.members = entry.uint("members", false);
        d.total = entry.uint("total", false);
        if (!v.isMap() || !entry.ok()) {
            if (error)
                *error = v.isMap() ? entry.error() : QStringLiteral("departments: an entry is not a map");
            return std::nullopt;
        }
        x.departments.append(d);
    }
    return finish(r, std::move(x), error);
}

QCborMap DepartmentGroup::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("department"), department.value());
    return m;
}

std::optional<DepartmentGroup> DepartmentGroup::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    DepartmentGroup x;
    x.department = DepartmentId(r.uint("department"));
    return finish(r, std::move(x), error);
}

} // namespace lanchat
