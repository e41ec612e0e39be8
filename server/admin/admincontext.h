#pragma once

#include "ids.h"
#include "serverconfig.h"

#include <QCborMap>
#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace lanchat {

class SqliteStorage;

/**
 * What every admin subcommand shares: the `--data-dir DIR` and `--config FILE` options (resolved exactly
 * like `serve`: default QStandardPaths::AppDataLocation, then the INI file, then the flag), opening the
 * database, and notifying a running server over `<data-dir>/admin.sock` (AdminChannel).
 *
 * Admin commands write the database directly (WAL + busy_timeout make that safe next to a running
 * server), then notify; without a server the change still applies. Used from the CLI thread only.
 * Its texts, and those of every admin command, are translated (tr()) after the locale of LANG / LC_ALL;
 * log lines are not.
 */
class AdminContext
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::AdminContext)

public:
    /** Exit codes of every admin subcommand (docs/admin.md). */
    static constexpr int kOk = 0;
    static constexpr int kFailure = 1;
    static constexpr int kUsage = 2;
    /** How long a notification waits for the server's answer, ms. */
    static constexpr int kNotifyTimeoutMs = 5000;

    AdminContext();
    ~AdminContext();

    /** Adds --help, --data-dir, --config and --verbose to @p parser. */
    void addOptions(QCommandLineParser& parser) const;
    /**
     * Processes @p arguments (exits on --help) and builds the config. Returns kOk, or kUsage with a message
     * on stderr (bad config file, fewer than @p minPositional or more than @p maxPositional arguments).
     */
    int parse(QCommandLineParser& parser, const QStringList& arguments, int minPositional, int maxPositional);

    const ServerConfig& config() const { return m_config; }
    /** Opens (and migrates) the database, creating the data directory; nullptr with an error on stderr. */
    SqliteStorage* storage();
    /** Closes the database opened by storage() (restore replaces the file afterwards). */
    void closeStorage();
    /** `<data-dir>/admin.sock`. */
    QString socketPath() const;
    /**
     * Sends @p request (a CBOR map with `t`) to the running server and returns its answer; nullopt when no
     * server listens on the socket (or it did not answer within kNotifyTimeoutMs).
     */
    std::optional<QCborMap> notifyServer(const QCborMap& request) const;
    /**
     * `user_changed {user, revoke_sessions?}` / `conversation_changed {conversation, removed}` to the running server
     * (AdminChannel); without one, prints that the change applies at the next start and returns false.
     * @p revokeSessions (a password reset): the server closes every session of the user with `session_revoked`.
     */
    bool notifyUserChanged(UserId user, bool revokeSessions = false) const;
    bool notifyConversationChanged(ConversationId conversation, const QList<UserId>& removed) const;
    /** True if a server answers on the admin socket. */
    bool serverRunning() const;

    /** Prints "lanchat-server: @p message" to stderr and returns @p code. */
    static int fail(const QString& message, int code = kFailure);
    /** Prints @p text to stdout. */
    static void print(const QString& text);
    /** Prints each of @p lines to stdout (a TextTable's lines()). */
    static void print(const QStringList& lines);
    /** @p count for the `int n` of tr()'s %n plural forms, clamped instead of wrapped. */
    static int pluralCount(qint64 count);

private:
    QCommandLineOption m_dataDir;
    QCommandLineOption m_configFile;
    QCommandLineOption m_verbose;
    ServerConfig m_config;
    std::unique_ptr<SqliteStorage> m_storage;
};

} // namespace lanchat
