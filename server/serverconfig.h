#pragma once

#include "ldap/ldapconfig.h"
#include "protocol.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace lanchat {

/**
 * Every setting of the relay, with its default. Read from an INI file (QSettings::IniFormat, group
 * [server]; resources/lanchat-server.conf documents every key) and overridden by command-line flags.
 * A plain value type: copy it freely. Tests build one in code (data dir in a QTemporaryDir, cheap hash cost).
 */
struct ServerConfig
{
    /** Directory of the database (lanchat.db), generated TLS cert/key and the file store. Created if missing. */
    QString dataDir;
    /** Name announced in welcome and in discovery answers. */
    QString serverName = QStringLiteral("LanChat");

    /** Address to listen on; Any = every interface, IPv4 and IPv6 (dual stack). Used by `serve`. */
    QHostAddress listenAddress = QHostAddress::Any;
    /** TCP port; 0 = any free port (tests). Used by `serve`. */
    quint16 port = protocol::kDefaultPort;

    /** TLS (OpenSSL in server/net/). false only with --insecure-plaintext, which logs a warning at every start. */
    bool tls = true;
    /** PEM certificate and private key. Empty: a self-signed ECDSA P-256 pair is generated in dataDir. */
    QString certFile;
    QString keyFile;

    /** Self sign-up with `register` (RegistrationPolicy): off (the admin creates accounts), open, or invite. */
    enum class Registration
    {
        Off,
        Open,
        Invite,
    };
    /** Key `registration`; the older `allow_registration=true|false` still reads as open|off. */
    Registration registration = Registration::Off;
    /** Key `invite_code_file`: the file holding the invite code; required by Registration::Invite. */
    QString inviteCodeFile;
    /** The invite code read from inviteCodeFile by fromIni() (tests set it directly). Never printed or logged. */
    QByteArray inviteCode;

    /** Largest frame payload accepted and announced in welcome, bytes. */
    quint32 maxFrameBytes = protocol::kMaxFrameBytes;
    /** Largest file accepted by file_offer, bytes (default 4 GiB). */
    qint64 maxFileBytes = qint64(4) * 1024 * 1024 * 1024;
    /** Total bytes of the file store; 0 = unlimited. */
    qint64 storeQuotaBytes = 0;
    /**
     * Uploads are refused (storage_full) when taking them would leave less than this many bytes free on the file
     * store's disk (default 1 GiB, so the database and the logs keep room); 0 = no floor.
     */
    qint64 minFreeDiskBytes = qint64(1) * 1024 * 1024 * 1024;
    /** Messages older than this many days are deleted by retention; 0 = keep forever. */
    int retentionDays = 0;
    /** Files older than this many days are deleted by retention; 0 = keep forever. */
    int fileRetentionDays = 0;
    /**
     * An unfinished upload whose part file has not grown for this many hours (or without a part, created that
     * long ago) is abandoned: its part file and upload record are deleted at server start and by the daily
     * retention job; 0 = keep them forever.
     */
    int uploadExpiryHours = 72;
    /** How long after sending a sender may recall their message, seconds (a group's owner: any time). */
    int recallWindowSeconds = 120;
    /** How long after sending a sender may edit their text message, seconds (default 24 h). */
    int editWindowSeconds = 24 * 60 * 60;
    /**
     * Keep the full-text search index (docs/admin.md "Search"): every message is indexed as it is stored. false: no
     * index is kept (appends are cheaper, the database smaller), `search` is unknown and its feature flag absent.
     * Switching it back on rebuilds the index at the next start.
     */
    bool searchIndex = true;

    /**
     * Argon2id cost (RFC 9106). Defaults from the OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1.
     * Tests lower them (e.g. 64 KiB, 1, 1) to stay fast.
     */
    quint32 hashMemoryKiB = 19456;
    quint32 hashIterations = 2;
    quint32 hashParallelism = 1;

    /**
     * Back-pressure bound, bytes: while a session's socket holds more than this unsent, the server stops
     * reading that session's input until it drains (a slow reader cannot grow server memory).
     */
    qint64 maxPendingOutputBytes = 4 * 1024 * 1024;

    // --- limits (server/security/); 0 disables a limit. resources/lanchat-server.conf explains each.
    /** A connection must send its first complete frame within this many ms, else `error timeout` + close. */
    int handshakeTimeoutMs = 10 * 1000;
    /** A connection silent (no bytes) for this many ms is closed with `error timeout`; clients ping every 30 s. */
    int heartbeatTimeoutMs = 90 * 1000;
    /**
     * Token bucket per connection: sustained requests per second, and burst (requests). Generous: our own client
     * pipelines its whole outbox (thousands of sends) after a reconnect.
     */
    int maxRequestsPerSecond = 1000;
    int requestBurst = 4000;
    /**
     * A connection not logged in this many ms after it connected (or after its logout) is closed with
     * `error timeout`; requests (pings included) do not extend it.
     */
    int loginTimeoutMs = 60 * 1000;
    /** Rejected (rate_limited) requests a connection may accumulate before it is closed. */
    int rateLimitCloseAfter = 4000;
    /** Simultaneous connections per client address and in total. */
    int maxConnectionsPerAddress = 64;
    int maxConnections = 4096;
    /** Simultaneous connections per client address that are not logged in (a lower cap inside the one above). */
    int maxUnauthenticatedPerAddress = 16;
    /**
     * Failed-login throttle (LoginThrottle; no account is ever locked): failures before delays start, per
     * (account, address) pair, per address over all accounts, and per account from addresses it never logged in
     * from (the account's known addresses are exempt from that one).
     */
    int loginFreeAttempts = 5;
    int addressFreeAttempts = 20;
    int accountFreeAttempts = 10;
    /** First delay after the free attempts (doubles per failure), its cap, and when failures are forgotten, ms. */
    int loginBaseDelayMs = 1000;
    int loginMaxDelayMs = 60 * 1000;
    int loginForgetMs = 15 * 60 * 1000;
    /**
     * Password hashing off the socket thread (PasswordHashPool): register, login and change_password jobs queued
     * or running, in total and per client address; beyond them `rate_limited` without hashing. 0 = no cap.
     */
    int maxQueuedHashes = 1024;
    int maxQueuedHashesPerAddress = 32;
    /** Sign-ups and password changes per client address per minute (burst of as many); 0 = no limit. */
    int registerPerMinute = 5;
    int changePasswordPerMinute = 5;

    /** Sign-in through LDAP / Active Directory: the `[ldap]` group (docs/admin.md, "LDAP and Active Directory"). */
    LdapConfig ldap;

    /** UDP discovery (docs/protocol.md, "Discovery"). Port 0 = any free port (tests). */
    bool discoveryEnabled = true;
    quint16 discoveryPort = protocol::kDiscoveryPort;

    /**
     * Reads @p path (INI). Keys missing from the file keep their defaults. Returns false and sets @p error
     * when the file cannot be read or a value is invalid (e.g. port "abc"). With registration=invite it also
     * reads the invite code from invite_code_file (RegistrationPolicy::readInviteCode), an error if it cannot.
     */
    static bool fromIni(const QString& path, ServerConfig* config, QString* error);
    /** The effective configuration as INI text, every key (for --print-config). */
    QString toIni() const;
    /** dataDir + "/lanchat.db". */
    /**
     * `<dataDir>/admin.sock` as an absolute path: QLocalServer would put a relative name under the temp
     * directory, so `--data-dir data/server` (scripts/run.sh) must not reach it relative.
     */
    QString adminSocketPath() const;
    QString databasePath() const;
};

} // namespace lanchat
