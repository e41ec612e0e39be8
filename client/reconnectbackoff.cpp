#include "reconnectbackoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace lanchat {

void ReconnectBackoff::setDelays(int firstMs, int maxMs)
{
    m_firstMs = std::max(1, firstMs);
    m_maxMs = std::max(m_firstMs, maxMs);
    m_nextMs = m_firstMs;
}

int ReconnectBackoff::next()
{
    const double factor = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = std::max(1, int(m_nextMs * factor));
    m_nextMs = std::min(m_maxMs, m_nextMs * 2);
    return delay;
}

} // namespace lanchat
