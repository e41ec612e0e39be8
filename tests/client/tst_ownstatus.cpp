// The own status on the client (docs/protocol.md 16): OwnStatus sets it and follows what another device of the user
// set; the contacts show everyone's status and text; AutoAway sets "away" after the idle minutes, fed by an idle
// source of the test (the operating system's input is the one thing replaced), and "online" again on input, but
// never replaces busy or a status the user chose meanwhile. ChatClient against an in-process relay over loopback.

#include "accountsessions.h"
#include "autoaway.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "idlesource.h"
#include "modelroles.h"
#include "ownstatus.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

/** The person at the keyboard, as the test says: idle for idleMs. */
class FedIdleSource : public IdleSource
{
public:
    std::optional<qint64> idleMs() override { return idle; }
    std::optional<qint64> idle = 0;
};

constexpr qint64 kMinute = 60 * 1000;

} // namespace

class tst_OwnStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setIsSeenByOthersAndOwnDevices();
    void refusedTextReportsFailure();
    void autoAwayAndBack();
    void autoAwayLeavesBusyAndChoicesAlone();
    void accountSessionsListAndLogOutOthers();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
};

void tst_OwnStatus::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_alice = newClient();
    m_bob = newClient();
    QVERIFY(enter(*m_alice, *m_server, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_server, QStringLiteral("bob"), true));
}

void tst_OwnStatus::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_OwnStatus::setIsSeenByOthersAndOwnDevices()
{
    OwnStatus bobStatus(m_bob.get());
    QVERIFY(bobStatus.isAvailable());
    QCOMPARE(bobStatus.status(), QStringLiteral("online"));
    const UserId bob = m_bob->currentUser().id;
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->contacts()->statusOf(bob), QStringLiteral("online"), kWaitMs);

    const QString text = QStringLiteral("在开会，下午回复");
    bobStatus.set(QStringLiteral("busy"), text);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->contacts()->statusOf(bob), QStringLiteral("busy"), kWaitMs);
    const int row = m_alice->contacts()->rowOf(bob);
    QCOMPARE(m_alice->contacts()->index(row).data(roles::ContactStatusText).toString(), text);
    QCOMPARE(m_alice->contacts()->index(row).data(roles::ContactStatus).toString(), QStringLiteral("busy"));
    QTRY_COMPARE_WITH_TIMEOUT(bobStatus.status(), QStringLiteral("busy"), kWaitMs);
    QCOMPARE(bobStatus.text(), text);

    // Bob's second device logs in: it starts with what he chose, and follows what the first one sets.
    auto laptop = newClient();
    QVERIFY(enter(*laptop, *m_server, QStringLiteral("bob"), false));
    OwnStatus laptopStatus(laptop.get());
    QCOMPARE(laptopStatus.status(), QStringLiteral("busy"));
    QCOMPARE(laptop->currentUser().status, QStringLiteral("busy"));
    QCOMPARE(laptop->currentUser().statusText, text);
    bobStatus.set(QStringLiteral("dnd"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(laptopStatus.status(), QStringLiteral("dnd"), kWaitMs);
    QVERIFY(laptopStatus.isDoNotDisturb());
    QCOMPARE(laptopStatus.text(), QString());
}

void tst_OwnStatus::refusedTextReportsFailure()
{
    OwnStatus status(m_bob.get());
    QSignalSpy failed(&status, &OwnStatus::failed);
    status.set(QStringLiteral("busy"), QStringLiteral("line\nbreak"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().first().value<ErrorCode>(), ErrorCode::InvalidArgument);
    QCOMPARE(status.status(), QStringLiteral("online"));
}

void tst_OwnStatus::autoAwayAndBack()
{
    OwnStatus status(m_bob.get());
    FedIdleSource idle;
    AutoAway away(&status, &idle);
    away.setIdleMinutes(10);
    away.setPollIntervalMs(5);
    const UserId bob = m_bob->currentUser().id;
    QCOMPARE(m_bob->currentUser().status, QStringLiteral("online"));

    idle.idle = 9 * kMinute;
    QSignalSpy early(&status, &OwnStatus::changed);
    QVERIFY(!early.wait(200)); // polls run meanwhile: nothing changes below the idle minutes
    QCOMPARE(status.status(), QStringLiteral("online"));
    idle.idle = 10 * kMinute;
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->contacts()->statusOf(bob), QStringLiteral("away"), kWaitMs);
    QVERIFY(away.isAutoAway());
    QTRY_COMPARE_WITH_TIMEOUT(status.status(), QStringLiteral("away"), kWaitMs);

    // Input again: back to online, seen by the others.
    idle.idle = 200;
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->contacts()->statusOf(bob), QStringLiteral("online"), kWaitMs);
    QVERIFY(!away.isAutoAway());

    // Switched off (0 minutes): never away.
    away.setIdleMinutes(0);
    idle.idle = 600 * kMinute;
    QSignalSpy changed(&status, &OwnStatus::changed);
    QVERIFY(!changed.wait(200));
    QCOMPARE(status.status(), QStringLiteral("online"));
}

void tst_OwnStatus::autoAwayLeavesBusyAndChoicesAlone()
{
    OwnStatus status(m_bob.get());
    FedIdleSource idle;
    AutoAway away(&status, &idle);
    away.setIdleMinutes(1);
    away.setPollIntervalMs(5);
    const UserId bob = m_bob->currentUser().id;

    // Busy stays busy however long the desk is empty.
    status.set(QStringLiteral("busy"), QStringLiteral("meeting"));
    QTRY_COMPARE_WITH_TIMEOUT(status.status(), QStringLiteral("busy"), kWaitMs);
    idle.idle = 30 * kMinute;
    QSignalSpy changed(&status, &OwnStatus::changed);
    QVERIFY(!changed.wait(200));
    QVERIFY(!away.isAutoAway());

    // Online and idle: away; the user then chooses do-not-disturb (on another device, say): input keeps it.
    status.set(QStringLiteral("online"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(status.status(), QStringLiteral("away"), kWaitMs);
    status.set(QStringLiteral("dnd"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->contacts()->statusOf(bob), QStringLiteral("dnd"), kWaitMs);
    QVERIFY(!away.isAutoAway());
    idle.idle = 0;
    QVERIFY(!changed.wait(200) || status.status() == QStringLiteral("dnd"));
    QCOMPARE(status.status(), QStringLiteral("dnd"));
}

void tst_OwnStatus::accountSessionsListAndLogOutOthers()
{
    auto laptop = newClient();
    QVERIFY(enter(*laptop, *m_server, QStringLiteral("bob"), false));
    QSignalSpy revoked(laptop.get(), &ChatClient::sessionRevoked);
    AccountSessions sessions(m_bob.get());
    QVERIFY(sessions.isAvailable());
    QSignalSpy refreshed(&sessions, &AccountSessions::refreshed);
    sessions.refresh();
    QVERIFY(refreshed.wait(kWaitMs));
    QCOMPARE(sessions.sessions().size(), 2);
    int current = 0;
    for (const AccountSession& s : sessions.sessions())
        current += s.current ? 1 : 0;
    QCOMPARE(current, 1);

    QSignalSpy loggedOut(&sessions, &AccountSessions::loggedOutOthers);
    sessions.logOutOthers();
    QVERIFY(loggedOut.wait(kWaitMs));
    QCOMPARE(loggedOut.first().at(0).toInt(), 1);
    QVERIFY(revoked.count() > 0 || revoked.wait(kWaitMs));
    QCOMPARE(laptop->state(), ChatClient::State::Offline);
    QVERIFY(refreshed.wait(kWaitMs));
    QCOMPARE(sessions.sessions().size(), 1);
    QCOMPARE(m_bob->state(), ChatClient::State::LoggedIn);
}

QTEST_GUILESS_MAIN(tst_OwnStatus)
#include "tst_ownstatus.moc"
