#pragma once

#include "ids.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lanchat {

class PasswordHasher;
class Storage;

/**
 * Creates or updates accounts and departments from a CSV file (docs/admin.md, "CSV import"), all or nothing.
 *
 * The first record is the header: `username` and `display_name` are required; `department` (a path such as
 * "总部/研发部/平台组", created when missing), `title`, `phone`, `email` and `password` are optional; column names
 * are case-insensitive, in any order; an unknown or repeated column is refused. load() checks the whole file first
 * and refuses it, naming the line, for malformed CSV, invalid UTF-8, a missing column, a wrong field count, a bad
 * field, a username twice (case-insensitive) or a department path that names the same department twice (a cycle).
 * apply() then writes everything in one transaction; on a database error it rolls back and nothing is imported.
 *
 * Accounts are matched by username. A new account without a password cannot log in until an administrator sets
 * one (`user passwd`); hashing a password costs ~0.1-0.5 s (Argon2id at the configured cost), so leave the column
 * empty for large imports. An existing account keeps its password and its enabled/disabled state; its display
 * name, department and title are set from the file, and so are its phone and email (profile, schema 11) when the file
 * has those columns. CLI thread.
 */
class UserImport
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::UserImport)

public:
    /** What apply() did. */
    struct Report
    {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int departmentsCreated = 0;
        int withoutPassword = 0; ///< accounts created without a password (cannot log in yet)
    };
    /** Largest file accepted, bytes. */
    static constexpr qsizetype kMaxFileBytes = 64 * 1024 * 1024;
    /** Password hash of an account created without a password: it matches no password. */
    static constexpr const char* kNoPasswordHash = "!";

    /** @p hasher hashes the `password` column (nullptr: the column is refused). Both must outlive this. */
    UserImport(Storage& storage, const PasswordHasher* hasher);

    /** Parses and checks @p csv; false with error() and errorLine() when it must be refused. */
    bool load(const QByteArray& csv);
    /** Rows load() accepted. */
    int rowCount() const { return int(m_rows.size()); }
    /** Writes the loaded rows in one transaction at @p nowMs; false with error() (nothing written). */
    bool apply(qint64 nowMs, Report* report);

    /** "line N: why" (translated), or empty. */
    QString error() const { return m_error; }
    /** The line load() refused, 0 if none. */
    int errorLine() const { return m_errorLine; }

private:
    struct Row
    {
        int line = 0;
        QString username;
        QString displayName;
        QStringList department;
        QString title;
        std::optional<QString> phone; ///< nullopt: the file has no such column (the stored value stays)
        std::optional<QString> email;
        QByteArray passwordHash;
    };

    bool readHeader(const QList<QByteArray>& fields);
    bool readRow(int line, const QList<QByteArray>& fields, Row* row);
    bool fail(int line, const QString& why);
    bool write(const Row& row, qint64 nowMs, Report* report);
    /** Sets the row's phone and email on @p user; @p changed true if they differed. */
    bool writeProfile(const Row& row, UserId user, bool* changed);

    Storage& m_storage;
    const PasswordHasher* m_hasher;
    QStringList m_columns;
    QList<Row> m_rows;
    QString m_error;
    int m_errorLine = 0;
};

} // namespace lanchat
