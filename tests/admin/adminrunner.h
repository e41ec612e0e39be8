#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace lanchat::test {

/**
 * Runs the real `lanchat-server` executable ($LANCHAT_TEST_BINARY_DIR/server/lanchat-server) with an admin
 * subcommand against one data directory, with a config file there that sets a cheap Argon2id cost.
 * Waits by running the event loop (an in-process relay in the same test keeps answering the admin socket).
 * The child's locale variables (LANG, LANGUAGE, LC_*) are replaced by LANG=C.UTF-8, so its output is the English
 * source whatever the developer's locale; tests of the translations pass their own.
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

    /**
     * Writes `<dataDir>/test.conf` (cheap hash cost, sign-up open) with extra INI lines @p configLines
     * (e.g. "retention_days=10").
     */
    explicit AdminRunner(const QString& dataDir, const QStringList& configLines = {});

    /** Locale variables for the child, e.g. {{"LANG", "zh_CN.UTF-8"}}; empty: LANG=C.UTF-8. */
    using Locale = QHash<QString, QString>;

    /** Runs `lanchat-server ARGS --data-dir D --config C`, @p stdinData on stdin; at most 60 s. */
    Result run(const QStringList& args, const QByteArray& stdinData = {}, const Locale& locale = {}) const;
    /** Runs without adding --data-dir/--config. */
    static Result runRaw(const QStringList& args, const QByteArray& stdinData = {}, const Locale& locale = {});
    static QString executable();

    QString configPath() const { return m_configPath; }

private:
    QString m_dataDir;
    QString m_configPath;
};

} // namespace lanchat::test
