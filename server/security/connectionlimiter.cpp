#include "connectionlimiter.h"

#include <algorithm>
#include <iterator>

namespace lanchat {

ConnectionLimiter::ConnectionLimiter(int maxPerAddress, int maxTotal, int maxUnauthenticatedPerAddress)
    : m_maxPerAddress(maxPerAddress)
    , m_maxTotal(maxTotal)
    , m_maxUnauthenticatedPerAddress(maxUnauthenticatedPerAddress)
{}

QString ConnectionLimiter::key(const QHostAddress& peer)
{
    // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d; one host must not get two quotas.
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    if (peer.protocol() != QHostAddress::IPv6Protocol || peer.isLinkLocal())
        return peer.toString();
    Q_IPV6ADDR prefix = peer.toIPv6Address();
    std::fill(std::begin(prefix.c) + 8, std::end(prefix.c), quint8(0));
    return QHostAddress(prefix).toString() + QLatin1String("/64");
}

bool ConnectionLimiter::tryAcquire(const QHostAddress& peer)
{
    if (m_maxTotal > 0 && m_total >= m_maxTotal)
        return false;
    const QString k = key(peer);
    if (m_maxPerAddress > 0 && m_perAddress.value(k, 0) >= m_maxPerAddress)
        return false;
    if (m_maxUnauthenticatedPerAddress > 0 && m_unauthenticatedPerAddress.value(k, 0) >= m_maxUnauthenticatedPerAddress)
        return false;
    ++m_perAddress[k];
    ++m_unauthenticatedPerAddress[k];
    ++m_total;
    return true;
}

void ConnectionLimiter::setAuthenticated(const QHostAddress& peer, bool authenticated)
{
    const QString k = key(peer);
    if (!m_perAddress.contains(k))
        return;
    if (!authenticated) {
        ++m_unauthenticatedPerAddress[k];
        return;
    }
    const auto it = m_unauthenticatedPerAddress.find(k);
    if (it != m_unauthenticatedPerAddress.end() && --it.value() <= 0)
        m_unauthenticatedPerAddress.erase(it);
}

void ConnectionLimiter::release(const QHostAddress& peer, bool authenticated)
{
    const QString k = key(peer);
    const auto it = m_perAddress.find(k);
    if (it == m_perAddress.end())
        return;
    if (!authenticated)
        setAuthenticated(peer, true); // leaves the unauthenticated count
    --m_total;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
}

int ConnectionLimiter::count(const QHostAddress& peer) const
{
    return m_perAddress.value(key(peer), 0);
}

int ConnectionLimiter::unauthenticatedCount(const QHostAddress& peer) const
{
    return m_unauthenticatedPerAddress.value(key(peer), 0);
}

} // namespace lanchat
