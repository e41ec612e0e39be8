// Profiles and avatars end to end (docs/protocol.md 15) over loopback on a real SQLite file: alice edits her profile
// and uploads an avatar, bob is online and sees it at once, carol was offline and sees it after login. Bad fields,
// bad pictures and a locked name are refused with nothing stored; avatar_read serves avatars only.

#include "messages/filemessages.h"
#include "messages/profilemessages.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "relayserver.h"
#include "sha256.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QBuffer>
#include <QCborArray>
#include <QDir>
#include <QImage>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QByteArray encodedImage(int width, int height, const char* format)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QCborMap userOf(const QCborMap& frame)
{
    return frame.value(QLatin1String("user")).toMap();
}

} // namespace

class tst_Profile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void announced();
    void updateSeenOnlineAndAfterLogin();
    void clearingAField();
    void avatarSeenAndReadableByAnyone();
    void avatarReusedByHash();
    void nonAvatarHashIsRefused();
    void badAvatarStoresNothing_data();
    void badAvatarStoresNothing();
    void tooLargeAvatarStoresNothing();
    void lockedNameIsForbidden();
    void badFieldsAreInvalid_data();
    void badFieldsAreInvalid();

private:
    std::unique_ptr<RawClient> connect(const QString& username);
    /** Uploads @p bytes as @p client's avatar in pieces; returns the final reply (or the first error). */
    QCborMap uploadAvatar(RawClient& client, const QByteArray& bytes, qint64 size = -1);
    QCborMap update(RawClient& client, const ProfileUpdate& update);
    /** alice's User map in bob's `users` reply. */
    QCborMap aliceAsSeenBy(RawClient& client);
    bool blobExists(const QByteArray& sha256) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
};

std::unique_ptr<RawClient> tst_Profile::connect(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), true) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

QCborMap tst_Profile::uploadAvatar(RawClient& client, const QByteArray& bytes, qint64 size)
{
    AvatarUpload piece;
    piece.sha256 = Sha256::hash(bytes);
    piece.size = size < 0 ? bytes.size() : size;
    QCborMap reply;
    for (qint64 offset = 0; offset < bytes.size(); offset += protocol::kChunkBytes) {
        piece.offset = offset;
        piece.data = bytes.mid(offset, protocol::kChunkBytes);
        reply = client.request(piece.encode());
        if (frameType(reply) != QLatin1String("ok"))
            return reply;
    }
    return reply;
}

QCborMap tst_Profile::update(RawClient& client, const ProfileUpdate& update)
{
    return client.request(update.encode());
}

QCborMap tst_Profile::aliceAsSeenBy(RawClient& client)
{
    const QCborArray users = client.request(typed("users")).value(QLatin1String("users")).toArray();
    for (const QCborValue& user : users) {
        if (user.toMap().value(QLatin1String("id")).toInteger() == m_alice->userId())
            return user.toMap();
    }
    return {};
}

bool tst_Profile::blobExists(const QByteArray& sha256) const
{
    const QString hex = QString::fromLatin1(sha256.toHex());
    return QFileInfo::exists(QDir(m_server->dataDir()).filePath(QStringLiteral("files/%1/%2").arg(hex.left(2), hex))) ||
           m_server->server().storage().hasBlob(sha256);
}

void tst_Profile::init()
{
    m_server = std::make_unique<TestServer>(true);
    QVERIFY(m_server->start());
    m_alice = connect(QStringLiteral("alice"));
    m_bob = connect(QStringLiteral("bob"));
    QVERIFY(m_alice && m_bob);
    m_alice->clearPushes();
    m_bob->clearPushes();
}

void tst_Profile::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_Profile::announced()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), true));
    const QCborArray features = client.hello().value(QLatin1String("features")).toArray();
    QVERIFY(features.contains(QString::fromLatin1(protocol::kFeatureProfiles)));
}

void tst_Profile::updateSeenOnlineAndAfterLogin()
{
    std::unique_ptr<RawClient> carol = connect(QStringLiteral("carol"));
    QVERIFY(carol);
    carol.reset();                                               // offline while alice changes her profile
    QVERIFY(!m_bob->waitPush(QStringLiteral("user")).isEmpty()); // carol's sign-up
    m_bob->clearPushes();

    ProfileUpdate change;
    change.displayName = QStringLiteral("  王小丽 Alice ");
    change.phone = QStringLiteral("+86 10 5555 0101");
    change.email = QStringLiteral("alice@example.com");
    change.signature = QStringLiteral("在开会，下午回复");
    const QCborMap reply = update(*m_alice, change);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    const std::optional<UserInfo> mine = UserInfo::fromCbor(userOf(reply));
    QVERIFY(mine);
    QCOMPARE(mine->displayName, QStringLiteral("王小丽 Alice"));
    QCOMPARE(mine->phone, *change.phone);
    QCOMPARE(mine->email, *change.email);
    QCOMPARE(mine->signature, *change.signature);
    QVERIFY(!mine->nameLocked);

    const QCborMap push = m_bob->waitPush(QStringLiteral("user"));
    const std::optional<UserInfo> seen = UserInfo::fromCbor(userOf(push));
    QVERIFY(seen);
    QCOMPARE(seen->id, mine->id);
    QCOMPARE(seen->displayName, mine->displayName);
    QCOMPARE(seen->signature, mine->signature);
    QCOMPARE(seen->phone, mine->phone);

    carol = connect(QStringLiteral("carol"));
    QVERIFY(carol);
    const std::optional<UserInfo> synced = UserInfo::fromCbor(aliceAsSeenBy(*carol));
    QVERIFY(synced);
    QCOMPARE(synced->displayName, mine->displayName);
    QCOMPARE(synced->email, mine->email);
    QCOMPARE(synced->signature, mine->signature);

    // Her own login answer carries the profile too (a second device).
    RawClient second;
    QVERIFY(second.connectTo(m_server->port(), true));
    second.hello();
    const std::optional<UserInfo> own =
        UserInfo::fromCbor(userOf(second.login(QStringLiteral("alice"), QStringLiteral("password123"))));
    QVERIFY(own);
    QCOMPARE(own->phone, mine->phone);
}

void tst_Profile::clearingAField()
{
    ProfileUpdate change;
    change.phone = QStringLiteral("12345");
    change.signature = QStringLiteral("hello");
    QCOMPARE(frameType(update(*m_alice, change)), QStringLiteral("ok"));
    ProfileUpdate clear;
    clear.phone = QString();
    const QCborMap reply = update(*m_alice, clear);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QVERIFY(!userOf(reply).contains(QLatin1String("phone"))); // absent = not set
    QCOMPARE(userOf(reply).value(QLatin1String("signature")).toString(), QStringLiteral("hello"));
    QVERIFY(!aliceAsSeenBy(*m_bob).contains(QLatin1String("phone")));
}

void tst_Profile::avatarSeenAndReadableByAnyone()
{
    const QByteArray picture = encodedImage(256, 256, "PNG");
    const QByteArray sha256 = Sha256::hash(picture);
    const QCborMap reply = uploadAvatar(*m_alice, picture);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    const std::optional<AvatarUploaded> done = AvatarUploaded::decode(reply, nullptr);
    QVERIFY(done && done->complete && done->user);
    QCOMPARE(done->user->avatar, sha256);
    QCOMPARE(done->received, qint64(picture.size()));

    const std::optional<UserInfo> seen = UserInfo::fromCbor(userOf(m_bob->waitPush(QStringLiteral("user"))));
    QVERIFY(seen);
    QCOMPARE(seen->avatar, sha256);

    // bob shares no conversation with alice and reads her avatar all the same, in pieces.
    QByteArray read;
    for (;;) {
        const QCborMap answer = m_bob->request(AvatarRead{sha256, read.size(), 1000}.encode());
        const std::optional<AvatarData> data = AvatarData::decode(answer, nullptr);
        QVERIFY2(data, qPrintable(errorCodeOf(answer)));
        QCOMPARE(data->size, qint64(picture.size()));
        if (data->data.isEmpty())
            break;
        read += data->data;
    }
    QCOMPARE(read, picture);
    QVERIFY(blobExists(sha256));
}

void tst_Profile::avatarReusedByHash()
{
    const QByteArray picture = encodedImage(64, 64, "JPEG");
    QCOMPARE(frameType(uploadAvatar(*m_alice, picture)), QStringLiteral("ok"));
    ProfileUpdate same;
    same.avatar = Sha256::hash(picture);
    const QCborMap reply = update(*m_bob, same);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(userOf(reply).value(QLatin1String("avatar")).toByteArray(), *same.avatar);
    ProfileUpdate none;
    none.avatar = QByteArray();
    QVERIFY(!userOf(update(*m_alice, none)).contains(QLatin1String("avatar")));
    // Still bob's: readable.
    QCOMPARE(frameType(m_bob->request(AvatarRead{*same.avatar, 0, 100}.encode())), QStringLiteral("ok"));
}

void tst_Profile::nonAvatarHashIsRefused()
{
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_bob->userId());
    const qint64 chat = conversationId(m_alice->request(open));
    QVERIFY(chat > 0);
    const QByteArray content = encodedImage(32, 32, "PNG"); // an image, but a shared file, not an avatar
    const QByteArray sha256 = Sha256::hash(content);
    const auto offer = FileOfferOk::decode(m_alice->request(FileOffer{ConversationId(chat), QUuid::createUuid(),
                                                                      QStringLiteral("x.png"), content.size(), sha256}
                                                                .encode()),
                                           nullptr);
    QVERIFY(offer);
    QVERIFY(FileChunkOk::decode(m_alice->request(FileChunk{offer->transfer, 0, content}.encode()), nullptr));

    RawClient carol;
    QVERIFY(carol.connectTo(m_server->port(), true) && carol.signUp(QStringLiteral("carol")) > 0);
    QCOMPARE(errorCodeOf(carol.request(AvatarRead{sha256, 0, 100}.encode())), QStringLiteral("not_found"));
    QCOMPARE(errorCodeOf(m_bob->request(AvatarRead{sha256, 0, 100}.encode())), QStringLiteral("not_found"));
    ProfileUpdate take;
    take.avatar = sha256;
    QCOMPARE(errorCodeOf(update(*m_alice, take)), QStringLiteral("not_found"));
    QCOMPARE(errorCodeOf(m_bob->request(AvatarRead{QByteArray(32, 'x'), 0, 100}.encode())),
             QStringLiteral("not_found"));
}

void tst_Profile::badAvatarStoresNothing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::newRow("not an image") << randomBytes(5000) << QStringLiteral("bad_image");
    QTest::newRow("text named nothing") << QByteArray("hello, I am not a picture") << QStringLiteral("bad_image");
    QTest::newRow("too wide") << encodedImage(4097, 1, "PNG") << QStringLiteral("bad_image");
    QTest::newRow("too tall") << encodedImage(1, 5000, "PNG") << QStringLiteral("bad_image");
    QByteArray truncated = encodedImage(300, 300, "JPEG");
    truncated.truncate(200);
    QTest::newRow("truncated JPEG") << truncated << QStringLiteral("bad_image");
    QTest::newRow("a BMP") << encodedImage(16, 16, "BMP") << QStringLiteral("bad_image");
}

void tst_Profile::badAvatarStoresNothing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QCOMPARE(errorCodeOf(uploadAvatar(*m_alice, bytes)), code);
    QVERIFY(!blobExists(Sha256::hash(bytes)));
    QVERIFY(!aliceAsSeenBy(*m_bob).contains(QLatin1String("avatar")));
    QVERIFY(m_bob->pushes().isEmpty());
    // The server keeps serving: a good picture goes through afterwards.
    QCOMPARE(frameType(uploadAvatar(*m_alice, encodedImage(8, 8, "PNG"))), QStringLiteral("ok"));
}

void tst_Profile::tooLargeAvatarStoresNothing()
{
    const QByteArray piece = randomBytes(1000);
    QCOMPARE(errorCodeOf(uploadAvatar(*m_alice, piece, protocol::kMaxAvatarBytes + 1)),
             QStringLiteral("file_too_large"));
    // Exactly at the limit is accepted piece by piece, then refused as a picture: nothing stored.
    const QByteArray big = randomBytes(protocol::kMaxAvatarBytes);
    QCOMPARE(errorCodeOf(uploadAvatar(*m_alice, big)), QStringLiteral("bad_image"));
    QVERIFY(!blobExists(Sha256::hash(big)));
    QVERIFY(!aliceAsSeenBy(*m_bob).contains(QLatin1String("avatar")));
}

void tst_Profile::lockedNameIsForbidden()
{
    Storage& storage = m_server->server().storage();
    UserProfile locked = storage.userProfile(UserId(m_alice->userId())).value();
    locked.nameLocked = true;
    QVERIFY(storage.setUserProfile(UserId(m_alice->userId()), locked));

    ProfileUpdate rename;
    rename.displayName = QStringLiteral("Someone Else");
    QCOMPARE(errorCodeOf(update(*m_alice, rename)), QStringLiteral("forbidden"));
    QCOMPARE(aliceAsSeenBy(*m_bob).value(QLatin1String("display_name")).toString(), QStringLiteral("alice"));
    QVERIFY(aliceAsSeenBy(*m_bob).value(QLatin1String("name_locked")).toBool());
    // The other fields stay hers, and sending the name unchanged is fine.
    ProfileUpdate phone;
    phone.displayName = QStringLiteral("alice");
    phone.phone = QStringLiteral("8001");
    const QCborMap reply = update(*m_alice, phone);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QVERIFY(userOf(reply).value(QLatin1String("name_locked")).toBool());
}

void tst_Profile::badFieldsAreInvalid_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("display name too long") << "display_name" << QString(protocol::kMaxNameChars + 1, QLatin1Char('a'));
    QTest::newRow("display name blank") << "display_name" << QStringLiteral("   ");
    QTest::newRow("display name with a tab") << "display_name" << QStringLiteral("a\tb");
    QTest::newRow("phone too long") << "phone" << QString(protocol::kMaxPhoneChars + 1, QLatin1Char('1'));
    QTest::newRow("phone with a bell") << "phone" << QStringLiteral("123\a");
    QTest::newRow("email too long") << "email" << QString(protocol::kMaxEmailChars + 1, QLatin1Char('e'));
    QTest::newRow("signature too long (Chinese)")
        << "signature" << QString(protocol::kMaxSignatureChars + 1, QChar(0x4F1A));
    QTest::newRow("signature on two lines") << "signature" << QStringLiteral("one\ntwo");
    QTest::newRow("signature with a line separator") << "signature" << QStringLiteral("one\u2028two");
    QTest::newRow("signature with DEL") << "signature" << QStringLiteral("a\u007Fb");
}

void tst_Profile::badFieldsAreInvalid()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QCborMap request = typed("profile_update");
    request.insert(field, value);
    QCOMPARE(errorCodeOf(m_alice->request(request)), QStringLiteral("invalid_argument"));
    QVERIFY(!aliceAsSeenBy(*m_bob).contains(field) || field == QLatin1String("display_name"));
    QCOMPARE(aliceAsSeenBy(*m_bob).value(QLatin1String("display_name")).toString(), QStringLiteral("alice"));
    // Exactly at the limit is fine.
    if (field == QLatin1String("signature")) {
        request.insert(field, QString(protocol::kMaxSignatureChars, QChar(0x4F1A)));
        QCOMPARE(frameType(m_alice->request(request)), QStringLiteral("ok"));
    }
}

QTEST_GUILESS_MAIN(tst_Profile)
#include "tst_profile.moc"
