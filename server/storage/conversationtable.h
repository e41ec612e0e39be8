#pragma once

#include "grouproletable.h"
#include "storage.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/**
 * The `conversations` and `members` tables behind SqliteStorage (see Storage for the contracts), with the group
 * roles kept in them (roles()).
 */
class ConversationTable
{
public:
    explicit ConversationTable(SqlStatements& statements);

    ConversationId privateConversation(UserId a, UserId b, bool create);
    ConversationId createGroup(const QString& name, UserId owner, const QList<UserId>& members);
    std::optional<ConversationInfo> info(ConversationId id, UserId viewer);
    QList<ConversationInfo> of(UserId user);
    QList<ConversationInfo> groups();
    bool isMember(ConversationId conversation, UserId user);
    /**
     * Served from a cache after the first read: the relay asks for the members of every message it fans
     * out (measured: 50-80 us per call for 200 members from SQLite). Own membership writes drop the
     * entry; a commit by another connection (PRAGMA data_version) drops the whole cache.
     */
    QList<UserId> members(ConversationId conversation);
    /** Drops the member cache: after a rollback, or a write that cascades into members (deleteUser). */
    void forgetMembers();
    bool addMember(ConversationId group, UserId user);
    bool removeMember(ConversationId group, UserId user);
    bool renameGroup(ConversationId group, const QString& name);
    bool remove(ConversationId conversation);
    /** The roles of the groups' members (schema 14). */
    GroupRoleTable& roles() { return m_roles; }
    /** Removes every member of @p group, keeping it and its history (Storage::dissolveGroup). */
    bool dissolve(ConversationId group);
    bool setReadSeq(ConversationId conversation, UserId user, Seq seq);
    /** Not cached: asked when a member opens the conversation, not per post. */
    QList<ReadPosition> readPositions(ConversationId conversation);
    /** Cached like members(): asked for every post. */
    bool isAnnouncementChannel(ConversationId conversation);
    ConversationId announcementChannel();
    bool setAnnouncementChannel(ConversationId group);

private:
    ConversationId privateId(const QString& pairKey);
    bool insertMember(ConversationId conversation, UserId user);
    /** Drops the caches when another connection committed; the data_version they now belong to (< 0: none). */
    qint64 checkDataVersion();
    /** Reads every row of an info query, then fills in the member lists. */
    QList<ConversationInfo> readInfos(QSqlQuery* query);

    /** Entries kept before the cache starts over; a private conversation costs ~100 bytes. */
    static constexpr int kMemberCacheLimit = 20000;

    SqlStatements& m_statements;
    GroupRoleTable m_roles;
    QHash<qint64, QList<UserId>> m_memberCache;
    std::optional<QSet<qint64>> m_announcementChannels; ///< ids of the announcement channels, once read
    qint64 m_cachedDataVersion = -1;
};

} // namespace lanchat
