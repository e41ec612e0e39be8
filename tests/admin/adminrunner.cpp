#include "adminrunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QtGlobal>

namespace lanchat::test {

AdminRunner::AdminRunner(const QString& dataDir, const QStringList& configLines)
    : m_dataDir(dataDir)
    , m_configPath(QDir(dataDir).filePath(QStringLiteral("test.conf")))
{
    QDir().mkpath(dataDir);
    QFile file(m_configPath);
    if (file.open(QIODevice::WriteOnly)) {
        const QStringList lines =
            QStringList{QStringLiteral("[server]"), QStringLiteral("hash_memory_kib=64"),
                        QStringLiteral("hash_iterations=1"), QStringLiteral("registration=open")} +
            configLines;
        file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
}

QString AdminRunner::executable()
{
    return qEnvironmentVariable("LANCHAT_TEST_BINARY_DIR") + QStringLiteral("/server/lanchat-server");
}

AdminRunner::Result AdminRunner::run(const QStringList& args, const QByteArray& stdinData, const Locale& locale) const
{
    return runRaw(args + QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--config"), m_configPath},
                  stdinData, locale);
}

AdminRunner::Result AdminRunner::runRaw(const QStringList& args, const QByteArray& stdinData, const Locale& locale)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name == QLatin1String("LANG") || name == QLatin1String("LANGUAGE") || name.startsWith(QLatin1String("LC_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (auto it = locale.cbegin(); it != locale.cend(); ++it)
        environment.insert(it.key(), it.value());
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(executable(), args);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(stdinData);
    process.closeWriteChannel();
    // The event loop keeps running meanwhile, so an in-process relay answers the admin socket.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

} // namespace lanchat::test
