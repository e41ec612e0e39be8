#pragma once

#include <QHash>
#include <QHostAddress>

namespace lanchat {

/**
 * Counts open connections per peer address and in total, and refuses new ones above the limits
 * (issue 6, "Resource limits"). The relay calls tryAcquire() at accept and release() when the session
 * closes; a refused peer gets `error {code: "too_many_connections"}` and is closed. IPv4-mapped IPv6
 * addresses count as their IPv4 address. Lives on the server thread; not thread-safe.
 */
class ConnectionLimiter
{
public:
    /** @p maxPerAddress and @p maxTotal are connection counts; 0 means unlimited. */
    ConnectionLimiter(int maxPerAddress, int maxTotal);

    /** Counts a new connection from @p peer and returns true, or returns false (nothing counted) over a limit. */
    bool tryAcquire(const QHostAddress& peer);
    /** Forgets one connection from @p peer (counted by an earlier successful tryAcquire()). */
    void release(const QHostAddress& peer);

    int total() const { return m_total; }
    int count(const QHostAddress& peer) const;

    /**
     * The key of every per-address limit (these caps, LoginThrottle, the hashing caps): an IPv4 address as text;
     * an IPv4-mapped IPv6 address as its IPv4 address (a dual-stack listener must not give one host two quotas);
     * any other IPv6 address as its /64 prefix, e.g. "2001:db8:1:2::/64", because one host usually holds a whole
     * /64 (privacy addresses, SLAAC) and could otherwise rotate through fresh quotas. Link-local addresses
     * (fe80::/10) keep their full text: their prefix is the same for every host. The price: hosts sharing a /64
     * share its limits, as hosts behind one NAT address do.
     */
    static QString key(const QHostAddress& peer);

private:
    int m_maxPerAddress;
    int m_maxTotal;
    int m_total = 0;
    QHash<QString, int> m_perAddress;
};

} // namespace lanchat
