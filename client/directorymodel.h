#pragma once

#include "messages/directorymessages.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace lanchat {

/**
 * The department tree of the server (docs/protocol.md 18; roles::Department in modelroles.h): top-level
 * departments as root rows, each department's sub-departments as its children, siblings by name as the server
 * orders them. Replaced as a whole by setDepartments() (the `directory` reply and push): the tree is small and
 * changes rarely, so views reset rather than diff. A department whose parent is missing is shown at the top.
 * Filled by ChatClient; lives in its thread.
 */
class DirectoryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    explicit DirectoryModel(QObject* parent = nullptr);
    ~DirectoryModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Replaces the tree (a `directory` reply or push); resets the model. */
    void setDepartments(const QList<DepartmentInfo>& departments);
    void clear();
    bool isEmpty() const { return m_departments.isEmpty(); }

    std::optional<DepartmentInfo> department(lanchat::DepartmentId id) const;
    /** The index of @p id; invalid if it is not in the tree. */
    QModelIndex indexOf(lanchat::DepartmentId id) const;
    /** @p id and every department below it (empty if @p id is unknown). */
    QSet<lanchat::DepartmentId> subtree(lanchat::DepartmentId id) const;
    /** "总部 / 研发部 / 平台组" of @p id, top first, joined by @p separator; empty if unknown. */
    QString path(lanchat::DepartmentId id, const QString& separator = QStringLiteral(" / ")) const;

Q_SIGNALS:
    /** The tree was replaced. */
    void departmentsChanged();

private:
    QList<DepartmentInfo> m_departments;                       ///< as the server sent them
    QHash<lanchat::DepartmentId, qsizetype> m_byId;            ///< id → index in m_departments
    QHash<lanchat::DepartmentId, QList<qsizetype>> m_children; ///< parent (invalid: top) → indexes, in order
    QHash<lanchat::DepartmentId, int> m_rowInParent;           ///< id → its row among its siblings
};

} // namespace lanchat
