#include "connectionfixture.h"

#include <QCoreApplication>

namespace lanchat::test {

ConnectionFixture::ConnectionFixture(Link link, SSL_CTX* tls, int sendBufferBytes)
{
    auto [fd, peer] = link == Link::Tcp ? SocketPeer::tcpPair() : SocketPeer::unixPair();
    if (fd < 0)
        return;
    if (sendBufferBytes > 0)
        setSendBuffer(fd, sendBufferBytes);
    if (tls)
        m_tls = std::make_unique<TlsPeer>(std::move(peer));
    else
        m_plain = std::move(peer);
    m_connection = std::make_unique<Connection>(m_poller, fd, tls);
}

ConnectionFixture::~ConnectionFixture()
{
    m_connection.reset(); // before the poller and the handler it refers to
}

bool ConnectionFixture::start()
{
    return m_connection && m_connection->start(&m_handler);
}

QByteArray patternFrame(int index, qsizetype size)
{
    QByteArray frame(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        frame[i] = char((i * 31 + index * 7) & 0xff);
    return frame;
}

void spinEventLoop()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

} // namespace lanchat::test
