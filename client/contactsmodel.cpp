#include "contactsmodel.h"

#include "modelroles.h"

namespace lanchat {

namespace {

bool lessThan(const UserInfo& a, const UserInfo& b)
{
    if (a.online != b.online)
        return a.online;
    const int byName = a.displayName.compare(b.displayName, Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    return a.id < b.id;
}

} // namespace

ContactsModel::ContactsModel(QObject* parent)
    : QAbstractListModel(parent)
{}

ContactsModel::~ContactsModel() = default;

int ContactsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant ContactsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserInfo& u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case roles::ContactDisplayName:
        return u.displayName.isEmpty() ? u.username : u.displayName;
    case Qt::ToolTipRole:
        if (!m_presenceKnown) {
            //: tooltip of a contact while the user's own connection is down
            return tr("%1 (%2), presence unknown while you are offline").arg(u.displayName, u.username);
        }
        if (!u.online)
            return tr("%1 (%2), offline").arg(u.displayName, u.username);
        if (u.status == QLatin1String("away"))
            return tr("%1 (%2), away").arg(u.displayName, u.username);
        if (u.status == QLatin1String("busy"))
            return tr("%1 (%2), busy").arg(u.displayName, u.username);
        if (u.status == QLatin1String("dnd"))
            return tr("%1 (%2), do not disturb").arg(u.displayName, u.username);
        return tr("%1 (%2), online").arg(u.displayName, u.username);
    case roles::ContactUserId:
        return u.id.value();
    case roles::ContactUsername:
        return u.username;
    case roles::ContactOnline:
        return m_presenceKnown && u.online;
    case roles::ContactPresenceKnown:
        return m_presenceKnown;
    case roles::ContactStatus:
        return statusOf(u.id);
    case roles::ContactDepartment:
        return u.department.value();
    case roles::ContactTitle:
        return u.title;
    case roles::ContactStatusText:
        return u.statusText;
    default:
        return {};
    }
}

QHash<int, QByteArray> ContactsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(roles::ContactUserId, "userId");
    names.insert(roles::ContactUsername, "username");
    names.insert(roles::ContactDisplayName, "displayName");
    names.insert(roles::ContactOnline, "online");
    names.insert(roles::ContactPresenceKnown, "presenceKnown");
    names.insert(roles::ContactStatus, "status");
    names.insert(roles::ContactStatusText, "statusText");
    names.insert(roles::ContactDepartment, "department");
    names.insert(roles::ContactTitle, "title");
    return names;
}

void ContactsModel::setUsers(const QList<UserInfo>& users)
{
    beginResetModel();
    m_users = users;
    m_presenceKnown = true;
    std::sort(m_users.begin(), m_users.end(), lessThan);
    reindex();
    endResetModel();
    for (const UserInfo& u : std::as_const(m_users))
        Q_EMIT userChanged(u.id);
}

void ContactsModel::upsert(const UserInfo& user)
{
    const int row = rowOf(user.id);
    if (row < 0) {
        const int at = sortedRow(user, -1);
        beginInsertRows({}, at, at);
        m_users.insert(at, user);
        reindex();
        endInsertRows();
    } else {
        m_users[row] = user;
        place(row);
    }
    Q_EMIT userChanged(user.id);
}

void ContactsModel::setOnline(UserId user, bool online)
{
    const int row = rowOf(user);
    // Before the `users` snapshot after a login, a change is older than the snapshot that follows.
    if (row < 0 || !m_presenceKnown || m_users.at(row).online == online)
        return;
    m_users[row].online = online;
    place(row);
    Q_EMIT userChanged(user);
}

void ContactsModel::setStatus(UserId user, const QString& status, const QString& text)
{
    const int row = rowOf(user);
    if (row < 0)
        return;
    UserInfo& u = m_users[row];
    const QString chosen = status == QLatin1String("offline") ? u.status : status;
    if (u.status == chosen && u.statusText == text)
        return;
    u.status = chosen;
    u.statusText = text;
    const QModelIndex at = index(row, 0);
    Q_EMIT dataChanged(at, at);
    Q_EMIT userChanged(user);
}

QString ContactsModel::statusOf(UserId id) const
{
    const int row = rowOf(id);
    if (row < 0 || !m_presenceKnown || !m_users.at(row).online)
        return QStringLiteral("offline");
    const QString& status = m_users.at(row).status;
    // An older server sends none; a newer server's unknown status reads as available (protocol.md 8.1).
    const bool known =
        status == QLatin1String("away") || status == QLatin1String("busy") || status == QLatin1String("dnd");
    return known ? status : QStringLiteral("online");
}

void ContactsModel::setPresenceKnown(bool known)
{
    if (known == m_presenceKnown)
        return;
    beginResetModel();
    m_presenceKnown = known;
    if (!known) {
        // The last presence seen is stale: nobody is shown online, and the order follows the names alone.
        for (UserInfo& u : m_users)
            u.online = false;
        std::sort(m_users.begin(), m_users.end(), lessThan);
        reindex();
    }
    endResetModel();
    for (const UserInfo& u : std::as_const(m_users))
        Q_EMIT userChanged(u.id);
}

void ContactsModel::clear()
{
    beginResetModel();
    m_users.clear();
    m_presenceKnown = false;
    reindex();
    endResetModel();
}

std::optional<UserInfo> ContactsModel::user(UserId id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_users.at(row);
}

QString ContactsModel::displayName(UserId id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return QStringLiteral("#%1").arg(id.value());
    const UserInfo& u = m_users.at(row);
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

bool ContactsModel::isOnline(UserId id) const
{
    const int row = rowOf(id);
    return row >= 0 && m_presenceKnown && m_users.at(row).online;
}

int ContactsModel::rowOf(UserId id) const
{
    // Hashed: the message view asks for a sender name on every paint of every visible row.
    return m_rowById.value(id, -1);
}

void ContactsModel::reindex()
{
    m_rowById.clear();
    m_rowById.reserve(m_users.size());
    for (int i = 0; i < m_users.size(); ++i)
        m_rowById.insert(m_users.at(i).id, i);
}

int ContactsModel::sortedRow(const UserInfo& user, int excludeRow) const
{
    int at = 0;
    for (int i = 0; i < m_users.size(); ++i) {
        if (i != excludeRow && lessThan(m_users.at(i), user))
            ++at;
    }
    return at;
}

void ContactsModel::place(int row)
{
    const int target = sortedRow(m_users.at(row), row);
    if (target != row) {
        // beginMoveRows wants the destination in pre-move numbering.
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_users.move(row, target);
        reindex();
        endMoveRows();
    }
    const QModelIndex i = index(target);
    Q_EMIT dataChanged(i, i);
}

} // namespace lanchat
