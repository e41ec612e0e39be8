#pragma once

#include "serverconfig.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lanchat {

class RelayServer;

/**
 * A real RelayServer in-process on 127.0.0.1 with its data in a QTemporaryDir and a cheap password
 * hash cost. stop() and start() again on the same port and data dir simulate a server restart; two
 * fixtures have different data dirs, hence different generated TLS certificates.
 */
class RelayFixture
{
public:
    explicit RelayFixture(bool tls);
    ~RelayFixture();

    /** Starts on @p port (0 = any free port). Returns false and logs a QTest warning on failure. */
    bool start(quint16 port = 0);
    /** Stops and destroys the server (clients see `shutdown` and the connection close). */
    void stop();

    /** The configuration the next start() uses (tests tighten limits through it). */
    ServerConfig& config() { return m_config; }
    RelayServer* server() const { return m_server.get(); }
    quint16 port() const { return m_port; }
    bool tls() const { return m_config.tls; }
    QString fingerprint() const;

private:
    QTemporaryDir m_dir;
    ServerConfig m_config;
    std::unique_ptr<RelayServer> m_server;
    quint16 m_port = 0;
};

} // namespace lanchat
