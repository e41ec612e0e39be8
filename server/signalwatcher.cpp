#include "signalwatcher.h"

#include "logging.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace lanchat {

namespace {

// Written only by the signal handler and the constructor/destructor: plain int, async-signal-safe.
int g_signalFds[2] = {-1, -1};

extern "C" void onTerminationSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject* parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        qCWarning(lcServer) << "cannot create the signal socketpair; SIGTERM stops the server without flushing";
        return;
    }
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(SIGTERM, &action, nullptr) != 0 || ::sigaction(SIGINT, &action, nullptr) != 0 ||
        ::sigaction(SIGHUP, &action, nullptr) != 0) {
        qCWarning(lcServer) << "cannot install the SIGTERM/SIGINT handlers";
        return;
    }
    m_notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onActivated);
}

SignalWatcher::~SignalWatcher()
{
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGHUP, SIG_DFL);
    for (int& fd : g_signalFds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void SignalWatcher::onActivated()
{
    char byte = 0;
    if (::read(g_signalFds[1], &byte, 1) != 1)
        return;
    if (int(byte) == SIGHUP)
        emit reloadRequested();
    else
        emit terminationRequested(int(byte));
}

} // namespace lanchat
