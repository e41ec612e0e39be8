#pragma once

#include "relayserver.h"
#include "serverconfig.h"

#include <QTemporaryDir>

#include <memory>

namespace lanchat::test {

/**
 * An in-process RelayServer on 127.0.0.1, port 0, with its data dir in a QTemporaryDir, a cheap Argon2id
 * cost (tests only) and discovery on a free UDP port. restart() keeps the data dir. Sign-up is whatever
 * @p overrides says: openSignUp() by default, since most tests register their users over the protocol; a test
 * passing its own config opts in with `config.registration = ServerConfig::Registration::Open`.
 */
class TestServer
{
public:
    explicit TestServer(bool tls, ServerConfig overrides = openSignUp());

    /** A default ServerConfig with sign-up open. */
    static ServerConfig openSignUp();
    ~TestServer();

    /** (Re)starts on a free port; false on failure (error printed with qWarning). */
    bool start();
    void stop();
    bool restart();

    RelayServer& server() { return *m_server; }
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    bool tls() const { return m_config.tls; }
    const ServerConfig& config() const { return m_config; }
    QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<RelayServer> m_server;
};

} // namespace lanchat::test
