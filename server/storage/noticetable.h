#pragma once

#include "noticestore.h"

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/** The `notices` and `notice_recipients` tables (schema 15) behind SqliteStorage::notices(); see NoticeStore. */
class NoticeTable : public NoticeStore
{
public:
    explicit NoticeTable(SqlStatements& statements);

    qint64 post(const NoticeInfo& notice, const QList<UserId>& recipients) override;
    std::optional<NoticeInfo> notice(qint64 id) override;
    std::optional<NoticeReceipt> receipt(qint64 id, UserId user) override;
    QList<NoticeReceipt> receipts(qint64 id) override;
    QList<NoticeInfo> receivedBy(UserId user, int limit) override;
    QList<NoticeInfo> postedBy(UserId author, int limit) override;
    QList<NoticeInfo> all(int limit = 0) override;
    bool acknowledge(qint64 id, UserId user, qint64 nowMs) override;
    QList<UserId> remind(qint64 id, qint64 nowMs) override;

private:
    /** Reads the rows of a statement that selects the author's view (see the .cpp). */
    static QList<NoticeInfo> readAuthorViews(QSqlQuery* query);

    SqlStatements& m_statements;
};

} // namespace lanchat
