#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

namespace lanchat::bench {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

ServerProcess::ServerProcess(QString binary, bool tls, QStringList configLines, QString database)
    : m_binary(std::move(binary))
    , m_tls(tls)
    , m_configLines(std::move(configLines))
    , m_database(std::move(database))
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(QString* error)
{
    // A cheap password hash: the benchmark measures messaging, and logging in 5,000 connections at the
    // OWASP cost would take minutes of pure Argon2.
    const QString config = m_dir.filePath(QStringLiteral("bench.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QStringList lines{QStringLiteral("hash_memory_kib=64"), QStringLiteral("hash_iterations=1"),
                      QStringLiteral("discovery=false"), QStringLiteral("registration=open"),
                      QStringLiteral("max_connections_per_ip=100000"), QStringLiteral("max_connections=100000"),
                      QStringLiteral("max_requests_per_second=0"),
                      // Every bench connection comes from 127.0.0.1, 32 of them logging in at a time.
                      QStringLiteral("max_unauthenticated_per_ip=0"),
                      // Bench receivers only listen and do not ping as the real client does every 30 s: a run longer
                      // than the 90 s heartbeat would otherwise lose them (a slow TLS history fill, a loaded machine).
                      QStringLiteral("heartbeat_timeout_ms=0"),
                      // Hundreds of sign-ups from 127.0.0.1 to set a scenario up.
                      QStringLiteral("register_per_minute=0")};
    for (const QString& line : std::as_const(m_configLines)) {
        const QString key = line.section(QLatin1Char('='), 0, 0) + QLatin1Char('=');
        lines.removeIf([&key](const QString& l) { return l.startsWith(key); });
        lines.append(line);
    }
    QTextStream(&file) << "[server]\n" << lines.join(QLatin1Char('\n')) << "\n";
    file.close();

    const QString dataDir = m_dir.filePath(QStringLiteral("data"));
    if (!m_database.isEmpty() &&
        !(QDir().mkpath(dataDir) && QFile::rename(m_database, QDir(dataDir).filePath(QStringLiteral("lanchat.db"))))) {
        *error = QStringLiteral("could not move %1 into the data directory").arg(m_database);
        return false;
    }

    m_port = freePort();
    QStringList args{QStringLiteral("serve"),    QStringLiteral("--data-dir"), dataDir,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),  QStringLiteral("--port"),
                     QString::number(m_port),    QStringLiteral("--config"),   config};
    if (!m_tls)
        args << QStringLiteral("--insecure-plaintext");
    m_process.start(m_binary, args);
    if (!m_process.waitForStarted(10000)) {
        *error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(50); // polling a child process's port; no signal exists for "listening"
    }
    *error = QStringLiteral("server did not start listening");
    return false;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

double ServerProcess::cpuSeconds() const
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

qint64 ServerProcess::statusField(const char* name) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray key = QByteArray(name) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

qint64 ServerProcess::rssKiB() const
{
    return statusField("VmRSS");
}

qint64 ServerProcess::peakRssKiB() const
{
    return statusField("VmHWM");
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace lanchat::bench
