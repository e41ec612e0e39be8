#include "loginstormscenario.h"

#include <QCborValue>

#include <algorithm>
#include <functional>
#include <sys/resource.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include <vector>

namespace lanchat::bench {

namespace {

// Connections per source address: below the default max_queued_hashes_per_ip (32), so no login is refused.
constexpr int kPerAddress = 16;
constexpr std::uint32_t kFirstAddress = 0x7f000002; // 127.0.0.2

// The bystander's ping period. Back-to-back pings (hundreds of thousands per second) would themselves take the
// CPU the hashing threads need; a desktop client pings every 30 s.
constexpr int kPingPeriodUs = 2000;

/** Calls a function every period (timerfd in the generator's loop): the bystander's ping clock. */
class Ticker final : public EventLoop::Handler
{
public:
    Ticker(EventLoop& loop, int periodUs, std::function<void()> onTick)
        : m_loop(loop)
        , m_fd(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
        , m_onTick(std::move(onTick))
    {
        itimerspec spec{};
        spec.it_interval.tv_nsec = long(periodUs) * 1000;
        spec.it_value = spec.it_interval;
        if (m_fd >= 0 && timerfd_settime(m_fd, 0, &spec, nullptr) == 0)
            m_loop.add(m_fd, this);
    }
    ~Ticker() override
    {
        if (m_fd >= 0) {
            m_loop.remove(m_fd, this);
            ::close(m_fd);
        }
    }
    Ticker(const Ticker&) = delete;
    Ticker& operator=(const Ticker&) = delete;
    void onEvents(std::uint32_t) override
    {
        std::uint64_t expirations = 0;
        // Edge-triggered: drain the counter, or no further edge comes.
        while (::read(m_fd, &expirations, sizeof expirations) == sizeof expirations)
            m_onTick();
    }
    void onTurnEnd() override {}

private:
    EventLoop& m_loop;
    int m_fd;
    std::function<void()> m_onTick;
};

QCborMap map(std::initializer_list<std::pair<QString, QCborValue>> pairs)
{
    QCborMap m;
    for (const auto& [key, value] : pairs)
        m.insert(key, value);
    return m;
}

} // namespace

LoginStormScenario::LoginStormScenario(BenchHarness& harness, int logins)
    : m_harness(harness)
    , m_logins(logins)
{}

RunResult LoginStormScenario::run()
{
    RunResult result;
    result.scenario = QStringLiteral("login storm %1").arg(m_logins);
    result.unit = QStringLiteral("s");
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit); // inherited by the server child started next

    QString error;
    // The cost we ship (ServerConfig's defaults), not the bench's cheap one.
    if (!m_harness.startServer(&error, {QStringLiteral("hash_memory_kib=19456"), QStringLiteral("hash_iterations=2"),
                                        QStringLiteral("hash_parallelism=1")})) {
        result.note = error;
        return result;
    }
    QStringList accounts{QStringLiteral("bystander")};
    for (int i = 0; i < m_logins; ++i)
        accounts << QStringLiteral("storm%1").arg(i);
    if (m_harness.connectUsers(accounts, false, &error).isEmpty()) {
        result.note = QStringLiteral("registration: %1").arg(error);
        return result;
    }
    m_harness.closeAll();
    const QList<BenchUser> bystanders = m_harness.connectUsers({accounts.first()}, true, &error);
    if (bystanders.isEmpty()) {
        result.note = error;
        return result;
    }
    BenchConnection* bystander = bystanders.first().connection;
    m_harness.loop().runFor(500); // let the server settle after the registrations

    // One ping at a time, the next at the first tick after the reply: a stalled server shows as one long round
    // trip, not as many overlapping ones.
    std::vector<qint64> pingsNs;
    std::int64_t worstPingNs = 0;
    std::int64_t worstPingSentNs = 0;
    std::int64_t stormEndNs = 0;
    bool pinging = true;
    bool pingOut = false;
    const auto ping = [&] {
        if (!pinging || pingOut)
            return;
        pingOut = true;
        const std::int64_t sentNs = nowNs();
        bystander->request(map({{QStringLiteral("t"), QStringLiteral("ping")}}), [&, sentNs](const BenchFrame& f) {
            pingOut = false;
            if (f.type != "ok" || !pinging)
                return;
            pingsNs.push_back(f.receivedNs - sentNs);
            if (pingsNs.back() > worstPingNs) {
                worstPingNs = pingsNs.back();
                worstPingSentNs = sentNs;
            }
        });
    };
    Ticker ticker(m_harness.loop(), kPingPeriodUs, ping);

    int answered = 0;
    int refused = 0;
    QString refusal;
    const int lostBefore = m_harness.lostConnections();
    m_harness.beginMeasure();
    const std::int64_t startNs = nowNs();
    ping();
    for (int i = 0; i < m_logins; ++i) {
        BenchConnection* connection = m_harness.newConnection();
        connection->request(map({{QStringLiteral("t"), QStringLiteral("hello")},
                                 {QStringLiteral("protocol"), 1},
                                 {QStringLiteral("client"), QStringLiteral("lanchat-bench")}}));
        const QCborMap login = map({{QStringLiteral("t"), QStringLiteral("login")},
                                    {QStringLiteral("username"), accounts.at(i + 1)},
                                    {QStringLiteral("password"), QLatin1String(BenchHarness::kPassword)}});
        connection->request(login, [&](const BenchFrame& frame) {
            if (frame.type != "ok") {
                ++refused;
                refusal = frame.toMap().value(QLatin1String("code")).toString();
            }
            if (++answered == m_logins)
                stormEndNs = frame.receivedNs;
        });
        connection->connectTo(m_harness.server().port(), kFirstAddress + std::uint32_t(i / kPerAddress));
    }
    const bool finished =
        m_harness.waitUntil([&] { return answered == m_logins || m_harness.lostConnections() > lostBefore; }, 600000);
    pinging = false;
    m_harness.endMeasure(&result);
    m_harness.closeAll(); // before the handlers' captures go out of scope
    m_harness.server().stop();

    if (!finished || answered != m_logins || refused > 0) {
        result.note = m_harness.lostConnections() > lostBefore
                          ? QStringLiteral("connection lost: %1").arg(m_harness.lostReason())
                          : QStringLiteral("%1 of %2 logins answered, %3 refused (%4)")
                                .arg(answered)
                                .arg(m_logins)
                                .arg(refused)
                                .arg(refusal);
        return result;
    }
    std::sort(pingsNs.begin(), pingsNs.end());
    result.ok = !pingsNs.empty();
    result.rate = double(stormEndNs - startNs) / 1e9;
    result.p50 = percentileMs(pingsNs, 50);
    result.p99 = percentileMs(pingsNs, 99);
    result.p999 = percentileMs(pingsNs, 99.9);
    result.maxMs = pingsNs.empty() ? 0 : double(pingsNs.back()) / 1e6;
    // When the worst round trip began tells what stalled: the connect burst (TLS handshakes) or the hashing.
    result.note = QStringLiteral("%1 bystander pings, the worst sent at +%2 s; %3 logins/s")
                      .arg(pingsNs.size())
                      .arg(double(worstPingSentNs - startNs) / 1e9, 0, 'f', 2)
                      .arg(m_logins / result.rate, 0, 'f', 0);
    return result;
}

} // namespace lanchat::bench
