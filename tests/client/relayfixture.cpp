#include "relayfixture.h"

#include "relayserver.h"

#include <QTest>

namespace lanchat {

RelayFixture::RelayFixture(bool tls)
{
    m_config.dataDir = m_dir.path();
    m_config.tls = tls;
    m_config.port = 0;
    m_config.discoveryEnabled = false;
    m_config.registration = ServerConfig::Registration::Open; // the tests sign their users up themselves
    // Tests log in dozens of times: the OWASP cost would make them slow and proves nothing here.
    m_config.hashMemoryKiB = 64;
    m_config.hashIterations = 1;
    m_config.hashParallelism = 1;
    // Dozens of sign-ups from 127.0.0.1 within seconds (tests/security covers the per-address limit).
    m_config.registerPerMinute = 0;
}

RelayFixture::~RelayFixture()
{
    stop();
}

bool RelayFixture::start(quint16 port)
{
    m_server = std::make_unique<RelayServer>(m_config);
    QString error;
    if (!m_server->start(QHostAddress::LocalHost, port, &error)) {
        qWarning("relay did not start: %s", qPrintable(error));
        m_server.reset();
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void RelayFixture::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
}

QString RelayFixture::fingerprint() const
{
    return m_server ? m_server->certificateFingerprint() : QString();
}

} // namespace lanchat
