#pragma once

#include "ids.h"
#include "userinfo.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include <optional>

namespace lanchat {

/**
 * Every user account the server knows, with presence (roles::Contact in modelroles.h). Rows are sorted
 * online first, then by display name (locale-aware, case-insensitive); presence changes move rows with
 * beginMoveRows so views keep their selection. Filled by ChatClient from `users`, `user` and `presence`;
 * while the client is offline presence is unknown (setPresenceKnown()), not the last state seen.
 * Lives in the ChatClient's thread.
 */
class ContactsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit ContactsModel(QObject* parent = nullptr);
    ~ContactsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Replaces all rows (reply to `users`). */
    void setUsers(const QList<UserInfo>& users);
    /** Inserts or updates one user (`user` push). */
    void upsert(const UserInfo& user);
    /** Updates presence (`presence` push); unknown users are ignored. */
    void setOnline(UserId user, bool online);
    /**
     * Updates the chosen status and status text (`presence` push of a server with the `status` feature,
     * protocol.md 16); unknown users are ignored. @p status "offline" keeps the text and changes nothing else.
     */
    void setStatus(UserId user, const QString& status, const QString& text);
    /** What roles::ContactStatus shows for @p id: "online", "away", "busy", "dnd" or "offline". */
    QString statusOf(UserId id) const;
    /**
     * Without a connection nobody's presence is current: false shows every user as not online and
     * ContactPresenceKnown false until the next setUsers() (the `users` reply after a login) makes it known.
     */
    void setPresenceKnown(bool known);
    bool presenceKnown() const { return m_presenceKnown; }
    void clear();

    std::optional<UserInfo> user(UserId id) const;
    /** Display name of @p id, or its username, or "#id" when the user is not (yet) known. */
    QString displayName(UserId id) const;
    bool isOnline(UserId id) const;
    /** Row of @p id, -1 if absent. */
    int rowOf(UserId id) const;

Q_SIGNALS:
    /** A user's name or presence changed (conversation titles and peer presence depend on it). */
    void userChanged(lanchat::UserId user);

private:
    int sortedRow(const UserInfo& user, int excludeRow) const;
    void place(int row);
    /** Rebuilds m_rowById after rows were inserted, moved or removed (O(n); changes are rare, lookups are not). */
    void reindex();

    QList<UserInfo> m_users;
    QHash<UserId, int> m_rowById;
    bool m_presenceKnown = false;
};

} // namespace lanchat
