// libFuzzer target: fuzzer bytes as one client's TCP stream into a real, in-process RelayServer
// (plaintext on 127.0.0.1:0, real SQLite in a temporary data dir created once). Inputs whose first byte is odd
// are sent after a valid login, so the authenticated handlers (chat, groups, files) are reached as well.
// Per input: connect, write, close our end, then run the event loop until the server has closed the session
// (bounded: 5 s). Any crash, leak or sanitizer report is a bug.
// Run longer by hand: build-fuzz/tests/fuzz/fuzz_session -max_total_time=3600 -timeout=10 tests/fuzz/corpus

#include "framecodec.h"
#include "relayserver.h"
#include "serverconfig.h"
#include "sessionregistry.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace lanchat;

namespace {

// Reachable from these pointers until exit: never reported as leaks.
QCoreApplication* g_app = nullptr;
QTemporaryDir* g_dir = nullptr;
RelayServer* g_server = nullptr;
QByteArray* g_loginFrame = nullptr;

constexpr int kInputDeadlineMs = 5000;

QCborMap account(const char* type, const QString& name)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String(type));
    m.insert(QLatin1String("id"), 1);
    m.insert(QLatin1String("username"), name);
    m.insert(QLatin1String("password"), QStringLiteral("fuzz-password"));
    return m;
}

/** Runs the event loop until @p done or the deadline; returns done(). */
template <typename Pred> bool spin(Pred done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    return done();
}

void registerAccount(const QString& name)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, g_server->serverPort());
    socket.write(FrameCodec::encode(account("register", name)));
    FrameCodec codec(1024 * 1024);
    const bool answered = spin(
        [&] {
            codec.append(socket.readAll());
            return codec.next().has_value();
        },
        kInputDeadlineMs);
    if (!answered) {
        std::fprintf(stderr, "fuzz_session: cannot register %s\n", qPrintable(name));
        std::abort();
    }
    socket.disconnectFromHost();
    spin([] { return g_server->sessions().connectionCount() == 0; }, kInputDeadlineMs);
}

void startServer()
{
    static int argc = 1;
    static char name[] = "fuzz_session";
    static char* argv[] = {name, nullptr};
    g_app = new QCoreApplication(argc, argv);
    // Millions of connect/error lines would drown the fuzzer's own output.
    QLoggingCategory::setFilterRules(QStringLiteral("lanchat.*=false"));
    g_dir = new QTemporaryDir;
    ServerConfig config;
    config.dataDir = g_dir->path();
    config.tls = false;
    config.discoveryEnabled = false;
    config.registration = ServerConfig::Registration::Open; // the fuzz accounts sign up
    config.hashMemoryKiB = 8;
    config.hashIterations = 1;
    config.maxFrameBytes = 64 * 1024; // short inputs reach frame_too_large too
    config.maxFileBytes = 1024 * 1024;
    // Limits off: every input must reach the handlers, not the throttles (tests/security covers those).
    config.handshakeTimeoutMs = 0;
    config.heartbeatTimeoutMs = 0;
    config.maxRequestsPerSecond = 0;
    config.maxConnectionsPerAddress = 0;
    config.loginFreeAttempts = 1000000000;
    config.addressFreeAttempts = 1000000000;
    config.accountFreeAttempts = 1000000000;
    config.registerPerMinute = 0;
    config.changePasswordPerMinute = 0;
    config.maxQueuedHashes = 0;
    config.maxQueuedHashesPerAddress = 0;
    g_server = new RelayServer(config);
    QString error;
    if (!g_server->start(QHostAddress::LocalHost, 0, &error)) {
        std::fprintf(stderr, "fuzz_session: %s\n", qPrintable(error));
        std::abort();
    }
    registerAccount(QStringLiteral("fuzz"));
    registerAccount(QStringLiteral("peer")); // user 2: open_private, group members
    g_loginFrame = new QByteArray(FrameCodec::encode(account("login", QStringLiteral("fuzz"))));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (!g_server)
        startServer();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, g_server->serverPort());
    if (size > 0 && (data[0] & 1))
        socket.write(*g_loginFrame);
    socket.write(reinterpret_cast<const char*>(data), qint64(size));
    // Our end closes after the bytes are out: the server reads them all, answers, sees EOF and closes.
    socket.disconnectFromHost();
    const bool closed = spin(
        [&] {
            socket.readAll(); // keep the server's output flowing
            return socket.state() == QAbstractSocket::UnconnectedState && g_server->sessions().connectionCount() == 0;
        },
        kInputDeadlineMs);
    if (!closed) {
        // A session that outlives its client is a resource leak in the server.
        std::fprintf(stderr, "fuzz_session: the server did not close the session within %d ms\n", kInputDeadlineMs);
        std::abort();
    }
    return 0;
}
