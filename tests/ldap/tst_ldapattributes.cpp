// Directory attributes in LanChat accounts, against a real slapd (tests/ldap/slapdfixture.h): the first login maps
// e-mail, phone, title, the department from the DN's OUs and the photo; later logins and the server's periodic sync
// refresh them; an unmapped field stays the user's; a mapped one is refused to profile_update; a bad photo is
// skipped without failing the login; and the periodic sync locks out and disconnects a removed employee.

#include "admin/ldapperiodicsync.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "sha256.h"
#include "slapdfixture.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QBuffer>
#include <QCborMap>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

const QString kWangDn = QStringLiteral("uid=wangfang,ou=平台组,ou=研发部,ou=people,dc=example,dc=com");

QByteArray picture(int size, const char* format)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

/** ldapmodify input replacing @p attribute of @p dn with @p value (base64: binary and UTF-8 alike). */
QString replace(const QString& dn, const QString& attribute, const QByteArray& value)
{
    return QStringLiteral("dn:: %1\nchangetype: modify\nreplace: %2\n%2:: %3\n")
        .arg(QString::fromLatin1(dn.toUtf8().toBase64()), attribute, QString::fromLatin1(value.toBase64()));
}

QCborMap loginRequest(const QString& username)
{
    QCborMap m = typed("login");
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), SlapdFixture::password(username));
    return m;
}

} // namespace

class tst_LdapAttributes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void firstLoginMapsAttributes();
    void laterLoginsRefreshUnmappedStaysTheUsers();
    void badPhotoIsSkipped();
    void periodicSyncRefreshesAndLocksOut();

private:
    std::unique_ptr<TestServer> startServer(const QStringList& unmapped = {});
    /** The path of names of department @p id, top first. */
    static QStringList path(Storage& storage, DepartmentId id);

    std::unique_ptr<SlapdFixture> m_slapd;
};

void tst_LdapAttributes::initTestCase()
{
    m_slapd = std::make_unique<SlapdFixture>();
    if (!m_slapd->start())
        QSKIP(qPrintable(QStringLiteral("cannot start slapd: %1").arg(m_slapd->reason())));
}

std::unique_ptr<TestServer> tst_LdapAttributes::startServer(const QStringList& unmapped)
{
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config();
    if (unmapped.contains(QStringLiteral("phone")))
        config.ldap.phoneAttribute.clear();
    auto server = std::make_unique<TestServer>(false, config);
    if (!server->start())
        return nullptr;
    return server;
}

QStringList tst_LdapAttributes::path(Storage& storage, DepartmentId id)
{
    QStringList names;
    for (std::optional<DepartmentRecord> d = storage.directory().department(id); d;
         d = storage.directory().department(d->parent))
        names.prepend(d->name);
    return names;
}

void tst_LdapAttributes::firstLoginMapsAttributes()
{
    const QByteArray photo = picture(48, "PNG");
    QVERIFY(m_slapd->modify(replace(kWangDn, QStringLiteral("jpegPhoto"), photo)));
    const auto server = startServer();
    QVERIFY(server);
    RawClient watcher;
    QVERIFY(watcher.connectTo(server->port(), false));
    QVERIFY(watcher.signUp(QStringLiteral("watcher")) > 0);

    RawClient wang;
    QVERIFY(wang.connectTo(server->port(), false));
    wang.hello();
    const QCborMap reply = wang.request(loginRequest(QStringLiteral("wangfang")), 20000);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    const QCborMap user = reply.value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("display_name")).toString(), QStringLiteral("王芳"));
    QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("wangfang@example.com"));
    QCOMPARE(user.value(QLatin1String("phone")).toString(), QStringLiteral("+86 10 5555 0101"));
    QCOMPARE(user.value(QLatin1String("title")).toString(), QStringLiteral("高级工程师"));
    QCOMPARE(user.value(QLatin1String("avatar")).toByteArray(), Sha256::hash(photo));
    Storage& storage = server->server().storage();
    QVERIFY(storage.isAvatar(Sha256::hash(photo)));
    // The OUs below the base became the department path, created on the way.
    const DepartmentId department(user.value(QLatin1String("department")).toInteger());
    QCOMPARE(path(storage, department), (QStringList{QStringLiteral("研发部"), QStringLiteral("平台组")}));
    // Everyone online learns of the new place and the new colleague with the whole profile.
    QVERIFY(!watcher.waitPush(QStringLiteral("directory"), 10000).isEmpty());
    const QCborMap pushed = watcher.waitPush(QStringLiteral("user"), 10000).value(QLatin1String("user")).toMap();
    QCOMPARE(pushed.value(QLatin1String("title")).toString(), QStringLiteral("高级工程师"));

    // Mapped fields belong to the directory: the user may not change them, and may still change the rest.
    QCborMap edit = typed("profile_update");
    edit.insert(QLatin1String("email"), QStringLiteral("me@elsewhere.example"));
    QCOMPARE(errorCodeOf(wang.request(edit)), QStringLiteral("forbidden"));
    QCborMap signature = typed("profile_update");
    signature.insert(QLatin1String("signature"), QStringLiteral("平台组"));
    QCOMPARE(frameType(wang.request(signature)), QStringLiteral("ok"));
    QCOMPARE(storage.userProfile(UserId(user.value(QLatin1String("id")).toInteger()))->email,
             QStringLiteral("wangfang@example.com"));
}

void tst_LdapAttributes::laterLoginsRefreshUnmappedStaysTheUsers()
{
    const auto server = startServer({QStringLiteral("phone")});
    QVERIFY(server);
    RawClient wang;
    QVERIFY(wang.connectTo(server->port(), false));
    wang.hello();
    const QCborMap first = wang.request(loginRequest(QStringLiteral("wangfang")), 20000);
    QCOMPARE(frameType(first), QStringLiteral("ok"));
    // phone is not mapped here: the directory's number is not copied, and the user keeps their own.
    QVERIFY(first.value(QLatin1String("user")).toMap().value(QLatin1String("phone")).toString().isEmpty());
    QCborMap edit = typed("profile_update");
    edit.insert(QLatin1String("phone"), QStringLiteral("8021"));
    QCOMPARE(frameType(wang.request(edit)), QStringLiteral("ok"));

    QVERIFY(m_slapd->modify(replace(kWangDn, QStringLiteral("title"), QStringLiteral("架构师").toUtf8()) + u'\n' +
                            replace(kWangDn, QStringLiteral("mail"), "fang.wang@example.com")));
    RawClient again;
    QVERIFY(again.connectTo(server->port(), false));
    again.hello();
    const QCborMap second = again.request(loginRequest(QStringLiteral("wangfang")), 20000);
    QCOMPARE(frameType(second), QStringLiteral("ok"));
    const QCborMap user = second.value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("title")).toString(), QStringLiteral("架构师"));
    QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("fang.wang@example.com"));
    QCOMPARE(user.value(QLatin1String("phone")).toString(), QStringLiteral("8021"));
    QVERIFY(m_slapd->modify(replace(kWangDn, QStringLiteral("title"), QStringLiteral("高级工程师").toUtf8()) + u'\n' +
                            replace(kWangDn, QStringLiteral("mail"), "wangfang@example.com")));
}

void tst_LdapAttributes::badPhotoIsSkipped()
{
    const QByteArray good = picture(32, "JPEG");
    QVERIFY(m_slapd->modify(replace(kWangDn, QStringLiteral("jpegPhoto"), good)));
    const auto server = startServer();
    QVERIFY(server);
    RawClient wang;
    QVERIFY(wang.connectTo(server->port(), false));
    wang.hello();
    QCOMPARE(wang.request(loginRequest(QStringLiteral("wangfang")), 20000)
                 .value(QLatin1String("user"))
                 .toMap()
                 .value(QLatin1String("avatar"))
                 .toByteArray(),
             Sha256::hash(good));

    // Not a picture: the login still succeeds and the avatar stays as it was.
    QVERIFY(m_slapd->modify(replace(kWangDn, QStringLiteral("jpegPhoto"), "this is not a picture at all")));
    RawClient again;
    QVERIFY(again.connectTo(server->port(), false));
    again.hello();
    const QCborMap reply = again.request(loginRequest(QStringLiteral("wangfang")), 20000);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(reply.value(QLatin1String("user")).toMap().value(QLatin1String("avatar")).toByteArray(),
             Sha256::hash(good));
    QVERIFY(!server->server().storage().isAvatar(Sha256::hash("this is not a picture at all")));
}

void tst_LdapAttributes::periodicSyncRefreshesAndLocksOut()
{
    QVERIFY(m_slapd->modify(QStringLiteral("dn: uid=bob,ou=engineering,ou=people,dc=example,dc=com\n"
                                           "changetype: add\nobjectClass: inetOrgPerson\nuid: bob\ncn: Bob\nsn: B\n"
                                           "userPassword: %1\n")
                                .arg(SlapdFixture::password(QStringLiteral("bob")))));
    const auto server = startServer();
    QVERIFY(server);
    LdapPeriodicSync* sync = server->server().ldapSync();
    QVERIFY(sync);
    RawClient bob;
    QVERIFY(bob.connectTo(server->port(), false));
    bob.hello();
    QCOMPARE(frameType(bob.request(loginRequest(QStringLiteral("bob")), 20000)), QStringLiteral("ok"));

    // Bob leaves, lina becomes a manager: the server's own sync creates lina with her title and locks bob out.
    QVERIFY(m_slapd->modify(QStringLiteral("dn: uid=bob,ou=engineering,ou=people,dc=example,dc=com\n"
                                           "changetype: delete\n")));
    QVERIFY(m_slapd->modify(replace(QStringLiteral("uid=lina,ou=sales,ou=people,dc=example,dc=com"),
                                    QStringLiteral("title"), QStringLiteral("销售经理").toUtf8())));
    QSignalSpy finished(sync, &LdapPeriodicSync::finished);
    QVERIFY(sync->runNow());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(errorCodeOf(bob.waitPush(QStringLiteral("error"), 10000)), QStringLiteral("account_disabled"));
    QVERIFY(bob.waitDisconnected());
    Storage& storage = server->server().storage();
    QVERIFY(storage.userByName(QStringLiteral("bob"))->disabled);
    const std::optional<UserRecord> lina = storage.userByName(QStringLiteral("lina"));
    QVERIFY(lina);
    QCOMPARE(storage.directory().placement(lina->id)->title, QStringLiteral("销售经理"));
    QCOMPARE(path(storage, storage.directory().placement(lina->id)->department), QStringList{QStringLiteral("sales")});

    // A second sync has nothing left to do.
    finished.clear();
    QVERIFY(sync->runNow());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QVERIFY(m_slapd->modify(QStringLiteral("dn: uid=lina,ou=sales,ou=people,dc=example,dc=com\nchangetype: modify\n"
                                           "delete: title\n")));
}

QTEST_GUILESS_MAIN(tst_LdapAttributes)
#include "tst_ldapattributes.moc"
