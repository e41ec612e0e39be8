#include "noticetable.h"

#include "sqlstatements.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace lanchat {

namespace {

// Columns 0..7 of every notice read; the author's view adds the two counts (8, 9), the recipient's acked_ms (8).
#define LANCHAT_NOTICE_COLUMNS                                                                                         \
    "n.id, n.author_id, n.audience, n.audience_ids, n.text, n.must_ack, n.created_ms, n.reminded_ms"
#define LANCHAT_NOTICE_COUNTS                                                                                          \
    ", (SELECT COUNT(*) FROM notice_recipients r WHERE r.notice_id = n.id), "                                          \
    "(SELECT COUNT(*) FROM notice_recipients r WHERE r.notice_id = n.id AND r.acked_ms > 0) "

NoticeAudience audienceOf(const QString& name)
{
    if (name == QLatin1String("all"))
        return NoticeAudience::Everyone;
    if (name == QLatin1String("departments"))
        return NoticeAudience::Departments;
    return NoticeAudience::Group;
}

QString idsText(const NoticeInfo& notice)
{
    if (notice.audience == NoticeAudience::Group)
        return QString::number(notice.conversation.value());
    QStringList ids;
    for (qint64 department : notice.departments)
        ids.append(QString::number(department));
    // Never a null string: the column is NOT NULL, and QtSql binds a null QString as NULL.
    return ids.isEmpty() ? QStringLiteral("") : ids.join(QLatin1Char(' '));
}

NoticeInfo readNotice(const QSqlQuery& query)
{
    NoticeInfo notice;
    notice.id = query.value(0).toLongLong();
    notice.author = UserId(query.value(1).toLongLong());
    notice.audience = audienceOf(query.value(2).toString());
    const QStringList ids = query.value(3).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (notice.audience == NoticeAudience::Group && !ids.isEmpty())
        notice.conversation = ConversationId(ids.first().toLongLong());
    if (notice.audience == NoticeAudience::Departments) {
        for (const QString& id : ids)
            notice.departments.append(id.toLongLong());
    }
    notice.text = query.value(4).toString();
    notice.mustAck = query.value(5).toBool();
    notice.createdMs = query.value(6).toLongLong();
    return notice;
}

NoticeReceipt readReceipt(const QSqlQuery& query)
{
    return {UserId(query.value(0).toLongLong()), query.value(1).toLongLong(), query.value(2).toLongLong()};
}

} // namespace

NoticeTable::NoticeTable(SqlStatements& statements)
    : m_statements(statements)
{}

qint64 NoticeTable::post(const NoticeInfo& notice, const QList<UserId>& recipients)
{
    QSqlQuery* query = m_statements.run(
        "INSERT INTO notices (author_id, audience, audience_ids, text, must_ack, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
        {notice.author.value(), NoticeInfo::audienceName(notice.audience), idsText(notice), notice.text,
         notice.mustAck ? 1 : 0, notice.createdMs});
    if (!query || query->numRowsAffected() != 1)
        return 0;
    const qint64 id = query->lastInsertId().toLongLong();
    for (UserId user : recipients) {
        if (m_statements.change("INSERT OR IGNORE INTO notice_recipients (notice_id, user_id) VALUES (?, ?)",
                                {id, user.value()}) < 0)
            return 0;
    }
    return id;
}

std::optional<NoticeInfo> NoticeTable::notice(qint64 id)
{
    const QList<NoticeInfo> found = readAuthorViews(
        m_statements.run("SELECT " LANCHAT_NOTICE_COLUMNS LANCHAT_NOTICE_COUNTS "FROM notices n WHERE n.id = ?", {id}));
    return found.isEmpty() ? std::nullopt : std::optional<NoticeInfo>(found.first());
}

std::optional<NoticeReceipt> NoticeTable::receipt(qint64 id, UserId user)
{
    QSqlQuery* query = m_statements.run(
        "SELECT user_id, acked_ms, reminded_ms FROM notice_recipients WHERE notice_id = ? AND user_id = ?",
        {id, user.value()});
    if (!query)
        return std::nullopt;
    std::optional<NoticeReceipt> receipt;
    if (query->next())
        receipt = readReceipt(*query);
    query->finish();
    return receipt;
}

QList<NoticeReceipt> NoticeTable::receipts(qint64 id)
{
    QList<NoticeReceipt> receipts;
    QSqlQuery* query = m_statements.run(
        "SELECT user_id, acked_ms, reminded_ms FROM notice_recipients WHERE notice_id = ? ORDER BY user_id", {id});
    if (!query)
        return receipts;
    while (query->next())
        receipts.append(readReceipt(*query));
    query->finish();
    return receipts;
}

QList<NoticeInfo> NoticeTable::receivedBy(UserId user, int limit)
{
    QList<NoticeInfo> notices;
    // Pending first, oldest of them first (the order to read them in); then the acknowledged ones, newest first.
    QSqlQuery* query = m_statements.run(
        "SELECT " LANCHAT_NOTICE_COLUMNS ", r.acked_ms FROM notice_recipients r JOIN notices n ON n.id = r.notice_id "
        "WHERE r.user_id = ? ORDER BY r.acked_ms > 0, CASE WHEN r.acked_ms = 0 THEN n.id ELSE -n.id END LIMIT ?",
        {user.value(), limit});
    if (!query)
        return notices;
    while (query->next()) {
        NoticeInfo notice = readNotice(*query);
        notice.ackedMs = query->value(8).toLongLong();
        notices.append(notice);
    }
    query->finish();
    return notices;
}

QList<NoticeInfo> NoticeTable::postedBy(UserId author, int limit)
{
    return readAuthorViews(m_statements.run("SELECT " LANCHAT_NOTICE_COLUMNS LANCHAT_NOTICE_COUNTS
                                            "FROM notices n WHERE n.author_id = ? ORDER BY n.id DESC LIMIT ?",
                                            {author.value(), limit}));
}

QList<NoticeInfo> NoticeTable::all(int limit)
{
    return readAuthorViews(m_statements.run("SELECT " LANCHAT_NOTICE_COLUMNS LANCHAT_NOTICE_COUNTS
                                            "FROM notices n ORDER BY n.id DESC LIMIT ?",
                                            {limit > 0 ? limit : -1}));
}

bool NoticeTable::acknowledge(qint64 id, UserId user, qint64 nowMs)
{
    if (!receipt(id, user))
        return false;
    return m_statements.change(
               "UPDATE notice_recipients SET acked_ms = ? WHERE notice_id = ? AND user_id = ? AND acked_ms = 0",
               {nowMs, id, user.value()}) >= 0;
}

QList<UserId> NoticeTable::remind(qint64 id, qint64 nowMs)
{
    QList<UserId> reminded;
    for (const NoticeReceipt& receipt : receipts(id)) {
        if (receipt.ackedMs == 0)
            reminded.append(receipt.user);
    }
    if (m_statements.change("UPDATE notice_recipients SET reminded_ms = ? WHERE notice_id = ? AND acked_ms = 0",
                            {nowMs, id}) < 0 ||
        m_statements.change("UPDATE notices SET reminded_ms = ? WHERE id = ?", {nowMs, id}) != 1)
        return {};
    return reminded;
}

QList<NoticeInfo> NoticeTable::readAuthorViews(QSqlQuery* query)
{
    QList<NoticeInfo> notices;
    if (!query)
        return notices;
    while (query->next()) {
        NoticeInfo notice = readNotice(*query);
        notice.remindedMs = query->value(7).toLongLong();
        notice.recipients = query->value(8).toInt();
        notice.acknowledged = query->value(9).toInt();
        notices.append(notice);
    }
    query->finish();
    return notices;
}

} // namespace lanchat
