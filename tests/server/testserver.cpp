#include "testserver.h"

#include <QtDebug>

namespace lanchat::test {

TestServer::TestServer(bool tls, ServerConfig overrides)
    : m_config(std::move(overrides))
{
    m_config.dataDir = m_dir.path();
    m_config.tls = tls;
    m_config.hashMemoryKiB = 64;
    m_config.hashIterations = 1;
    m_config.hashParallelism = 1;
    // Tests sign up many accounts from 127.0.0.1 within seconds; tests of that limit configure their own server.
    m_config.registerPerMinute = 0;
    m_config.discoveryPort = 0;
}

ServerConfig TestServer::openSignUp()
{
    ServerConfig config;
    config.registration = ServerConfig::Registration::Open;
    return config;
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start(quint16 port)
{
    m_server = std::make_unique<RelayServer>(m_config);
    QString error;
    if (!m_server->start(QHostAddress::LocalHost, port, &error)) {
        qWarning("TestServer: %s", qPrintable(error));
        m_server.reset();
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
}

bool TestServer::restart()
{
    stop();
    return start();
}

QString TestServer::fingerprint() const
{
    return m_server ? m_server->certificateFingerprint() : QString();
}

} // namespace lanchat::test
