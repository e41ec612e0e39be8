#pragma once

#include "benchharness.h"

namespace lanchat::bench {

/**
 * A login storm at the shipped Argon2id cost (m = 19456 KiB, t = 2, p = 1), as after a server restart
 * when every client logs in again. N accounts are registered first (not measured); then N connections open at
 * once from 32 source addresses (127.0.0.2, 127.0.0.3, …; 16 each, within the default per-address caps) and
 * each sends hello and login in its first write, while one logged-in bystander pings the server back to back.
 * Reported: seconds until the last login is answered ok (the rate column, unit "s"), and the bystander's ping
 * round trips sent during that time (p50, p99, p99.9, max). Any refused or lost login fails the run.
 */
class LoginStormScenario
{
public:
    LoginStormScenario(BenchHarness& harness, int logins);
    RunResult run();

private:
    BenchHarness& m_harness;
    int m_logins;
};

} // namespace lanchat::bench
