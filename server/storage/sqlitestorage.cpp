#include "sqlitestorage.h"

#include "logging.h"
#include "messagewriter.h"
#include "migrator.h"
#include "searchtokenizer.h"
#include "sqlitecommit.h"
#include "sqlstatements.h"
#include "sqlwritescope.h"
#include "walcheckpointer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace lanchat {

namespace {

/** A process-wide unique QtSql connection name, so several storages (tests, admin tools) can coexist. */
QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("lanchat-storage-%1").arg(++counter);
}

} // namespace

std::unique_ptr<SqliteStorage> SqliteStorage::open(const QString& path, QString* error, bool searchIndex)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const bool created = !QFileInfo::exists(path);
    const QString name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = QStringLiteral("cannot open database %1: %2").arg(path, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return nullptr;
        }
    }
    // A new database holds password hashes and chat history: owner-only. SQLite gives the -wal and
    // -shm files the mode of the database file, so this must happen before WAL mode is switched on.
    if (created && path != QLatin1String(":memory:"))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto statements = std::make_unique<SqlStatements>(name);
    // The search index's table and triggers (schema 10) need the tokenizer before any migration or write.
    if (!configure(*statements, error) || !SearchTokenizer::registerWith(statements->handle(), error))
        return nullptr;
    Migrator migrator(*statements);
    if (!migrator.migrate(path, error))
        return nullptr;
    std::unique_ptr<SqliteStorage> storage(new SqliteStorage(path, std::move(statements)));
    storage->m_migrationBackupPath = migrator.backupPath();
    if (!storage->m_search.configure(searchIndex, error))
        return nullptr;
    storage->m_searchIndex = searchIndex;
    MessageWriter& writer = storage->m_messages.writer();
    writer.setSearchIndexed(searchIndex);
    storage->m_statements->setBeforeCommit([&writer] { return writer.flushSearchIndex(); });
    qCInfo(lcStorage) << "database opened:" << path << "schema version" << Migrator::latestVersion();
    return storage;
}

bool SqliteStorage::configure(SqlStatements& statements, QString* error)
{
    // busy_timeout first: switching to WAL itself needs the lock another process may hold.
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB),
        QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kAutoCheckpointPages),
        QStringLiteral("PRAGMA journal_size_limit = %1").arg(kWalLimitBytes),
    };
    for (const QString& pragma : pragmas) {
        if (!statements.execDirect(pragma, error)) {
            *error = QStringLiteral("cannot configure the database: ") + *error;
            return false;
        }
    }
    const QString mode = statements.scalarDirect(QStringLiteral("PRAGMA journal_mode = WAL")).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("cannot switch the database to WAL mode (journal_mode is '%1'); "
                                "is it a SQLite database on a local disk?")
                     .arg(mode);
        return false;
    }
    return true;
}

SqliteStorage::SqliteStorage(const QString& path, std::unique_ptr<SqlStatements> statements)
    : m_path(path)
    , m_statements(std::move(statements))
    , m_users(*m_statements)
    , m_profiles(*m_statements)
    , m_deviceTokens(*m_statements)
    , m_notices(*m_statements)
    , m_directory(*m_statements)
    , m_userStatuses(*m_statements)
    , m_ldapLinks(*m_statements)
    , m_conversations(*m_statements)
    , m_messages(*m_statements)
    , m_audit(*m_statements)
    , m_files(*m_statements)
    , m_search(*m_statements, m_messages)
{}

SqliteStorage::~SqliteStorage() = default;

bool SqliteStorage::startBackgroundCheckpoints(QString* error, int thresholdPages)
{
    if (m_checkpointer)
        return true;
    m_statements->awaitAttached();
    m_checkpointer = WalCheckpointer::start(m_path, m_statements->handle(), thresholdPages, error);
    return m_checkpointer != nullptr;
}

int SqliteStorage::backgroundCheckpoints() const
{
    return m_checkpointer ? m_checkpointer->checkpoints() : 0;
}

bool SqliteStorage::beginTransaction()
{
    return m_statements->begin();
}

bool SqliteStorage::commitTransaction()
{
    if (m_statements->commit())
        return true;
    m_conversations.forgetMembers(); // rolled back: cached memberships may be ones that never happened
    return false;
}

void SqliteStorage::rollbackTransaction()
{
    m_statements->rollback();
    m_conversations.forgetMembers();
}

std::unique_ptr<DetachedCommit> SqliteStorage::detachCommit(QList<NewMessage> appends)
{
    m_statements->awaitAttached();
    const bool open = m_statements->inTransaction();
    if (!open && appends.isEmpty())
        return nullptr;
    m_statements->detach();
    return std::make_unique<SqliteCommit>(*m_statements, m_messages.writer(), std::move(appends), !open);
}

void SqliteStorage::attachCommit(DetachedCommit& commit)
{
    if (!commit.committed())
        m_conversations.forgetMembers(); // rolled back: cached memberships may be ones that never happened
}

bool SqliteStorage::inTransaction() const
{
    return m_statements->inTransaction();
}

bool SqliteStorage::backupTo(const QString& path, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (inTransaction()) {
        *error = QStringLiteral("cannot back up inside a transaction");
        return false;
    }
    // VACUUM INTO reads one consistent snapshot, so writers (other connections) may go on meanwhile.
    if (!m_statements->vacuumInto(path, error))
        return false;
    qCInfo(lcStorage) << "database backed up to" << path;
    return true;
}

QStringList SqliteStorage::checkIntegrity()
{
    QStringList problems;
    m_statements->awaitAttached();
    QSqlQuery integrity(m_statements->database());
    if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")))
        return {integrity.lastError().text()};
    while (integrity.next()) {
        const QString line = integrity.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    QSqlQuery foreignKeys(m_statements->database());
    if (!foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return problems << foreignKeys.lastError().text();
    while (foreignKeys.next()) {
        // A `check` finding, shown to the admin (SQLite's own integrity_check lines above stay English).
        //: %1 and %3 are table names, %2 a row id
        problems.append(QCoreApplication::translate("lanchat::SqliteStorage",
                                                    "foreign key violation: %1 row %2 refers to a missing %3")
                            .arg(foreignKeys.value(0).toString(), foreignKeys.value(1).toString(),
                                 foreignKeys.value(2).toString()));
    }
    return problems << m_search.check();
}

// --- users, conversations, messages, files: delegated to one class per table group.

CreateUserResult SqliteStorage::createUser(const QString& username, const QString& displayName,
                                           const QByteArray& passwordHash, UserId* id)
{
    return m_users.create(username, displayName, passwordHash, id);
}

std::optional<UserRecord> SqliteStorage::userByName(const QString& username)
{
    return m_users.byName(username);
}

std::optional<UserRecord> SqliteStorage::userById(UserId id)
{
    return m_users.byId(id);
}

QList<UserRecord> SqliteStorage::users()
{
    return m_users.all();
}

bool SqliteStorage::setPasswordHash(UserId id, const QByteArray& hash)
{
    return m_users.setPasswordHash(id, hash);
}

bool SqliteStorage::setUserDisabled(UserId id, bool disabled)
{
    return m_users.setDisabled(id, disabled);
}

bool SqliteStorage::setDisplayName(UserId id, const QString& displayName)
{
    return m_users.setDisplayName(id, displayName);
}

bool SqliteStorage::renameUser(UserId id, const QString& newUsername)
{
    return m_users.rename(id, newUsername);
}

bool SqliteStorage::deleteUser(UserId id)
{
    m_conversations.forgetMembers();    // the user's memberships go with it (ON DELETE CASCADE)
    SqlWriteScope scope(*m_statements); // never a group without an owner, not even between two statements
    return scope.isOpen() && m_conversations.roles().reownGroupsOf(id) && m_users.remove(id) && scope.commit();
}

GroupRole SqliteStorage::groupRole(ConversationId group, UserId user)
{
    return m_conversations.roles().role(group, user);
}

bool SqliteStorage::setGroupRole(ConversationId group, UserId user, GroupRole role)
{
    return m_conversations.roles().setRole(group, user, role);
}

bool SqliteStorage::transferGroup(ConversationId group, UserId newOwner)
{
    return m_conversations.roles().transfer(group, newOwner);
}

bool SqliteStorage::dissolveGroup(ConversationId group)
{
    return m_conversations.dissolve(group);
}

std::optional<UserProfile> SqliteStorage::userProfile(UserId id)
{
    return m_profiles.byId(id);
}

QHash<UserId, UserProfile> SqliteStorage::userProfiles()
{
    return m_profiles.all();
}

bool SqliteStorage::setUserProfile(UserId id, const UserProfile& profile)
{
    return m_profiles.set(id, profile);
}

bool SqliteStorage::isAvatar(const QByteArray& sha256)
{
    return m_profiles.isAvatar(sha256);
}

ConversationId SqliteStorage::privateConversation(UserId a, UserId b, bool create)
{
    return m_conversations.privateConversation(a, b, create);
}

ConversationId SqliteStorage::createGroup(const QString& name, UserId owner, const QList<UserId>& members)
{
    return m_conversations.createGroup(name, owner, members);
}

std::optional<ConversationInfo> SqliteStorage::conversation(ConversationId id, UserId viewer)
{
    return m_conversations.info(id, viewer);
}

QList<ConversationInfo> SqliteStorage::conversationsOf(UserId user)
{
    return m_conversations.of(user);
}

QList<ConversationInfo> SqliteStorage::groups()
{
    return m_conversations.groups();
}

bool SqliteStorage::isMember(ConversationId conversation, UserId user)
{
    return m_conversations.isMember(conversation, user);
}

QList<UserId> SqliteStorage::members(ConversationId conversation)
{
    return m_conversations.members(conversation);
}

bool SqliteStorage::addMember(ConversationId group, UserId user)
{
    return m_conversations.addMember(group, user);
}

bool SqliteStorage::removeMember(ConversationId group, UserId user)
{
    // Only the admin CLI removes an owner (`group remove`); the group keeps one all the same.
    SqlWriteScope scope(*m_statements);
    return scope.isOpen() && m_conversations.roles().reownIfOwner(group, user) &&
           m_conversations.removeMember(group, user) && scope.commit();
}

bool SqliteStorage::renameGroup(ConversationId group, const QString& name)
{
    return m_conversations.renameGroup(group, name);
}

bool SqliteStorage::deleteConversation(ConversationId conversation)
{
    return m_conversations.remove(conversation);
}

bool SqliteStorage::isAnnouncementChannel(ConversationId conversation)
{
    return m_conversations.isAnnouncementChannel(conversation);
}

ConversationId SqliteStorage::announcementChannel()
{
    return m_conversations.announcementChannel();
}

bool SqliteStorage::setAnnouncementChannel(ConversationId group)
{
    return m_conversations.setAnnouncementChannel(group);
}

bool SqliteStorage::setReadSeq(ConversationId conversation, UserId user, Seq seq)
{
    return m_conversations.setReadSeq(conversation, user, seq);
}

QList<ReadPosition> SqliteStorage::readPositions(ConversationId conversation)
{
    return m_conversations.readPositions(conversation);
}

std::optional<AppendResult> SqliteStorage::appendMessage(const NewMessage& message)
{
    return m_messages.append(message);
}

QList<MessageRecord> SqliteStorage::history(ConversationId conversation, Seq before, int limit)
{
    return m_messages.history(conversation, before, limit);
}

QList<MessageRecord> SqliteStorage::historyAfter(ConversationId conversation, Seq after, int limit)
{
    return m_messages.historyAfter(conversation, after, limit);
}

std::optional<MessageRecord> SqliteStorage::message(ConversationId conversation, Seq seq)
{
    return m_messages.message(conversation, seq);
}

QList<MessageRecord> SqliteStorage::messagesSince(UserId user, Seq since, int limit)
{
    return m_messages.since(user, since, limit);
}

Seq SqliteStorage::lastSeq()
{
    return m_messages.lastSeq();
}

qint64 SqliteStorage::messageCount(qint64 sinceMs)
{
    return m_messages.count(sinceMs);
}

qint64 SqliteStorage::deleteMessagesBefore(qint64 beforeMs)
{
    m_audit.deleteSentBefore(beforeMs);
    return m_messages.deleteBefore(beforeMs);
}

std::optional<MessageRecord> SqliteStorage::message(Seq seq)
{
    return m_messages.message(seq);
}

QList<MessageRecord> SqliteStorage::actionsOn(Seq seq)
{
    return m_messages.actionsOn(seq);
}

bool SqliteStorage::recallMessage(Seq seq, UserId actor, qint64 nowMs)
{
    return m_audit.recall(seq, actor, nowMs);
}

bool SqliteStorage::editMessage(Seq seq, UserId actor, const QString& text, qint64 nowMs)
{
    return m_audit.edit(seq, actor, text, nowMs);
}

bool SqliteStorage::fileRecalled(ConversationId conversation, const QByteArray& sha256)
{
    return m_audit.fileRecalled(conversation, sha256);
}

QList<AuditEntry> SqliteStorage::audit(ConversationId conversation, qint64 sinceMs, int limit)
{
    return m_audit.list(conversation, sinceMs, limit);
}

bool SqliteStorage::hasBlob(const QByteArray& sha256)
{
    return m_files.hasBlob(sha256);
}

bool SqliteStorage::addBlob(const QByteArray& sha256, qint64 size)
{
    return m_files.addBlob(sha256, size);
}

bool SqliteStorage::removeBlob(const QByteArray& sha256)
{
    return m_files.removeBlob(sha256);
}

QList<std::tuple<QByteArray, qint64, qint64>> SqliteStorage::blobs()
{
    return m_files.blobs();
}

qint64 SqliteStorage::blobBytes()
{
    return m_files.blobBytes();
}

bool SqliteStorage::conversationHasFile(ConversationId conversation, const QByteArray& sha256)
{
    return m_files.conversationHasFile(conversation, sha256);
}

bool SqliteStorage::userPostedFile(UserId user, const QByteArray& sha256)
{
    return m_files.userPostedFile(user, sha256);
}

bool SqliteStorage::memberSeesFile(UserId user, const QByteArray& sha256)
{
    return m_files.memberSeesFile(user, sha256);
}

TransferId SqliteStorage::createUpload(const UploadRecord& upload)
{
    return m_files.createUpload(upload);
}

std::optional<UploadRecord> SqliteStorage::findUpload(UserId sender, ConversationId conversation,
                                                      const QByteArray& sha256)
{
    return m_files.findUpload(sender, conversation, sha256);
}

std::optional<UploadRecord> SqliteStorage::upload(TransferId id)
{
    return m_files.upload(id);
}

QList<UploadRecord> SqliteStorage::uploads()
{
    return m_files.uploads();
}

QList<UploadRecord> SqliteStorage::uploadsOf(UserId sender)
{
    return m_files.uploadsOf(sender);
}

qint64 SqliteStorage::uploadBytes()
{
    return m_files.uploadBytes();
}

bool SqliteStorage::deleteUpload(TransferId id)
{
    return m_files.deleteUpload(id);
}

std::optional<SearchPage> SqliteStorage::search(UserId requester, const SearchMessages& request)
{
    return m_searchIndex ? m_search.search(requester, request) : std::nullopt;
}

} // namespace lanchat
