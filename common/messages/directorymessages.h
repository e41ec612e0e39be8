#pragma once

// The department directory (docs/protocol.md 18): the tree of departments, its push, and turning a department
// into a group.

#include "../ids.h"

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

namespace msgtype {
/** `directory {}` → DirectoryOk; also the type of the push that carries the whole tree after a change. */
inline constexpr const char* kDirectory = "directory";
} // namespace msgtype

/** One department as clients see it. */
struct DepartmentInfo
{
    DepartmentId id;
    QString name;        ///< 1..64 characters, no '/'
    DepartmentId parent; ///< absent on the wire (invalid here) for a top-level department
    UserId manager;      ///< absent on the wire (invalid here) when it has no manager
    qint64 members = 0;  ///< enabled accounts placed directly in this department
    qint64 total = 0;    ///< enabled accounts in it and in every department below it
    bool operator==(const DepartmentInfo&) const = default;
};

/**
 * `ok {departments}` (reply to `directory`) and the push `directory {departments}`: every department, parents
 * before their children, siblings by name.
 */
struct DirectoryOk
{
    QList<DepartmentInfo> departments; ///< at most protocol::kMaxDepartments
    /** @p type: "ok" for the reply, msgtype::kDirectory for the push. */
    QCborMap encode(const char* type = "ok") const;
    static std::optional<DirectoryOk> decode(const QCborMap& map, QString* error);
};

/**
 * `department_group {department}` → `ok {conversation}` (ConversationOk): a new group named after the department
 * whose members are the enabled accounts of the department and of every department below it, owned by the
 * requester. Errors: not_found, forbidden (the requester is not the department's manager), invalid_argument (more
 * than protocol::kMaxGroupMembers people).
 */
struct DepartmentGroup
{
    static constexpr const char* kType = "department_group";
    DepartmentId department;
    QCborMap encode() const;
    static std::optional<DepartmentGroup> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
