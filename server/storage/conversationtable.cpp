#include "conversationtable.h"

#include "sqlstatements.h"
#include "sqlwritescope.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace lanchat {

namespace {

// Stored values of conversations.kind (0001_initial.sql).
constexpr int kPrivateKind = 0;
constexpr int kGroupKind = 1;
// Stored value of conversations.channel for the announcement channel (0004_announcement_channel.sql).
constexpr char kAnnouncementsChannel[] = "announcements";

ConversationInfo readInfo(const QSqlQuery& query)
{
    ConversationInfo info;
    info.id = ConversationId(query.value(0).toLongLong());
    info.kind = query.value(1).toInt() == kGroupKind ? ConversationKind::Group : ConversationKind::Private;
    info.name = query.value(2).toString();
    info.owner = UserId(query.value(3).toLongLong());
    info.lastSeq = query.value(4).toLongLong();
    info.readSeq = query.value(5).toLongLong();
    info.announcements = query.value(6).toString() == QLatin1String(kAnnouncementsChannel);
    return info;
}

/** One private conversation per unordered pair: "<smaller id>:<larger id>". */
QString pairKey(UserId a, UserId b)
{
    return QString::number(std::min(a, b).value()) + u':' + QString::number(std::max(a, b).value());
}

} // namespace

ConversationTable::ConversationTable(SqlStatements& statements)
    : m_statements(statements)
    , m_roles(statements)
{}

ConversationId ConversationTable::privateConversation(UserId a, UserId b, bool create)
{
    if (!a.isValid() || !b.isValid() || a == b)
        return {};
    const QString key = pairKey(a, b);
    const ConversationId existing = privateId(key);
    if (existing.isValid() || !create)
        return existing;
    SqlWriteScope scope(m_statements);
    if (!scope.isOpen())
        return {};
    QSqlQuery* insert = m_statements.run("INSERT INTO conversations (kind, name, owner, pair_key, created_ms) "
                                         "VALUES (?, '', NULL, ?, ?) ON CONFLICT (pair_key) DO NOTHING",
                                         {kPrivateKind, key, QDateTime::currentMSecsSinceEpoch()});
    if (!insert)
        return {};
    if (insert->numRowsAffected() != 1) // created meanwhile by another process
        return scope.commit() ? privateId(key) : ConversationId();
    const ConversationId id(insert->lastInsertId().toLongLong());
    if (!insertMember(id, a) || !insertMember(id, b) || !scope.commit())
        return {};
    return id;
}

ConversationId ConversationTable::createGroup(const QString& name, UserId owner, const QList<UserId>& members)
{
    SqlWriteScope scope(m_statements);
    if (!scope.isOpen())
        return {};
    QSqlQuery* insert = m_statements.run("INSERT INTO conversations (kind, name, owner, pair_key, created_ms) "
                                         "VALUES (?, ?, ?, NULL, ?)",
                                         {kGroupKind, name, owner.value(), QDateTime::currentMSecsSinceEpoch()});
    if (!insert)
        return {};
    const ConversationId id(insert->lastInsertId().toLongLong());
    if (!insertMember(id, owner))
        return {};
    for (UserId member : members) {
        if (!insertMember(id, member))
            return {};
    }
    return scope.commit() ? id : ConversationId();
}

std::optional<ConversationInfo> ConversationTable::info(ConversationId id, UserId viewer)
{
    const QList<ConversationInfo> infos = readInfos(
        m_statements.run("SELECT c.id, c.kind, c.name, c.owner, "
                         "(SELECT MAX(seq) FROM messages WHERE conversation = c.id), "
                         "(SELECT read_seq FROM members WHERE conversation = c.id AND user_id = ?), c.channel "
                         "FROM conversations c WHERE c.id = ?",
                         {viewer.value(), id.value()}));
    if (infos.isEmpty())
        return std::nullopt;
    return infos.first();
}

QList<ConversationInfo> ConversationTable::of(UserId user)
{
    return readInfos(
        m_statements.run("SELECT c.id, c.kind, c.name, c.owner, "
                         "(SELECT MAX(seq) FROM messages WHERE conversation = c.id), m.read_seq, c.channel "
                         "FROM members m JOIN conversations c ON c.id = m.conversation "
                         "WHERE m.user_id = ? ORDER BY c.id",
                         {user.value()}));
}

QList<ConversationInfo> ConversationTable::groups()
{
    return readInfos(m_statements.run("SELECT c.id, c.kind, c.name, c.owner, "
                                      "(SELECT MAX(seq) FROM messages WHERE conversation = c.id), 0, c.channel "
                                      "FROM conversations c WHERE c.kind = ? ORDER BY c.id",
                                      {kGroupKind}));
}

bool ConversationTable::isMember(ConversationId conversation, UserId user)
{
    // From the member cache: every chat message is checked, and the relay's socket thread must not wait
    // for a commit running on the commit thread just to ask SQLite.
    return members(conversation).contains(user);
}

QList<UserId> ConversationTable::members(ConversationId conversation)
{
    const qint64 dataVersion = checkDataVersion();
    const auto cached = m_memberCache.constFind(conversation.value());
    if (cached != m_memberCache.cend())
        return *cached;

    QList<UserId> ids;
    QSqlQuery* query =
        m_statements.run("SELECT user_id FROM members WHERE conversation = ? ORDER BY user_id", {conversation.value()});
    if (!query)
        return ids;
    while (query->next())
        ids.append(UserId(query->value(0).toLongLong()));
    query->finish();
    if (m_memberCache.size() >= kMemberCacheLimit)
        m_memberCache.clear();
    if (dataVersion >= 0)
        m_memberCache.insert(conversation.value(), ids);
    return ids;
}

void ConversationTable::forgetMembers()
{
    m_memberCache.clear();
    m_announcementChannels.reset();
}

bool ConversationTable::isAnnouncementChannel(ConversationId conversation)
{
    // Asked for every post, so cached like the members (one query per data_version). Every post asks right
    // after its membership check, which has just compared data_version and dropped this cache if another
    // connection committed; a second PRAGMA per post cost a few per cent of group fan-out (bench group w64).
    const qint64 dataVersion = m_cachedDataVersion;
    if (m_announcementChannels)
        return m_announcementChannels->contains(conversation.value());
    QSet<qint64> ids;
    QSqlQuery* query =
        m_statements.run("SELECT id FROM conversations WHERE channel = ?", {QLatin1String(kAnnouncementsChannel)});
    if (!query)
        return false;
    while (query->next())
        ids.insert(query->value(0).toLongLong());
    query->finish();
    const bool found = ids.contains(conversation.value());
    if (dataVersion >= 0)
        m_announcementChannels = std::move(ids);
    return found;
}

ConversationId ConversationTable::announcementChannel()
{
    QSqlQuery* query = m_statements.run("SELECT MIN(id) FROM conversations WHERE channel = ? AND kind = ?",
                                        {QLatin1String(kAnnouncementsChannel), kGroupKind});
    if (!query)
        return {};
    const ConversationId id(query->next() ? query->value(0).toLongLong() : 0);
    query->finish();
    return id;
}

bool ConversationTable::setAnnouncementChannel(ConversationId group)
{
    m_announcementChannels.reset();
    return m_statements.change("UPDATE conversations SET channel = ? WHERE id = ? AND kind = ?",
                               {QLatin1String(kAnnouncementsChannel), group.value(), kGroupKind}) == 1;
}

bool ConversationTable::addMember(ConversationId group, UserId user)
{
    const std::optional<ConversationInfo> conversation = info(group, UserId());
    if (!conversation || conversation->kind != ConversationKind::Group)
        return false;
    return insertMember(group, user);
}

bool ConversationTable::removeMember(ConversationId group, UserId user)
{
    m_memberCache.remove(group.value());
    return m_statements.change("DELETE FROM members WHERE conversation = ? AND user_id = ? "
                               "AND conversation IN (SELECT id FROM conversations WHERE kind = ?)",
                               {group.value(), user.value(), kGroupKind}) == 1;
}

bool ConversationTable::renameGroup(ConversationId group, const QString& name)
{
    return m_statements.change("UPDATE conversations SET name = ? WHERE id = ? AND kind = ?",
                               {name, group.value(), kGroupKind}) == 1;
}

bool ConversationTable::remove(ConversationId conversation)
{
    // members, messages and uploads of the conversation go with it (ON DELETE CASCADE).
    m_memberCache.remove(conversation.value());
    return m_statements.change("DELETE FROM conversations WHERE id = ?", {conversation.value()}) == 1;
}

bool ConversationTable::dissolve(ConversationId group)
{
    m_memberCache.remove(group.value());
    return m_roles.dissolve(group);
}

bool ConversationTable::setReadSeq(ConversationId conversation, UserId user, Seq seq)
{
    // Never moves backwards: a second device reporting an older position must not undo the first.
    return m_statements.change("UPDATE members SET read_seq = CASE WHEN read_seq < ? THEN ? ELSE read_seq END "
                               "WHERE conversation = ? AND user_id = ?",
                               {seq, seq, conversation.value(), user.value()}) == 1;
}

QList<ReadPosition> ConversationTable::readPositions(ConversationId conversation)
{
    QList<ReadPosition> positions;
    QSqlQuery* query = m_statements.run("SELECT user_id, read_seq FROM members WHERE conversation = ? ORDER BY user_id",
                                        {conversation.value()});
    if (!query)
        return positions;
    while (query->next())
        positions.append(ReadPosition{UserId(query->value(0).toLongLong()), query->value(1).toLongLong()});
    query->finish();
    return positions;
}

ConversationId ConversationTable::privateId(const QString& pairKey)
{
    QSqlQuery* query = m_statements.run("SELECT id FROM conversations WHERE pair_key = ?", {pairKey});
    if (!query)
        return {};
    const ConversationId id(query->next() ? query->value(0).toLongLong() : 0);
    query->finish();
    return id;
}

bool ConversationTable::insertMember(ConversationId conversation, UserId user)
{
    m_memberCache.remove(conversation.value());
    // joined_ms orders "longest-standing" when a group loses its owner (GroupRoleTable::reownGroupsOf).
    return m_statements.change("INSERT INTO members (conversation, user_id, read_seq, joined_ms) VALUES (?, ?, 0, ?) "
                               "ON CONFLICT (conversation, user_id) DO NOTHING",
                               {conversation.value(), user.value(), QDateTime::currentMSecsSinceEpoch()}) >= 0;
}

qint64 ConversationTable::checkDataVersion()
{
    // data_version moves when another connection (an admin command) commits: then nothing cached is trusted.
    // While a detached commit owns the connection the check is skipped: our own commits never move it, and an
    // admin command's change is also announced over admin.sock, which asks again after the commit.
    if (m_statements.isDetached())
        return m_cachedDataVersion;
    const qint64 dataVersion = m_statements.dataVersion();
    if (dataVersion < 0 || dataVersion != m_cachedDataVersion) {
        m_memberCache.clear();
        m_announcementChannels.reset();
        m_cachedDataVersion = dataVersion;
    }
    return dataVersion;
}

QList<ConversationInfo> ConversationTable::readInfos(QSqlQuery* query)
{
    QList<ConversationInfo> infos;
    if (!query)
        return infos;
    while (query->next())
        infos.append(readInfo(*query));
    query->finish();
    for (ConversationInfo& info : infos) {
        info.members = members(info.id);
        if (info.kind == ConversationKind::Group)
            info.admins = m_roles.admins(info.id);
    }
    return infos;
}

} // namespace lanchat
