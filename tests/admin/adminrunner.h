#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lanchat::test {

/**
 * Runs the real `lanchat-server` executable ($LANCHAT_TEST_BINARY_DIR/server/lanchat-server) with an admin
 * subcommand against one data directory, with a config file there that sets a cheap Argon2id cost.
 * Waits by running the event loop (an in-process relay in the same test keeps answering the admin socket).
 */
class AdminRunner
{
public:
    struct Result
    {
        int exitCode = -1; ///< -1: did not finish within the timeout or crashed
        QString out;
        QString err;
    };

    /** Writes `<dataDir>/test.conf` with extra INI lines @p configLines (e.g. "retention_days=10"). */
    explicit AdminRunner(const QString& dataDir, const QStringList& configLines = {});

    /** Runs `lanchat-server ARGS --data-dir D --config C`, @p stdinData on stdin; at most 60 s. */
    Result run(const QStringList& args, const QByteArray& stdinData = {}) const;
    /** Runs without adding --data-dir/--config. */
    static Result runRaw(const QStringList& args, const QByteArray& stdinData = {});
    static QString executable();

    QString configPath() const { return m_configPath; }

private:
    QString m_dataDir;
    QString m_configPath;
};

} // namespace lanchat::test
