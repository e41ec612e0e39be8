#pragma once

#include "ids.h"

#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** One department of the organisation directory (a `departments` row, schema 13). */
struct DepartmentRecord
{
    DepartmentId id;
    QString name;         ///< 1..64 characters, no '/', unique among its siblings
    DepartmentId parent;  ///< invalid: a top-level department
    UserId manager;       ///< invalid: no manager
    qint64 createdMs = 0; ///< ms since epoch, UTC
    bool operator==(const DepartmentRecord&) const = default;
};

/** Where an account sits in the directory (`users.department`, `users.title`, schema 13). */
struct Placement
{
    UserId user;
    DepartmentId department; ///< invalid: none
    QString title;           ///< job title, 0..64 characters; empty: none
    bool operator==(const Placement&) const = default;
};

/**
 * The department directory (docs/protocol.md 18), part of Storage. Writes follow the storage's transaction rules
 * (inside the caller's transaction when one is open). Failures return false / invalid / nullopt and log to
 * lanchat.storage. Same thread as the Storage it belongs to.
 *
 * The store keeps the tree well-formed: it refuses a move that would make a department its own ancestor and the
 * deletion of a department that still has sub-departments or people. Name rules (length, no '/') are the
 * caller's (DirectoryPath::validName()).
 */
class DirectoryStore
{
public:
    /** Deepest department path the store accepts, in levels (a top-level department is level 1). */
    static constexpr int kMaxDepth = 16;

    virtual ~DirectoryStore() = default;

    /**
     * A new department @p name under @p parent (invalid: top level) at @p nowMs; invalid if the parent does not
     * exist, a sibling already has that name, or on a database error.
     */
    virtual DepartmentId addDepartment(const QString& name, DepartmentId parent, qint64 nowMs) = 0;
    virtual std::optional<DepartmentRecord> department(DepartmentId id) = 0;
    /** The child of @p parent (invalid: top level) named exactly @p name. */
    virtual std::optional<DepartmentRecord> childNamed(DepartmentId parent, const QString& name) = 0;
    /** Every department, ordered by id. */
    virtual QList<DepartmentRecord> departments() = 0;
    /** False if it does not exist or a sibling has that name. */
    virtual bool renameDepartment(DepartmentId id, const QString& name) = 0;
    /**
     * Moves @p id under @p parent (invalid: top level). False if either does not exist, a sibling there has the
     * same name, or the move would make a cycle (parent is @p id or one of its descendants).
     */
    virtual bool moveDepartment(DepartmentId id, DepartmentId parent) = 0;
    /** Sets (invalid @p manager: clears) the manager. False if the department or the account does not exist. */
    virtual bool setManager(DepartmentId id, UserId manager) = 0;
    /** Deletes an empty department; false if it has sub-departments or people, or does not exist. */
    virtual bool removeDepartment(DepartmentId id) = 0;
    /** True if @p ancestor is @p id or one of its ancestors. */
    virtual bool isWithin(DepartmentId id, DepartmentId ancestor) = 0;

    /** Puts @p user in @p department (invalid: none) with @p title. False if either does not exist. */
    virtual bool setPlacement(UserId user, DepartmentId department, const QString& title) = 0;
    /** Where @p user sits; nullopt if the account does not exist. */
    virtual std::optional<Placement> placement(UserId user) = 0;
    /** Every account's placement, ordered by user id (accounts without a department included). */
    virtual QList<Placement> placements() = 0;
    /**
     * The enabled accounts of @p department and, when @p withSubdepartments, of every department below it,
     * ordered by user id.
     */
    virtual QList<UserId> people(DepartmentId department, bool withSubdepartments) = 0;
};

} // namespace lanchat
