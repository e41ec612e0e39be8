#pragma once

#include "storage.h"

#include <QList>

#include <optional>

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/** The `conversations` and `members` tables behind SqliteStorage (see Storage for the contracts). */
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
    QList<UserId> members(ConversationId conversation);
    bool addMember(ConversationId group, UserId user);
    bool removeMember(ConversationId group, UserId user);
    bool renameGroup(ConversationId group, const QString& name);
    bool remove(ConversationId conversation);
    bool setReadSeq(ConversationId conversation, UserId user, Seq seq);

private:
    ConversationId privateId(const QString& pairKey);
    bool insertMember(ConversationId conversation, UserId user);
    /** Reads every row of an info query, then fills in the member lists. */
    QList<ConversationInfo> readInfos(QSqlQuery* query);

    SqlStatements& m_statements;
};

} // namespace lanchat
