#pragma once

#include "audittable.h"
#include "conversationtable.h"
#include "departmenttable.h"
#include "devicetokentable.h"
#include "filetable.h"
#include "ldaplinktable.h"
#include "messagetable.h"
#include "noticetable.h"
#include "profiletable.h"
#include "searchindex.h"
#include "storage.h"
#include "userstatustable.h"
#include "usertable.h"

#include <QString>

#include <memory>

namespace lanchat {

class SqlStatements;
class WalCheckpointer;

/**
 * Storage on one SQLite file through QtSql (QSQLITE), one named connection per instance.
 *
 * Opened with journal_mode=WAL, synchronous=FULL (a commit is fsynced: an ack survives a power cut),
 * foreign_keys=ON, busy_timeout=5000 ms (an admin command writing the same file makes us wait,
 * not fail) and a 16 MiB page cache. Statements are prepared once and reused. Schema migrations run
 * in open() (Migrator).
 *
 * Not thread-safe: use it from the thread that called open().
 */
class SqliteStorage final : public Storage
{
public:
    /** busy_timeout set on every connection, ms. */
    static constexpr int kBusyTimeoutMs = 5000;
    /**
     * Page cache per connection, KiB (SQLite's default is 2000 KiB). The UNIQUE (sender, client_msg_id)
     * index takes inserts at random places (client ids are random UUIDs); with the default cache nearly
     * every append re-reads an index page from the OS, and appends slowed from ~25k to ~8k rows/s
     * after 300k messages in our measurement. Memory is taken only as pages are touched.
     */
    static constexpr int kCacheKiB = 16 * 1024;
    /**
     * WAL pages after which a commit copies the WAL back into the database (SQLite's default: 1000).
     * A batch of 1,000 appends dirties ~1,000 index pages (~4 MiB), so the default checkpointed inside
     * nearly every commit; 10,000 (~40 MiB) lets hot pages be copied once for several commits.
     * Measured, 300k appends in batches of 1,000 (random UUIDs): 1.96 GB written and 9.6k rows/s for
     * the last 100k with 1000; 1.29 GB and 20k rows/s with 10000. The relay runs its checkpoints on a thread
     * of their own at this threshold (startBackgroundCheckpoints(): no gain in throughput, but no commit
     * waits for a checkpoint any more).
     */
    static constexpr int kAutoCheckpointPages = 10000;
    /** The WAL file is truncated back to at most this size after a checkpoint, bytes. */
    static constexpr qint64 kWalLimitBytes = 64 * 1024 * 1024;

    /**
     * Opens or creates the database file @p path (its folder must exist) and migrates it to the
     * latest schema, backing it up first when it holds data (see Migrator). nullptr with @p error set
     * on failure, e.g. "database schema version 999 is newer than this server supports (2)".
     * @p searchIndex: keep the full-text search index (server config `search_index`); switching it on builds the
     * index from the stored messages (logged), switching it off drops its contents.
     */
    static std::unique_ptr<SqliteStorage> open(const QString& path, QString* error, bool searchIndex = true);
    ~SqliteStorage() override;

    QString path() const { return m_path; }
    /**
     * Moves WAL checkpoints off the commit path onto a checkpoint thread (WalCheckpointer), for the relay
     * (admin commands keep SQLite's automatic checkpoint). False with @p error when that cannot start; the
     * storage then works as before.
     */
    bool startBackgroundCheckpoints(QString* error, int thresholdPages = kAutoCheckpointPages);
    /** Checkpoints the checkpoint thread has run (0 without startBackgroundCheckpoints()). */
    int backgroundCheckpoints() const;
    /** The pre-migration backup open() wrote, or empty if no migration of existing data was needed. */
    QString migrationBackupPath() const { return m_migrationBackupPath; }

    bool beginTransaction() override;
    bool commitTransaction() override;
    void rollbackTransaction() override;
    bool inTransaction() const override;
    std::unique_ptr<DetachedCommit> detachCommit(QList<NewMessage> appends) override;
    void attachCommit(DetachedCommit& commit) override;
    bool backupTo(const QString& path, QString* error) override;
    QStringList checkIntegrity() override;

    CreateUserResult createUser(const QString& username, const QString& displayName, const QByteArray& passwordHash,
                                UserId* id) override;
    std::optional<UserRecord> userByName(const QString& username) override;
    std::optional<UserRecord> userById(UserId id) override;
    QList<UserRecord> users() override;
    bool setPasswordHash(UserId id, const QByteArray& hash) override;
    bool setUserDisabled(UserId id, bool disabled) override;
    bool setDisplayName(UserId id, const QString& displayName) override;
    bool renameUser(UserId id, const QString& newUsername) override;
    bool deleteUser(UserId id) override;
    std::optional<UserProfile> userProfile(UserId id) override;
    QHash<UserId, UserProfile> userProfiles() override;
    bool setUserProfile(UserId id, const UserProfile& profile) override;
    bool isAvatar(const QByteArray& sha256) override;
    DeviceTokenStore& deviceTokens() override { return m_deviceTokens; }
    NoticeStore& notices() override { return m_notices; }
    DirectoryStore& directory() override { return m_directory; }
    UserStatusStore& userStatuses() override { return m_userStatuses; }
    LdapLinkStore& ldapLinks() override { return m_ldapLinks; }

    ConversationId privateConversation(UserId a, UserId b, bool create) override;
    ConversationId createGroup(const QString& name, UserId owner, const QList<UserId>& members) override;
    std::optional<ConversationInfo> conversation(ConversationId id, UserId viewer) override;
    QList<ConversationInfo> conversationsOf(UserId user) override;
    QList<ConversationInfo> groups() override;
    bool isMember(ConversationId conversation, UserId user) override;
    QList<UserId> members(ConversationId conversation) override;
    bool addMember(ConversationId group, UserId user) override;
    bool removeMember(ConversationId group, UserId user) override;
    bool renameGroup(ConversationId group, const QString& name) override;
    GroupRole groupRole(ConversationId group, UserId user) override;
    bool setGroupRole(ConversationId group, UserId user, GroupRole role) override;
    bool transferGroup(ConversationId group, UserId newOwner) override;
    bool dissolveGroup(ConversationId group) override;
    bool deleteConversation(ConversationId conversation) override;
    bool setReadSeq(ConversationId conversation, UserId user, Seq seq) override;
    QList<ReadPosition> readPositions(ConversationId conversation) override;
    bool isAnnouncementChannel(ConversationId conversation) override;
    ConversationId announcementChannel() override;
    bool setAnnouncementChannel(ConversationId group) override;

    std::optional<AppendResult> appendMessage(const NewMessage& message) override;
    QList<MessageRecord> history(ConversationId conversation, Seq before, int limit) override;
    QList<MessageRecord> historyAfter(ConversationId conversation, Seq after, int limit) override;
    std::optional<MessageRecord> message(ConversationId conversation, Seq seq) override;
    QList<MessageRecord> messagesSince(UserId user, Seq since, int limit) override;
    Seq lastSeq() override;
    qint64 messageCount(qint64 sinceMs = 0) override;
    qint64 deleteMessagesBefore(qint64 beforeMs) override;
    std::optional<MessageRecord> message(Seq seq) override;
    QList<MessageRecord> actionsOn(Seq seq) override;
    bool recallMessage(Seq seq, UserId actor, qint64 nowMs) override;
    bool editMessage(Seq seq, UserId actor, const QString& text, qint64 nowMs) override;
    bool fileRecalled(ConversationId conversation, const QByteArray& sha256) override;
    QList<AuditEntry> audit(ConversationId conversation, qint64 sinceMs, int limit = 0) override;

    std::optional<SearchPage> search(UserId requester, const SearchMessages& request) override;
    bool searchIndexEnabled() const override { return m_searchIndex; }

    bool hasBlob(const QByteArray& sha256) override;
    bool addBlob(const QByteArray& sha256, qint64 size) override;
    bool removeBlob(const QByteArray& sha256) override;
    QList<std::tuple<QByteArray, qint64, qint64>> blobs() override;
    qint64 blobBytes() override;
    bool conversationHasFile(ConversationId conversation, const QByteArray& sha256) override;
    bool userPostedFile(UserId user, const QByteArray& sha256) override;
    bool memberSeesFile(UserId user, const QByteArray& sha256) override;
    TransferId createUpload(const UploadRecord& upload) override;
    std::optional<UploadRecord> findUpload(UserId sender, ConversationId conversation,
                                           const QByteArray& sha256) override;
    std::optional<UploadRecord> upload(TransferId id) override;
    QList<UploadRecord> uploads() override;
    QList<UploadRecord> uploadsOf(UserId sender) override;
    qint64 uploadBytes() override;
    bool deleteUpload(TransferId id) override;

private:
    SqliteStorage(const QString& path, std::unique_ptr<SqlStatements> statements);
    static bool configure(SqlStatements& statements, QString* error);

    QString m_path;
    QString m_migrationBackupPath;
    bool m_searchIndex = false;
    std::unique_ptr<SqlStatements> m_statements;
    UserTable m_users;
    ProfileTable m_profiles;
    DeviceTokenTable m_deviceTokens;
    NoticeTable m_notices;
    DepartmentTable m_directory;
    UserStatusTable m_userStatuses;
    LdapLinkTable m_ldapLinks;
    ConversationTable m_conversations;
    MessageTable m_messages;
    AuditTable m_audit;
    FileTable m_files;
    SearchIndex m_search;
    std::unique_ptr<WalCheckpointer> m_checkpointer; ///< declared last: stopped before the connection closes
};

} // namespace lanchat
