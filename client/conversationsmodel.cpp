#include "conversationsmodel.h"

#include "contactsmodel.h"
#include "languagechangewatcher.h"
#include "messagesmodel.h"
#include "modelroles.h"

#include <QDateTime>

#include <algorithm>

namespace lanchat {

namespace {

// More than a sidebar row ever shows; the rest of a long message need not stay in memory twice.
constexpr qsizetype kPreviewChars = 300;

bool newerFirst(Seq aSeq, ConversationId aId, Seq bSeq, ConversationId bId)
{
    if (aSeq != bSeq)
        return aSeq > bSeq;
    return aId > bId;
}

} // namespace

ConversationsModel::ConversationsModel(const ContactsModel* contacts, QObject* parent)
    : QAbstractListModel(parent)
    , m_contacts(contacts)
{
    connect(contacts, &ContactsModel::userChanged, this, &ConversationsModel::onUserChanged);
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this, [this] {
        if (!m_entries.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1), {roles::ConversationLastText});
    });
}

ConversationsModel::~ConversationsModel() = default;

int ConversationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ConversationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_entries.at(index.row());
    const bool isGroup = e.info.kind == ConversationKind::Group;
    switch (role) {
    case Qt::DisplayRole:
    case roles::ConversationTitle:
        return title(e);
    case roles::ConversationId:
        return e.info.id.value();
    case roles::ConversationIsGroup:
        return isGroup;
    case roles::ConversationPeerId:
        return peerOf(e.info).value();
    case roles::ConversationPeerOnline:
        return !isGroup && m_contacts->isOnline(peerOf(e.info));
    case roles::ConversationLastText:
        // Worded now, not when the message came: the preview follows a language switch.
        return e.lastTimestampMs > 0 ? MessagesModel::displayText(e.last, m_contacts, m_ownUser).simplified()
                                     : QString();
    case roles::ConversationLastActivity:
        return e.lastTimestampMs > 0 ? QDateTime::fromMSecsSinceEpoch(e.lastTimestampMs) : QDateTime();
    case roles::ConversationUnread:
        return e.unread;
    case roles::ConversationMembers: {
        QList<qint64> members;
        members.reserve(e.info.members.size());
        for (UserId u : e.info.members)
            members.append(u.value());
        return QVariant::fromValue(members);
    }
    case roles::ConversationOwnerId:
        return e.info.owner.value();
    case roles::ConversationAdminIds: {
        QList<qint64> admins;
        for (UserId u : e.info.admins)
            admins.append(u.value());
        return QVariant::fromValue(admins);
    }
    case roles::ConversationDissolved:
        return e.dissolved;
    case roles::ConversationPeerPresenceKnown:
        return !isGroup && m_contacts->presenceKnown();
    case roles::ConversationPeerStatus:
        return isGroup ? QString() : m_contacts->statusOf(peerOf(e.info));
    case roles::ConversationPeerAvatar: {
        const std::optional<UserInfo> peer = isGroup ? std::nullopt : m_contacts->user(peerOf(e.info));
        return peer ? peer->avatar : QByteArray();
    }
    case roles::ConversationRemovedBy:
        return e.removedBy.value();
    case roles::ConversationRemoved:
        return e.removed;
    case roles::ConversationIsAnnouncements:
        return e.info.announcements;
    case roles::ConversationMentioned:
        return e.mentioned;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(roles::ConversationId, "conversationId");
    names.insert(roles::ConversationIsGroup, "isGroup");
    names.insert(roles::ConversationTitle, "title");
    names.insert(roles::ConversationPeerId, "peerId");
    names.insert(roles::ConversationPeerOnline, "peerOnline");
    names.insert(roles::ConversationLastText, "lastText");
    names.insert(roles::ConversationLastActivity, "lastActivity");
    names.insert(roles::ConversationUnread, "unread");
    names.insert(roles::ConversationMembers, "members");
    names.insert(roles::ConversationOwnerId, "ownerId");
    names.insert(roles::ConversationAdminIds, "adminIds");
    names.insert(roles::ConversationDissolved, "dissolved");
    names.insert(roles::ConversationPeerPresenceKnown, "peerPresenceKnown");
    names.insert(roles::ConversationRemovedBy, "removedBy");
    names.insert(roles::ConversationRemoved, "removed");
    names.insert(roles::ConversationIsAnnouncements, "isAnnouncements");
    names.insert(roles::ConversationMentioned, "mentioned");
    names.insert(roles::ConversationPeerAvatar, "peerAvatar");
    return names;
}

void ConversationsModel::setOwnUser(UserId user)
{
    m_ownUser = user;
}

void ConversationsModel::setConversations(const QList<ConversationInfo>& conversations)
{
    QList<Entry> entries;
    entries.reserve(conversations.size());
    for (const ConversationInfo& info : conversations) {
        const int old = rowOf(info.id);
        Entry e = old >= 0 ? m_entries.at(old) : Entry{};
        e.info = info;
        e.info.lastSeq = std::max(info.lastSeq, old >= 0 ? m_entries.at(old).info.lastSeq : 0);
        e.info.readSeq = std::max(info.readSeq, old >= 0 ? m_entries.at(old).info.readSeq : 0);
        e.removed = false;
        e.removedBy = UserId();
        entries.append(e);
    }
    for (const Entry& old : std::as_const(m_entries)) {
        const bool listed = std::any_of(conversations.cbegin(), conversations.cend(),
                                        [&old](const ConversationInfo& c) { return c.id == old.info.id; });
        if (old.removed && !listed)
            entries.append(old); // its history stays readable
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return newerFirst(a.info.lastSeq, a.info.id, b.info.lastSeq, b.info.id);
    });
    beginResetModel();
    m_entries = entries;
    endResetModel();
    emitTotal();
}

void ConversationsModel::upsert(const ConversationInfo& conversation)
{
    const int row = rowOf(conversation.id);
    if (row < 0) {
        Entry e;
        e.info = conversation;
        const int at = sortedRow(e, -1);
        beginInsertRows({}, at, at);
        m_entries.insert(at, e);
        endInsertRows();
        return;
    }
    Entry& e = m_entries[row];
    const Seq lastSeq = std::max(e.info.lastSeq, conversation.lastSeq);
    const Seq readSeq = std::max(e.info.readSeq, conversation.readSeq);
    e.info = conversation;
    e.info.lastSeq = lastSeq;
    e.info.readSeq = readSeq;
    e.removed = false; // listed again: a member again
    e.removedBy = UserId();
    e.dissolved = false;
    place(row);
}

void ConversationsModel::markRemoved(ConversationId id, UserId by, bool dissolved)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_entries[row].removed = true;
    m_entries[row].removedBy = by;
    m_entries[row].dissolved = dissolved;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

bool ConversationsModel::isRemoved(ConversationId id) const
{
    const int row = rowOf(id);
    return row >= 0 && m_entries.at(row).removed;
}

UserId ConversationsModel::removedBy(ConversationId id) const
{
    const int row = rowOf(id);
    return row < 0 ? UserId() : m_entries.at(row).removedBy;
}

void ConversationsModel::remove(ConversationId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    emitTotal();
}

void ConversationsModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    emitTotal();
}

bool ConversationsModel::noteMessage(const MessageRecord& message, bool unread)
{
    const int row = rowOf(message.conversation);
    if (row < 0)
        return false;
    Entry& e = m_entries[row];
    // lastSeq counts recall and edit records too, which are no preview: a message newer than the one shown is.
    if (message.seq >= e.info.lastSeq || e.lastTimestampMs == 0 || message.seq > e.last.seq) {
        e.info.lastSeq = std::max(e.info.lastSeq, message.seq);
        e.last = message;
        e.last.text.truncate(kPreviewChars);
        e.lastTimestampMs = message.timestampMs;
    }
    if (unread)
        ++e.unread;
    place(row);
    if (unread)
        emitTotal();
    return true;
}

void ConversationsModel::updateLast(const MessageRecord& message)
{
    const int row = rowOf(message.conversation);
    if (row < 0 || m_entries.at(row).last.seq != message.seq)
        return;
    Entry& e = m_entries[row];
    e.last = message;
    e.last.text.truncate(kPreviewChars);
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {Qt::DisplayRole, roles::ConversationLastText});
}

void ConversationsModel::setRead(ConversationId id, Seq readSeq, int unread)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Entry& e = m_entries[row];
    e.info.readSeq = std::max(e.info.readSeq, readSeq);
    e.unread = unread;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {roles::ConversationUnread});
    emitTotal();
}

void ConversationsModel::setMentioned(ConversationId id, bool mentioned)
{
    const int row = rowOf(id);
    if (row < 0 || m_entries.at(row).mentioned == mentioned)
        return;
    m_entries[row].mentioned = mentioned;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {roles::ConversationMentioned});
}

bool ConversationsModel::isMentioned(ConversationId id) const
{
    const int row = rowOf(id);
    return row >= 0 && m_entries.at(row).mentioned;
}

std::optional<ConversationInfo> ConversationsModel::conversation(ConversationId id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_entries.at(row).info;
}

QList<ConversationId> ConversationsModel::ids() const
{
    QList<ConversationId> out;
    for (const Entry& e : m_entries)
        out.append(e.info.id);
    return out;
}

int ConversationsModel::unread(ConversationId id) const
{
    const int row = rowOf(id);
    return row < 0 ? 0 : m_entries.at(row).unread;
}

int ConversationsModel::totalUnread() const
{
    int total = 0;
    for (const Entry& e : m_entries)
        total += e.unread;
    return total;
}

int ConversationsModel::rowOf(ConversationId id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).info.id == id)
            return i;
    }
    return -1;
}

UserId ConversationsModel::peerOf(const ConversationInfo& conversation) const
{
    if (conversation.kind != ConversationKind::Private)
        return {};
    for (UserId u : conversation.members) {
        if (u != m_ownUser)
            return u;
    }
    return m_ownUser; // a conversation with oneself
}

ConversationId ConversationsModel::privateWith(UserId user) const
{
    for (const Entry& e : m_entries) {
        if (e.info.kind == ConversationKind::Private && peerOf(e.info) == user)
            return e.info.id;
    }
    return {};
}

QString ConversationsModel::titleOf(ConversationId id) const
{
    const int row = rowOf(id);
    return row >= 0 ? title(m_entries.at(row)) : QString();
}

QString ConversationsModel::title(const Entry& entry) const
{
    // The server stores an English name for the channel; every user reads it in their own language.
    if (entry.info.announcements)
        return tr("Announcements");
    if (entry.info.kind == ConversationKind::Group)
        return entry.info.name;
    return m_contacts->displayName(peerOf(entry.info));
}

int ConversationsModel::sortedRow(const Entry& entry, int excludeRow) const
{
    int at = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry& other = m_entries.at(i);
        if (i != excludeRow && newerFirst(other.info.lastSeq, other.info.id, entry.info.lastSeq, entry.info.id))
            ++at;
    }
    return at;
}

void ConversationsModel::place(int row)
{
    const int target = sortedRow(m_entries.at(row), row);
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_entries.move(row, target);
        endMoveRows();
    }
    const QModelIndex i = index(target);
    Q_EMIT dataChanged(i, i);
}

void ConversationsModel::onUserChanged(UserId user)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).info.members.contains(user)) {
            const QModelIndex idx = index(i);
            Q_EMIT dataChanged(idx, idx);
        }
    }
}

void ConversationsModel::emitTotal()
{
    const int total = totalUnread();
    if (total == m_lastTotal)
        return;
    m_lastTotal = total;
    Q_EMIT totalUnreadChanged(total);
}

} // namespace lanchat
