// lanchat-bench: the load generator. Starts real lanchat-server processes on 127.0.0.1 with fresh
// data directories, runs the scenarios, prints one table and writes it as JSON. See bench/README.md.

#include "benchharness.h"
#include "filesscenario.h"
#include "historyscenario.h"
#include "idlescenario.h"
#include "loginstormscenario.h"
#include "messagingscenario.h"
#include "searchscenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace lanchat::bench;

namespace {

QList<RunResult> repeat(int runs, const std::function<RunResult()>& once)
{
    QList<RunResult> all;
    for (int i = 0; i < runs; ++i)
        all.append(once());
    return {medianRun(all)};
}

QList<RunResult> repeatRows(int runs, const std::function<QList<RunResult>()>& once)
{
    QList<QList<RunResult>> all;
    for (int i = 0; i < runs; ++i)
        all.append(once());
    QList<RunResult> medians;
    for (qsizetype row = 0; row < all.first().size(); ++row) {
        QList<RunResult> column;
        for (const QList<RunResult>& run : all)
            column.append(run.value(row));
        medians.append(medianRun(column));
    }
    return medians;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // A socket the server closed must fail the write (and the run), not kill the generator (OpenSSL writes
    // with plain write(), without MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LanChat load generator and benchmark."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QStringLiteral("lanchat-server binary."), QStringLiteral("path"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../server/lanchat-server"));
    const QCommandLineOption scenariosOption(
        QStringLiteral("scenarios"), QStringLiteral("Comma-separated: pairs,group,idle,history,files,storm,search."),
        QStringLiteral("list"), QStringLiteral("pairs,group,idle,history,files,storm"));
    const QCommandLineOption variantsOption(QStringLiteral("variants"),
                                            QStringLiteral("Comma-separated: tls,plaintext."), QStringLiteral("list"),
                                            QStringLiteral("tls,plaintext"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per scenario (median)."),
                                        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Messages per sender."),
                                            QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption idleOption(QStringLiteral("idle"), QStringLiteral("Idle connections."),
                                        QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("Messages in the history scenario."), QStringLiteral("n"),
                                           QStringLiteral("1000000"));
    const QCommandLineOption fileOption(QStringLiteral("file-mib"), QStringLiteral("File size in MiB."),
                                        QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption loginsOption(QStringLiteral("logins"),
                                          QStringLiteral("Simultaneous logins in the login storm (shipped hash cost)."),
                                          QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption searchMessagesOption(
        QStringLiteral("search-messages"),
        QStringLiteral("Messages in the search scenario's generated database (--messages is per sender)."),
        QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write the results as JSON here."),
                                        QStringLiteral("file"), QStringLiteral("bench-results.json"));
    parser.addOptions({serverOption, scenariosOption, variantsOption, runsOption, messagesOption, idleOption,
                       historyOption, fileOption, loginsOption, searchMessagesOption, jsonOption});
    parser.process(app);

    const QStringList scenarios = parser.value(scenariosOption).split(QLatin1Char(','));
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int messages = parser.value(messagesOption).toInt();
    QList<RunResult> results;
    QTextStream out(stdout);
    const QStringList variants = parser.value(variantsOption).split(QLatin1Char(','));
    for (const QString& variant : variants) {
        BenchHarness harness(parser.value(serverOption), variant == QLatin1String("tls"));
        const auto add = [&](const QList<RunResult>& rows) {
            for (const RunResult& r : rows) {
                results.append(r);
                out << "  " << r.variant << " " << r.scenario << ": " << (r.ok ? QString::number(r.rate) : r.note)
                    << " " << r.unit << Qt::endl;
            }
        };
        if (scenarios.contains(QLatin1String("pairs"))) {
            for (int window : {1, 64}) {
                add(repeat(runs, [&] {
                    return MessagingScenario(harness, MessagingScenario::Shape::Pairs, window, messages).run();
                }));
            }
        }
        if (scenarios.contains(QLatin1String("group"))) {
            for (int window : {1, 64}) {
                add(repeat(runs, [&] {
                    return MessagingScenario(harness, MessagingScenario::Shape::Group, window, messages).run();
                }));
            }
        }
        if (scenarios.contains(QLatin1String("idle")))
            add(repeat(runs, [&] { return IdleScenario(harness, parser.value(idleOption).toInt()).run(); }));
        if (scenarios.contains(QLatin1String("history")))
            add(HistoryScenario(harness, parser.value(historyOption).toInt()).run());
        if (scenarios.contains(QLatin1String("storm")))
            add(repeat(runs, [&] { return LoginStormScenario(harness, parser.value(loginsOption).toInt()).run(); }));
        if (scenarios.contains(QLatin1String("files"))) {
            const qint64 bytes = parser.value(fileOption).toLongLong() * 1024 * 1024;
            add(repeatRows(runs, [&] { return FilesScenario(harness, bytes).run(); }));
        }
        // Mostly storage work, the same for every variant: once, its loopback parts over the first variant.
        if (scenarios.contains(QLatin1String("search")) && variant == variants.first()) {
            CorpusSpec spec;
            spec.messages = qMax(1LL, parser.value(searchMessagesOption).toLongLong());
            add(SearchScenario(harness, spec, runs, messages).run());
        }
    }

    out << "\n" << formatTable(results) << "\n";
    out << "machine: " << QThread::idealThreadCount() << " cores; server and generator share them\n";
    QJsonArray json;
    for (const RunResult& r : results)
        json.append(r.toJson());
    QFile file(parser.value(jsonOption));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(json).toJson());
    out << "JSON: " << file.fileName() << Qt::endl;
    return 0;
}
