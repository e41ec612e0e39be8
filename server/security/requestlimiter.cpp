#include "requestlimiter.h"

#include "messages/filemessages.h"

namespace lanchat {

RequestLimiter::RequestLimiter(double ratePerSecond, double burst, int closeAfter, qint64 nowMs)
    : m_requests(ratePerSecond, burst, nowMs)
    // Forgiven slowly: a client that keeps sending at several times the rate runs out of strikes.
    , m_strikes(ratePerSecond / 10.0, double(closeAfter), nowMs)
{}

bool RequestLimiter::isExempt(const QString& type)
{
    return type == QLatin1String(FileChunk::kType) || type == QLatin1String(FileRead::kType);
}

RequestLimiter::Verdict RequestLimiter::admit(const QString& type, qint64 nowMs)
{
    if (isExempt(type) || m_requests.tryTake(nowMs))
        return Verdict::Admit;
    return m_strikes.tryTake(nowMs) ? Verdict::Reject : Verdict::Close;
}

} // namespace lanchat
