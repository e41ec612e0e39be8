#include "servecommand.h"

#include "logging.h"
#include "relayserver.h"
#include "serverconfig.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>

#include <malloc.h>

namespace lanchat {

namespace {

/**
 * glibc's allocator serves blocks above its mmap threshold (128 KiB, raised only as such blocks are freed) with
 * fresh mmap()s, and trims the heap top past 2× that. The relay's 256 KiB file chunks and their frames were thus
 * page-faulted in and zeroed anew for every chunk: 8 % of the socket thread during a TLS upload (perf). Fixed
 * thresholds keep them on the heap; a free top above 8 MiB is still given back (mallopt(3)). Measured with
 * build/bench/lanchat-bench --scenarios files (median of 3): TLS upload 0.47× → 0.61× of the plain copy,
 * plaintext 0.74× → 0.81×, and a lower peak RSS in tst_fileserverprocess (47 → 43 MiB).
 */
void tuneAllocator()
{
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
}

struct Options
{
    QCommandLineOption listen{QStringLiteral("listen"),
                              ServeCommand::tr("Address to listen on (default: any, IPv4+IPv6)."),
                              QStringLiteral("ADDR")};
    QCommandLineOption port{QStringLiteral("port"), ServeCommand::tr("TCP port (default 7411; 0 = any free port)."),
                            QStringLiteral("PORT")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"), ServeCommand::tr("Data directory (database, keys, files)."),
                               QStringLiteral("DIR")};
    QCommandLineOption config{QStringLiteral("config"), ServeCommand::tr("INI configuration file."),
                              QStringLiteral("FILE")};
    QCommandLineOption plaintext{QStringLiteral("insecure-plaintext"),
                                 ServeCommand::tr("Serve plain TCP without TLS (logs a warning).")};
    //: discovery: the UDP broadcast by which the desktop app finds the server on the LAN
    QCommandLineOption discoveryPort{QStringLiteral("discovery-port"),
                                     ServeCommand::tr("UDP discovery port (default 7412; 0 = any free port)."),
                                     QStringLiteral("PORT")};
    QCommandLineOption noDiscovery{QStringLiteral("no-discovery"), ServeCommand::tr("Do not answer discovery probes.")};
    QCommandLineOption printConfig{QStringLiteral("print-config"),
                                   ServeCommand::tr("Print the effective configuration and exit.")};
};

bool parsePort(const QString& text, quint16* port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

/** Config file first, then flags on top. Returns 0 or an exit code. */
int buildConfig(const QCommandLineParser& parser, const Options& o, ServerConfig* config)
{
    QTextStream err(stderr);
    config->dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString error;
    if (parser.isSet(o.config) && !ServerConfig::fromIni(parser.value(o.config), config, &error)) {
        err << "lanchat-server: " << error << "\n";
        return 2;
    }
    if (parser.isSet(o.dataDir))
        config->dataDir = parser.value(o.dataDir);
    if (parser.isSet(o.listen) && !config->listenAddress.setAddress(parser.value(o.listen))) {
        err << "lanchat-server: " << ServeCommand::tr("--listen: not an IP address: %1").arg(parser.value(o.listen))
            << "\n";
        return 2;
    }
    if ((parser.isSet(o.port) && !parsePort(parser.value(o.port), &config->port)) ||
        (parser.isSet(o.discoveryPort) && !parsePort(parser.value(o.discoveryPort), &config->discoveryPort))) {
        err << "lanchat-server: " << ServeCommand::tr("a port must be 0..65535") << "\n";
        return 2;
    }
    if (parser.isSet(o.plaintext))
        config->tls = false;
    if (parser.isSet(o.noDiscovery))
        config->discoveryEnabled = false;
    return 0;
}

} // namespace

int ServeCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    //: the subcommand names are typed as they are: keep them in English
    parser.setApplicationDescription(
        tr("LanChat relay server. Subcommands: serve (default), user, group, broadcast, stats, backup, restore, "
           "check, prune; each has --help (docs/admin.md)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options o;
    parser.addOptions(
        {o.listen, o.port, o.dataDir, o.config, o.plaintext, o.discoveryPort, o.noDiscovery, o.printConfig});
    parser.process(arguments); // exits on --help, --version and unknown options (code 1 per Qt)

    ServerConfig config;
    if (const int code = buildConfig(parser, o, &config); code != 0)
        return code;
    if (parser.isSet(o.printConfig)) {
        QTextStream(stdout) << config.toIni();
        return 0;
    }

    tuneAllocator();
    SignalWatcher signalWatcher;
    RelayServer server(config);
    QString error;
    if (!server.start(config.listenAddress, config.port, &error)) {
        qCCritical(lcServer) << "cannot start:" << error;
        return 1;
    }
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &server, [&server](int signal) {
        qCInfo(lcServer) << "signal" << signal << "- stopping";
        server.stop();
    });
    QObject::connect(&signalWatcher, &SignalWatcher::reloadRequested, &server, [&parser, &o, &server] {
        ServerConfig fresh;
        if (buildConfig(parser, o, &fresh) == 0) // a bad file is reported and the running config kept
            server.reloadConfig(fresh);
    });
    // Quit only once every client got its last acks and the shutdown push.
    QObject::connect(&server, &RelayServer::stopped, QCoreApplication::instance(), &QCoreApplication::quit);
    return QCoreApplication::exec();
}

} // namespace lanchat
