#include "directorytree.h"

#include "storage/storage.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace lanchat {

QList<DepartmentInfo> DirectoryTree::read(Storage& storage)
{
    DirectoryStore& directory = storage.directory();
    QSet<UserId> disabled;
    for (const UserRecord& user : storage.users()) {
        if (user.disabled)
            disabled.insert(user.id);
    }
    QHash<DepartmentId, qint64> direct;
    for (const Placement& p : directory.placements()) {
        if (p.department.isValid() && !disabled.contains(p.user))
            ++direct[p.department];
    }
    const QList<DepartmentRecord> records = directory.departments();
    QHash<DepartmentId, QList<const DepartmentRecord*>> children;
    QSet<DepartmentId> known;
    for (const DepartmentRecord& d : records)
        known.insert(d.id);
    for (const DepartmentRecord& d : records)
        children[known.contains(d.parent) ? d.parent : DepartmentId()].append(&d);
    for (auto& list : children) {
        std::sort(list.begin(), list.end(),
                  [](const DepartmentRecord* a, const DepartmentRecord* b) { return a->name < b->name; });
    }
    QList<DepartmentInfo> out;
    out.reserve(records.size());
    QSet<DepartmentId> visited; // the store refuses cycles; a damaged file must not loop here all the same
    // Depth first, so that a department's total is known when its subtree has been walked.
    const auto walk = [&](auto&& self, DepartmentId parent) -> qint64 {
        qint64 sum = 0;
        for (const DepartmentRecord* d : children.value(parent)) {
            if (visited.contains(d->id))
                continue;
            visited.insert(d->id);
            const qsizetype index = out.size();
            out.append(DepartmentInfo{d->id, d->name, d->parent, d->manager, direct.value(d->id), 0});
            const qint64 total = out[index].members + self(self, d->id);
            out[index].total = total;
            sum += total;
        }
        return sum;
    };
    walk(walk, DepartmentId());
    return out;
}

} // namespace lanchat
