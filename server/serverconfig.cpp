#include "serverconfig.h"

#include "logging.h"
#include "security/registrationpolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace lanchat {

namespace {

/** Reads an integer key in [min, max]; records the first bad value in @p error. */
template <typename T>
void readInt(const QSettings& s, const char* key, T* value, qint64 min, qint64 max, QString* error)
{
    const QString k = QLatin1String(key);
    if (!s.contains(k))
        return;
    bool ok = false;
    const qint64 v = s.value(k).toString().trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        if (error->isEmpty())
            //: %1 is a config key, %2..%3 the allowed range, %4 the value found
            *error = QCoreApplication::translate("lanchat::ServerConfig", "%1: expected an integer in %2..%3, got '%4'")
                         .arg(k)
                         .arg(min)
                         .arg(max)
                         .arg(s.value(k).toString());
        return;
    }
    *value = T(v);
}

void readBool(const QSettings& s, const char* key, bool* value, QString* error)
{
    const QString k = QLatin1String(key);
    if (!s.contains(k))
        return;
    const QString v = s.value(k).toString().trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes")) {
        *value = true;
    } else if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no")) {
        *value = false;
    } else if (error->isEmpty()) {
        *error = QCoreApplication::translate("lanchat::ServerConfig", "%1: expected true or false, got '%2'").arg(k, v);
    }
}

void readString(const QSettings& s, const char* key, QString* value)
{
    const QString k = QLatin1String(key);
    if (s.contains(k))
        *value = s.value(k).toString();
}

/**
 * `registration = off | open | invite` and its invite code file; the older `allow_registration = true | false`
 * still works as open | off when `registration` is absent.
 */
void readRegistration(const QSettings& s, ServerConfig* config, QString* error)
{
    bool allow = false;
    if (!s.contains(QStringLiteral("registration")) && s.contains(QStringLiteral("allow_registration"))) {
        readBool(s, "allow_registration", &allow, error);
        config->registration = allow ? ServerConfig::Registration::Open : ServerConfig::Registration::Off;
    }
    QString mode;
    readString(s, "registration", &mode);
    if (!mode.isEmpty()) {
        if (const auto parsed = RegistrationPolicy::parseMode(mode))
            config->registration = *parsed;
        else if (error->isEmpty())
            //: %1 is the value found; off, open and invite are typed as they are
            *error = QCoreApplication::translate("lanchat::ServerConfig",
                                                 "registration: expected off, open or invite, got '%1'")
                         .arg(mode);
    }
    readString(s, "invite_code_file", &config->inviteCodeFile);
    config->inviteCode.clear();
    if (config->registration != ServerConfig::Registration::Invite || !error->isEmpty())
        return;
    if (config->inviteCodeFile.isEmpty()) {
        *error = QCoreApplication::translate("lanchat::ServerConfig", "registration=invite needs invite_code_file");
        return;
    }
    RegistrationPolicy::readInviteCode(config->inviteCodeFile, &config->inviteCode, error);
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

bool ServerConfig::fromIni(const QString& path, ServerConfig* config, QString* error)
{
    if (!QFileInfo(path).isReadable()) {
        *error = QCoreApplication::translate("lanchat::ServerConfig", "cannot read config file %1").arg(path);
        return false;
    }
    QSettings s(path, QSettings::IniFormat);
    s.beginGroup(QStringLiteral("server"));
    QString problem;
    readString(s, "data_dir", &config->dataDir);
    readString(s, "name", &config->serverName);
    QString listen;
    readString(s, "listen", &listen);
    if (listen == QLatin1String("any"))
        config->listenAddress = QHostAddress::Any;
    else if (!listen.isEmpty() && !config->listenAddress.setAddress(listen))
        problem = QCoreApplication::translate("lanchat::ServerConfig", "listen: not an IP address: '%1'").arg(listen);
    readInt(s, "port", &config->port, 0, 65535, &problem);
    readBool(s, "tls", &config->tls, &problem);
    readString(s, "cert_file", &config->certFile);
    readString(s, "key_file", &config->keyFile);
    readRegistration(s, config, &problem);
    readInt(s, "max_frame_bytes", &config->maxFrameBytes, 64 * 1024, 64 * 1024 * 1024, &problem);
    readInt(s, "max_file_bytes", &config->maxFileBytes, 0, std::numeric_limits<qint64>::max(), &problem);
    readInt(s, "store_quota_bytes", &config->storeQuotaBytes, 0, std::numeric_limits<qint64>::max(), &problem);
    readInt(s, "min_free_disk_bytes", &config->minFreeDiskBytes, 0, std::numeric_limits<qint64>::max(), &problem);
    readInt(s, "retention_days", &config->retentionDays, 0, 100000, &problem);
    readInt(s, "file_retention_days", &config->fileRetentionDays, 0, 100000, &problem);
    readInt(s, "upload_expiry_hours", &config->uploadExpiryHours, 0, 1000000, &problem);
    readInt(s, "recall_window_seconds", &config->recallWindowSeconds, 0, 365 * 24 * 3600, &problem);
    readInt(s, "edit_window_seconds", &config->editWindowSeconds, 0, 365 * 24 * 3600, &problem);
    readBool(s, "search_index", &config->searchIndex, &problem);
    readInt(s, "hash_memory_kib", &config->hashMemoryKiB, 8, 4 * 1024 * 1024, &problem);
    readInt(s, "hash_iterations", &config->hashIterations, 1, 100, &problem);
    readInt(s, "hash_parallelism", &config->hashParallelism, 1, 64, &problem);
    readInt(s, "max_pending_output_bytes", &config->maxPendingOutputBytes, 64 * 1024,
            std::numeric_limits<qint64>::max(), &problem);
    readInt(s, "handshake_timeout_ms", &config->handshakeTimeoutMs, 0, 3600 * 1000, &problem);
    readInt(s, "heartbeat_timeout_ms", &config->heartbeatTimeoutMs, 0, 24 * 3600 * 1000, &problem);
    readInt(s, "login_timeout_ms", &config->loginTimeoutMs, 0, 24 * 3600 * 1000, &problem);
    readInt(s, "max_requests_per_second", &config->maxRequestsPerSecond, 0, 1000000, &problem);
    readInt(s, "request_burst", &config->requestBurst, 1, 1000000, &problem);
    readInt(s, "rate_limit_close_after", &config->rateLimitCloseAfter, 1, 1000000, &problem);
    readInt(s, "max_connections_per_ip", &config->maxConnectionsPerAddress, 0, 1000000, &problem);
    readInt(s, "max_connections", &config->maxConnections, 0, 1000000, &problem);
    readInt(s, "max_unauthenticated_per_ip", &config->maxUnauthenticatedPerAddress, 0, 1000000, &problem);
    readInt(s, "login_free_attempts", &config->loginFreeAttempts, 0, 1000000, &problem);
    readInt(s, "address_free_attempts", &config->addressFreeAttempts, 0, 1000000, &problem);
    readInt(s, "account_free_attempts", &config->accountFreeAttempts, 0, 1000000, &problem);
    readInt(s, "login_base_delay_ms", &config->loginBaseDelayMs, 0, 3600 * 1000, &problem);
    readInt(s, "login_max_delay_ms", &config->loginMaxDelayMs, 0, 24 * 3600 * 1000, &problem);
    // login_lockout_ms is the older name: the time after which failures are forgotten was the lockout time.
    readInt(s, s.contains(QStringLiteral("login_forget_ms")) ? "login_forget_ms" : "login_lockout_ms",
            &config->loginForgetMs, 0, 24 * 3600 * 1000, &problem);
    for (const char* obsolete : {"login_lockout_failures", "account_lockout_failures"}) {
        if (s.contains(QLatin1String(obsolete)))
            qCWarning(lcServer) << "config:" << obsolete << "is obsolete and ignored: accounts are never locked";
    }
    readInt(s, "max_queued_hashes", &config->maxQueuedHashes, 0, 1000000, &problem);
    readInt(s, "max_queued_hashes_per_ip", &config->maxQueuedHashesPerAddress, 0, 1000000, &problem);
    readInt(s, "register_per_minute", &config->registerPerMinute, 0, 1000000, &problem);
    readInt(s, "change_password_per_minute", &config->changePasswordPerMinute, 0, 1000000, &problem);
    readBool(s, "discovery", &config->discoveryEnabled, &problem);
    readInt(s, "discovery_port", &config->discoveryPort, 0, 65535, &problem);
    s.endGroup();
    if (problem.isEmpty())
        LdapConfig::read(s, &config->ldap, &problem);
    if (s.status() != QSettings::NoError && problem.isEmpty())
        problem = QCoreApplication::translate("lanchat::ServerConfig", "syntax error");
    if (!problem.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, problem);
        return false;
    }
    return true;
}

QString ServerConfig::toIni() const
{
    QStringList lines{QStringLiteral("[server]")};
    const auto add = [&lines](const char* key, const QString& value) {
        lines.append(QStringLiteral("%1=%2").arg(QLatin1String(key), value));
    };
    add("data_dir", dataDir);
    add("name", serverName);
    add("listen", listenAddress == QHostAddress::Any ? QStringLiteral("any") : listenAddress.toString());
    add("port", QString::number(port));
    add("tls", boolText(tls));
    add("cert_file", certFile);
    add("key_file", keyFile);
    add("registration", RegistrationPolicy::modeName(registration));
    add("invite_code_file", inviteCodeFile);
    add("max_frame_bytes", QString::number(maxFrameBytes));
    add("max_file_bytes", QString::number(maxFileBytes));
    add("store_quota_bytes", QString::number(storeQuotaBytes));
    add("min_free_disk_bytes", QString::number(minFreeDiskBytes));
    add("retention_days", QString::number(retentionDays));
    add("file_retention_days", QString::number(fileRetentionDays));
    add("upload_expiry_hours", QString::number(uploadExpiryHours));
    add("recall_window_seconds", QString::number(recallWindowSeconds));
    add("edit_window_seconds", QString::number(editWindowSeconds));
    add("search_index", boolText(searchIndex));
    add("hash_memory_kib", QString::number(hashMemoryKiB));
    add("hash_iterations", QString::number(hashIterations));
    add("hash_parallelism", QString::number(hashParallelism));
    add("max_pending_output_bytes", QString::number(maxPendingOutputBytes));
    add("handshake_timeout_ms", QString::number(handshakeTimeoutMs));
    add("heartbeat_timeout_ms", QString::number(heartbeatTimeoutMs));
    add("login_timeout_ms", QString::number(loginTimeoutMs));
    add("max_requests_per_second", QString::number(maxRequestsPerSecond));
    add("request_burst", QString::number(requestBurst));
    add("rate_limit_close_after", QString::number(rateLimitCloseAfter));
    add("max_connections_per_ip", QString::number(maxConnectionsPerAddress));
    add("max_connections", QString::number(maxConnections));
    add("max_unauthenticated_per_ip", QString::number(maxUnauthenticatedPerAddress));
    add("login_free_attempts", QString::number(loginFreeAttempts));
    add("address_free_attempts", QString::number(addressFreeAttempts));
    add("account_free_attempts", QString::number(accountFreeAttempts));
    add("login_base_delay_ms", QString::number(loginBaseDelayMs));
    add("login_max_delay_ms", QString::number(loginMaxDelayMs));
    add("login_forget_ms", QString::number(loginForgetMs));
    add("max_queued_hashes", QString::number(maxQueuedHashes));
    add("max_queued_hashes_per_ip", QString::number(maxQueuedHashesPerAddress));
    add("register_per_minute", QString::number(registerPerMinute));
    add("change_password_per_minute", QString::number(changePasswordPerMinute));
    add("discovery", boolText(discoveryEnabled));
    add("discovery_port", QString::number(discoveryPort));
    lines.append(QString());
    lines.append(ldap.toIniLines());
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ServerConfig::databasePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("lanchat.db"));
}

QString ServerConfig::adminSocketPath() const
{
    return QDir(dataDir).absoluteFilePath(QStringLiteral("admin.sock"));
}

} // namespace lanchat
