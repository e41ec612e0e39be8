#pragma once

#include "benchharness.h"

namespace lanchat::bench {

/**
 * Scenario 3: 5,000 logged-in idle connections (100 accounts × 50 sessions, so presence fan-out stays
 * bounded); the server's RSS before and after, per connection. The process raises its own open-file limit.
 */
class IdleScenario
{
public:
    IdleScenario(BenchHarness& harness, int connections);
    RunResult run();

private:
    BenchHarness& m_harness;
    int m_connections;
};

} // namespace lanchat::bench
