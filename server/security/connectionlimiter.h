#pragma once

#include <QHash>
#include <QHostAddress>

namespace lanchat {

/**
 * Counts open connections per peer address and in total, and refuses new ones above the limits
 * ("Resource limits"). The relay calls tryAcquire() at accept and release() when the session
 * closes; a refused peer gets `error {code: "too_many_connections"}` and is closed. IPv4-mapped IPv6
 * addresses count as their IPv4 address.
 *
 * Connections not logged in have a lower cap per address of their own: they cost a slot without proving
 * anything, so one host cannot hold the per-address quota with idle, never-authenticated connections. A new
 * connection starts unauthenticated; setAuthenticated() moves it between the two states (a logout is not
 * refused when the unauthenticated count is full; new connections are, until it falls). Lives on the server
 * thread; not thread-safe.
 */
class ConnectionLimiter
{
public:
    /**
     * @p maxPerAddress, @p maxTotal and @p maxUnauthenticatedPerAddress (connections not logged in, per address)
     * are connection counts; 0 means unlimited.
     */
    ConnectionLimiter(int maxPerAddress, int maxTotal, int maxUnauthenticatedPerAddress = 0);

    /**
     * Counts a new (unauthenticated) connection from @p peer and returns true, or returns false (nothing
     * counted) over a limit.
     */
    bool tryAcquire(const QHostAddress& peer);
    /** A connection from @p peer logged in (@p authenticated) or out. */
    void setAuthenticated(const QHostAddress& peer, bool authenticated);
    /**
     * Forgets one connection from @p peer (counted by an earlier successful tryAcquire()), @p authenticated
     * as last reported by setAuthenticated().
     */
    void release(const QHostAddress& peer, bool authenticated = false);

    int total() const { return m_total; }
    int count(const QHostAddress& peer) const;
    /** Connections from @p peer that are not logged in. */
    int unauthenticatedCount(const QHostAddress& peer) const;

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
    int m_maxUnauthenticatedPerAddress;
    int m_total = 0;
    QHash<QString, int> m_perAddress;
    QHash<QString, int> m_unauthenticatedPerAddress;
};

} // namespace lanchat
