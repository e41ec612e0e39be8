// ProfileClient and AvatarCache against a real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir): alice
// changes her profile and avatar, bob's contacts model and avatar cache follow at once; refusals are reported; a
// client that was offline gets the new profile with the `users` reply of its next login.

#include "avatarcache.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "modelroles.h"
#include "profileclient.h"
#include "sessionmodels.h"
#include "sha256.h"
#include "testserver.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 10000;

QByteArray png(int side, QColor color)
{
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class tst_ProfileClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void updateReachesOthersModels();
    void avatarUploadedAndFetchedByHash();
    void refusalIsReported();
    void offlineClientSeesProfileAfterLogin();

private:
    std::optional<UserInfo> aliceIn(ChatClient& client) const;

    std::unique_ptr<QTemporaryDir> m_cache;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
};

std::optional<UserInfo> tst_ProfileClient::aliceIn(ChatClient& client) const
{
    return client.contacts()->user(m_alice->currentUser().id);
}

void tst_ProfileClient::init()
{
    m_cache = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_alice = newClient();
    m_bob = newClient();
    m_bob->avatars()->setDirectory(m_cache->filePath(QStringLiteral("bob")));
    m_alice->avatars()->setDirectory(m_cache->filePath(QStringLiteral("alice")));
    QVERIFY(enter(*m_alice, *m_server, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_server, QStringLiteral("bob"), true));
    QTRY_VERIFY_WITH_TIMEOUT(aliceIn(*m_bob).has_value(), kWaitMs);
}

void tst_ProfileClient::cleanup()
{
    m_bob.reset();
    m_alice.reset();
    m_server.reset();
    m_cache.reset();
}

void tst_ProfileClient::updateReachesOthersModels()
{
    QSignalSpy updated(m_alice->profiles(), &ProfileClient::profileUpdated);
    ProfileUpdate change;
    change.displayName = QStringLiteral("王小丽");
    change.signature = QStringLiteral("在开会，下午回复");
    change.email = QStringLiteral("alice@example.com");
    m_alice->profiles()->update(change);
    QVERIFY(updated.wait(kWaitMs));
    QCOMPARE(m_alice->currentUser().displayName, QStringLiteral("王小丽"));
    QCOMPARE(aliceIn(*m_alice)->signature, *change.signature);
    QTRY_COMPARE_WITH_TIMEOUT(aliceIn(*m_bob)->displayName, QStringLiteral("王小丽"), kWaitMs);
    QCOMPARE(aliceIn(*m_bob)->email, *change.email);
    const int row = m_bob->contacts()->rowOf(m_alice->currentUser().id);
    QCOMPARE(m_bob->contacts()->index(row).data(roles::ContactSignature).toString(), *change.signature);
}

void tst_ProfileClient::avatarUploadedAndFetchedByHash()
{
    const QByteArray picture = png(256, QColor(200, 60, 60));
    const QByteArray sha256 = Sha256::hash(picture);
    QSignalSpy updated(m_alice->profiles(), &ProfileClient::profileUpdated);
    m_alice->profiles()->uploadAvatar(picture);
    QVERIFY(updated.wait(kWaitMs));
    QCOMPARE(updated.first().at(0).value<UserInfo>().avatar, sha256);
    QTRY_COMPARE_WITH_TIMEOUT(aliceIn(*m_bob)->avatar, sha256, kWaitMs);
    const int row = m_bob->contacts()->rowOf(m_alice->currentUser().id);
    QCOMPARE(m_bob->contacts()->index(row).data(roles::ContactAvatar).toByteArray(), sha256);

    AvatarCache* cache = m_bob->avatars();
    QSignalSpy ready(cache, &AvatarCache::avatarReady);
    QVERIFY(cache->picture(sha256).isEmpty()); // not yet here: fetched
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(ready.first().at(0).toByteArray(), sha256);
    QCOMPARE(cache->picture(sha256), picture);
    QVERIFY(QFileInfo::exists(QDir(cache->directory()).filePath(QString::fromLatin1(sha256.toHex()))));

    // Another cache over the same folder (the next start) reads it from disk, without asking the server.
    AvatarCache again(m_bob->connection(), cache->directory());
    QCOMPARE(again.picture(sha256), picture);
}

void tst_ProfileClient::refusalIsReported()
{
    QSignalSpy failed(m_alice->profiles(), &ProfileClient::failed);
    m_alice->profiles()->uploadAvatar(QByteArray("definitely not a picture"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.takeFirst().at(0).value<ErrorCode>(), ErrorCode::BadImage);
    ProfileUpdate change;
    change.signature = QStringLiteral("two\nlines");
    m_alice->profiles()->update(change);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.takeFirst().at(0).value<ErrorCode>(), ErrorCode::InvalidArgument);
    QVERIFY(aliceIn(*m_bob)->signature.isEmpty());
}

void tst_ProfileClient::offlineClientSeesProfileAfterLogin()
{
    m_bob.reset();
    QSignalSpy updated(m_alice->profiles(), &ProfileClient::profileUpdated);
    ProfileUpdate change;
    change.phone = QStringLiteral("+86 10 5555 0101");
    m_alice->profiles()->update(change);
    QVERIFY(updated.wait(kWaitMs));
    m_bob = newClient();
    QVERIFY(enter(*m_bob, *m_server, QStringLiteral("bob"), false));
    QTRY_COMPARE_WITH_TIMEOUT(aliceIn(*m_bob)->phone, *change.phone, kWaitMs);
}

QTEST_GUILESS_MAIN(tst_ProfileClient)
#include "tst_profileclient.moc"
