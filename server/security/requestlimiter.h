#pragma once

#include "tokenbucket.h"

#include <QString>

namespace lanchat {

/**
 * Per-connection request rate limit ("Resource limits"): a token bucket of ratePerSecond requests
 * with a burst of `burst`. A request over the rate is answered `error {id, code: "rate_limited"}` (Reject);
 * sustained abuse closes the connection (Close): every rejected request takes a strike from a second bucket
 * of `closeAfter` strikes, refilled at a tenth of the request rate, and the connection closes when it is empty.
 *
 * Bulk transfer requests (`file_chunk`, `file_read`) are not counted: their cost is bounded in bytes by the
 * frame limit and the server's output back-pressure, and counting them would cap transfer speed at
 * rate x 256 KiB/s. Times are a monotonic clock in ms from the caller. Server thread only.
 */
class RequestLimiter
{
public:
    enum class Verdict
    {
        Admit,  ///< handle the request
        Reject, ///< answer rate_limited, keep the connection
        Close,  ///< answer rate_limited and close the connection
    };

    /** @p ratePerSecond > 0 requests/s; @p burst >= 1 requests; @p closeAfter >= 1 rejected requests. */
    RequestLimiter(double ratePerSecond, double burst, int closeAfter, qint64 nowMs);

    /** Decides about one request of type @p type arriving at @p nowMs. */
    Verdict admit(const QString& type, qint64 nowMs);

    /** True for request types that are not rate-limited (bulk file transfer). */
    static bool isExempt(const QString& type);

private:
    TokenBucket m_requests;
    TokenBucket m_strikes;
};

} // namespace lanchat
