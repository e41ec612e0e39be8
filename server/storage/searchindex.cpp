#include "searchindex.h"

#include "logging.h"
#include "messagetable.h"
#include "protocol.h"
#include "searchquery.h"
#include "searchsnippet.h"
#include "sqlstatements.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace lanchat {

namespace {

// The triggers that keep message_search in step with messages. Their column expressions are those of the view
// message_search_source, so a 'delete' always gives FTS5 exactly the values it indexed.
const char* const kTriggers[] = {
    "CREATE TRIGGER message_search_insert AFTER INSERT ON messages "
    "WHEN new.kind IN (0, 1) AND new.recalled_by IS NULL BEGIN "
    "INSERT INTO message_search (rowid, body, name, conv) VALUES (new.seq, "
    "CASE WHEN new.kind = 0 THEN new.text END, CASE WHEN new.kind = 1 THEN new.file_name END, "
    "'c' || new.conversation); END",

    "CREATE TRIGGER message_search_delete AFTER DELETE ON messages "
    "WHEN old.kind IN (0, 1) AND old.recalled_by IS NULL BEGIN "
    "INSERT INTO message_search (message_search, rowid, body, name, conv) VALUES ('delete', old.seq, "
    "CASE WHEN old.kind = 0 THEN old.text END, CASE WHEN old.kind = 1 THEN old.file_name END, "
    "'c' || old.conversation); END",

    "CREATE TRIGGER message_search_update AFTER UPDATE OF kind, conversation, text, file_name, recalled_by "
    "ON messages WHEN (old.kind IN (0, 1) AND old.recalled_by IS NULL) OR (new.kind IN (0, 1) AND new.recalled_by "
    "IS NULL) BEGIN "
    "INSERT INTO message_search (message_search, rowid, body, name, conv) SELECT 'delete', old.seq, "
    "CASE WHEN old.kind = 0 THEN old.text END, CASE WHEN old.kind = 1 THEN old.file_name END, "
    "'c' || old.conversation WHERE old.kind IN (0, 1) AND old.recalled_by IS NULL; "
    "INSERT INTO message_search (rowid, body, name, conv) SELECT new.seq, "
    "CASE WHEN new.kind = 0 THEN new.text END, CASE WHEN new.kind = 1 THEN new.file_name END, "
    "'c' || new.conversation WHERE new.kind IN (0, 1) AND new.recalled_by IS NULL; END",
};
const char* const kTriggerNames[] = {"message_search_insert", "message_search_delete", "message_search_update"};

constexpr qint64 kNoUpperBound = std::numeric_limits<qint64>::max();

} // namespace

SearchIndex::SearchIndex(SqlStatements& statements, MessageTable& messages)
    : m_statements(statements)
    , m_messages(messages)
{}

bool SearchIndex::isMaintained()
{
    const QVariant count = m_statements.scalarDirect(
        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'message_search_%'"));
    return count.toInt() == static_cast<int>(std::size(kTriggerNames));
}

bool SearchIndex::configure(bool enabled, QString* error)
{
    if (enabled == isMaintained())
        return true;
    if (!m_statements.begin()) {
        *error = QStringLiteral("cannot start the transaction for the search index");
        return false;
    }
    bool ok = true;
    if (enabled) {
        ok = createTriggers(error) && fill(error);
    } else {
        for (const char* name : kTriggerNames)
            ok = ok &&
                 m_statements.execDirect(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(QLatin1String(name)), error);
        ok = ok && m_statements.execDirect(
                       QStringLiteral("INSERT INTO message_search (message_search) VALUES ('delete-all')"), error);
    }
    if (ok && m_statements.commit()) {
        qCInfo(lcStorage) << (enabled ? "search index on" : "search index off (server config search_index = false)");
        return true;
    }
    m_statements.rollback();
    if (error->isEmpty())
        *error = QStringLiteral("cannot commit the search index");
    *error = QStringLiteral("cannot switch the search index %1: %2").arg(enabled ? "on" : "off", *error);
    return false;
}

bool SearchIndex::createTriggers(QString* error)
{
    for (const char* name : kTriggerNames) {
        if (!m_statements.execDirect(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(QLatin1String(name)), error))
            return false;
    }
    for (const char* sql : kTriggers) {
        if (!m_statements.execDirect(QString::fromLatin1(sql), error))
            return false;
    }
    return true;
}

bool SearchIndex::fill(QString* error)
{
    // Whatever a partial index held (none is expected: the triggers were missing) goes first.
    if (!m_statements.execDirect(QStringLiteral("INSERT INTO message_search (message_search) VALUES ('delete-all')"),
                                 error))
        return false;
    const qint64 total =
        m_statements.scalarDirect(QStringLiteral("SELECT COUNT(*) FROM message_search_source")).toLongLong();
    if (total == 0)
        return true;
    qCInfo(lcStorage) << "building the search index of" << total << "messages";
    qint64 done = 0;
    Seq after = 0;
    for (;;) {
        // Batches by seq: each statement reads the next kFillBatch indexable messages through the primary key.
        QSqlQuery* last = m_statements.run("SELECT MAX(seq) FROM (SELECT seq FROM message_search_source "
                                           "WHERE seq > ? ORDER BY seq LIMIT ?)",
                                           {after, kFillBatch});
        if (!last || !last->next() || last->value(0).isNull()) {
            if (last)
                last->finish();
            break;
        }
        const Seq upTo = last->value(0).toLongLong();
        last->finish();
        const int rows = m_statements.change("INSERT INTO message_search (rowid, body, name, conv) "
                                             "SELECT seq, body, name, conv FROM message_search_source "
                                             "WHERE seq > ? AND seq <= ?",
                                             {after, upTo});
        if (rows < 0) {
            *error = QStringLiteral("cannot index messages after seq %1").arg(after);
            return false;
        }
        done += rows;
        after = upTo;
        qCInfo(lcStorage) << "search index:" << done << "of" << total << "messages indexed";
    }
    return true;
}

std::optional<SearchPage> SearchIndex::search(UserId requester, const SearchMessages& request)
{
    SearchPage page;
    const SearchQuery query(request.query);
    if (query.isEmpty())
        return page;
    QString match = query.matchExpression(request.filesOnly ? QStringLiteral("name") : QStringLiteral("{body name}"));
    // The conversation as an indexed term: FTS5 intersects the doclists instead of reading every hit's row.
    if (request.conversation.isValid())
        match = QStringLiteral("conv : \"c%1\" AND ").arg(request.conversation.value()) + match;
    const int limit =
        request.limit > 0 ? std::min(request.limit, protocol::kMaxSearchLimit) : protocol::kDefaultSearchLimit;
    const qint64 sender = request.sender.isValid() ? request.sender.value() : 0;
    QSqlQuery* rows = m_statements.run(kSearchSql, {match, request.before > 0 ? request.before : kNoUpperBound,
                                                    requester.value(), sender, sender, request.sinceMs,
                                                    request.untilMs > 0 ? request.untilMs : kNoUpperBound, limit + 1});
    if (!rows)
        return std::nullopt;
    QList<Seq> seqs;
    while (rows->next())
        seqs.append(rows->value(0).toLongLong());
    rows->finish();
    page.more = seqs.size() > limit;
    if (page.more)
        seqs.removeLast();
    for (Seq seq : seqs) {
        std::optional<MessageRecord> record = m_messages.message(seq);
        if (!record)
            return std::nullopt;
        const QString text = record->kind == MessageKind::File && record->file ? record->file->name : record->text;
        page.hits.append(SearchHit{*record, SearchSnippet::make(text, query)});
    }
    return page;
}

QStringList SearchIndex::check()
{
    if (!isMaintained())
        return {};
    QStringList problems;
    QString error;
    if (!m_statements.execDirect(
            QStringLiteral("INSERT INTO message_search (message_search) VALUES ('integrity-check')"), &error)) {
        //: %1 is SQLite's own (English) report
        problems.append(
            QCoreApplication::translate("lanchat::SearchIndex", "the search index is damaged: %1").arg(error));
    }
    const qint64 indexed =
        m_statements.scalarDirect(QStringLiteral("SELECT COUNT(*) FROM message_search_docsize")).toLongLong();
    const qint64 indexable =
        m_statements.scalarDirect(QStringLiteral("SELECT COUNT(*) FROM message_search_source")).toLongLong();
    if (indexed != indexable) {
        //: %1 and %2 are numbers of messages
        problems.append(QCoreApplication::translate("lanchat::SearchIndex",
                                                    "the search index holds %1 messages, but %2 should be searchable")
                            .arg(indexed)
                            .arg(indexable));
    }
    return problems;
}

} // namespace lanchat
