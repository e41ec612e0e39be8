#pragma once

#include "relayserver.h"
#include "serverconfig.h"

#include <QTemporaryDir>

#include <memory>

namespace lanchat::test {

/**
 * The one in-process relay of the tests: a RelayServer on 127.0.0.1 (port 0 unless a test asks for the port it
 * had before, to play a restart), its data dir in a QTemporaryDir (two servers have different data dirs, hence
 * different generated TLS certificates), a cheap Argon2id cost (tests only), no sign-up rate limit and
 * discovery on a free UDP port. Sign-up is whatever @p overrides says: openSignUp() by default, since most
 * tests register their users over the protocol; a test passing its own config opts in with
 * `config.registration = ServerConfig::Registration::Open`. stop() and start() keep the data dir.
 */
class TestServer
{
public:
    explicit TestServer(bool tls, ServerConfig overrides = openSignUp());

    /** A default ServerConfig with sign-up open. */
    static ServerConfig openSignUp();
    ~TestServer();

    /** Starts on @p port (0: any free port); false on failure (error printed with qWarning). */
    bool start(quint16 port = 0);
    /** Stops and destroys the server (clients see `shutdown` and the connection close). */
    void stop();
    /** stop() and start() on a new free port. */
    bool restart();

    /** The running server; only between a successful start() and stop(). */
    RelayServer& server() const { return *m_server; }
    bool isRunning() const { return m_server != nullptr; }
    /** The port of the running server, else the one it last ran on (0 before the first start). */
    quint16 port() const { return m_port; }
    bool tls() const { return m_config.tls; }
    /** SHA-256 fingerprint of the running server's certificate; empty when stopped or plaintext. */
    QString fingerprint() const;
    /** The configuration the next start() uses (tests tighten limits through it). */
    ServerConfig& config() { return m_config; }
    const ServerConfig& config() const { return m_config; }
    QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<RelayServer> m_server;
    quint16 m_port = 0;
};

} // namespace lanchat::test
