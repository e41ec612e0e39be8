#include "admincontext.h"

#include "framecodec.h"
#include "sqlitestorage.h"

#include <QCborArray>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <limits>

namespace lanchat {

namespace {

QString notRunningNote()
{
    return AdminContext::tr("(server not running: the change applies at its next start)");
}

} // namespace

AdminContext::AdminContext()
    : m_dataDir(QStringLiteral("data-dir"),
                tr("Data directory (default: the same as serve's, or data_dir of --config)."), QStringLiteral("DIR"))
    , m_configFile(QStringLiteral("config"), tr("INI configuration file (as for serve)."), QStringLiteral("FILE"))
    , m_verbose(QStringLiteral("verbose"), tr("Also print info log lines (database opened, migrated …)."))
{}

AdminContext::~AdminContext() = default;

void AdminContext::addOptions(QCommandLineParser& parser) const
{
    parser.addHelpOption();
    parser.addOptions({m_dataDir, m_configFile, m_verbose});
}

int AdminContext::parse(QCommandLineParser& parser, const QStringList& arguments, int minPositional, int maxPositional)
{
    parser.process(arguments); // exits on --help (0) and unknown options
    // The command prints its own result; info lines (database opened …) would only bury it. Warnings stay.
    if (!parser.isSet(m_verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("lanchat.*.info=false"));
    m_config.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString error;
    if (parser.isSet(m_configFile) && !ServerConfig::fromIni(parser.value(m_configFile), &m_config, &error))
        return fail(error, kUsage);
    if (parser.isSet(m_dataDir))
        m_config.dataDir = parser.value(m_dataDir);
    const qsizetype count = parser.positionalArguments().size();
    if (count < minPositional || count > maxPositional) {
        QTextStream(stderr) << parser.helpText();
        return kUsage;
    }
    return kOk;
}

SqliteStorage* AdminContext::storage()
{
    if (m_storage)
        return m_storage.get();
    if (!QDir().mkpath(m_config.dataDir)) {
        fail(tr("cannot create the data directory %1").arg(m_config.dataDir));
        return nullptr;
    }
    QString error;
    m_storage = SqliteStorage::open(m_config.databasePath(), &error, m_config.searchIndex);
    if (!m_storage)
        //: %1 is the database file, %2 the reason (from SQLite, in English)
        fail(tr("cannot open %1: %2").arg(m_config.databasePath(), error));
    return m_storage.get();
}

void AdminContext::closeStorage()
{
    m_storage.reset();
}

QString AdminContext::socketPath() const
{
    return m_config.adminSocketPath();
}

std::optional<QCborMap> AdminContext::notifyServer(const QCborMap& request) const
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(1000))
        return std::nullopt;
    socket.write(FrameCodec::encode(request));
    FrameCodec codec(1024 * 1024);
    const QDeadlineTimer deadline(kNotifyTimeoutMs);
    // Bounded by the deadline; each wait returns as soon as bytes arrive.
    while (!deadline.hasExpired()) {
        if (std::optional<FrameCodec::Frame> frame = codec.next())
            return frame->map;
        if (codec.hasError() || !socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        codec.append(socket.readAll());
    }
    return std::nullopt;
}

bool AdminContext::notifyUserChanged(UserId user, bool revokeSessions) const
{
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("user_changed"));
    request.insert(QLatin1String("user"), user.value());
    if (revokeSessions)
        request.insert(QLatin1String("revoke_sessions"), true);
    if (notifyServer(request))
        return true;
    print(notRunningNote());
    return false;
}

bool AdminContext::notifyConversationChanged(ConversationId conversation, const QList<UserId>& removed) const
{
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("conversation_changed"));
    request.insert(QLatin1String("conversation"), conversation.value());
    QCborArray ids;
    for (UserId id : removed)
        ids.append(id.value());
    request.insert(QLatin1String("removed"), ids);
    if (notifyServer(request))
        return true;
    print(notRunningNote());
    return false;
}

bool AdminContext::serverRunning() const
{
    QCborMap ping;
    ping.insert(QLatin1String("t"), QLatin1String("stats"));
    return notifyServer(ping).has_value();
}

int AdminContext::fail(const QString& message, int code)
{
    QTextStream(stderr) << "lanchat-server: " << message << "\n";
    return code;
}

void AdminContext::print(const QString& text)
{
    QTextStream(stdout) << text << "\n";
}

void AdminContext::print(const QStringList& lines)
{
    QTextStream out(stdout);
    for (const QString& line : lines)
        out << line << "\n";
}

int AdminContext::pluralCount(qint64 count)
{
    return int(std::clamp<qint64>(count, 0, std::numeric_limits<int>::max()));
}

} // namespace lanchat
