#include "connectionlimiter.h"

#include <algorithm>
#include <iterator>

namespace lanchat {

ConnectionLimiter::ConnectionLimiter(int maxPerAddress, int maxTotal)
    : m_maxPerAddress(maxPerAddress)
    , m_maxTotal(maxTotal)
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
    ++m_perAddress[k];
    ++m_total;
    return true;
}

void ConnectionLimiter::release(const QHostAddress& peer)
{
    const auto it = m_perAddress.find(key(peer));
    if (it == m_perAddress.end())
        return;
    --m_total;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
}

int ConnectionLimiter::count(const QHostAddress& peer) const
{
    return m_perAddress.value(key(peer), 0);
}

} // namespace lanchat
