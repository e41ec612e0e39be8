// Contract tests of the Storage profile methods (schema 11), against SqliteStorage on a real file.

#include "sqlitestorage.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;

class tst_ProfileStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newAccountHasEmptyProfile();
    void profileRoundTripsAndSurvivesReopen();
    void avatarLookupFollowsAccounts();
    void missingAccountIsRefused();

private:
    UserId addUser(const QString& name);
    void reopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStorage> m_storage;
    QString m_path;
};

void tst_ProfileStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("lanchat.db"));
    reopen();
}

void tst_ProfileStorage::cleanup()
{
    m_storage.reset();
    m_dir.reset();
}

UserId tst_ProfileStorage::addUser(const QString& name)
{
    UserId id;
    const CreateUserResult result = m_storage->createUser(name, name, "hash", &id);
    return result == CreateUserResult::Created ? id : UserId();
}

void tst_ProfileStorage::reopen()
{
    m_storage.reset();
    QString error;
    m_storage = SqliteStorage::open(m_path, &error);
    QVERIFY2(m_storage, qPrintable(error));
}

void tst_ProfileStorage::newAccountHasEmptyProfile()
{
    const UserId alice = addUser(QStringLiteral("alice"));
    const std::optional<UserProfile> profile = m_storage->userProfile(alice);
    QVERIFY(profile);
    QCOMPARE(*profile, UserProfile());
    QCOMPARE(m_storage->userProfiles().value(alice), UserProfile());
}

void tst_ProfileStorage::profileRoundTripsAndSurvivesReopen()
{
    const UserId alice = addUser(QStringLiteral("alice"));
    const UserId bob = addUser(QStringLiteral("bob"));
    UserProfile profile;
    profile.phone = QStringLiteral("+86 10 5555 0101");
    profile.email = QStringLiteral("alice@example.com");
    profile.signature = QStringLiteral("在开会，下午回复");
    profile.avatar = QByteArray(32, 'a');
    profile.nameLocked = true;
    QVERIFY(m_storage->setUserProfile(alice, profile));
    reopen();
    QCOMPARE(m_storage->userProfile(alice), profile);
    const QHash<UserId, UserProfile> all = m_storage->userProfiles();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.value(alice), profile);
    QCOMPARE(all.value(bob), UserProfile());
}

void tst_ProfileStorage::avatarLookupFollowsAccounts()
{
    const UserId alice = addUser(QStringLiteral("alice"));
    const QByteArray picture(32, 'p');
    QVERIFY(!m_storage->isAvatar(picture));
    UserProfile profile;
    profile.avatar = picture;
    QVERIFY(m_storage->setUserProfile(alice, profile));
    QVERIFY(m_storage->isAvatar(picture));
    QVERIFY(!m_storage->isAvatar(QByteArray(32, 'q')));
    QVERIFY(!m_storage->isAvatar(QByteArray()));
    profile.avatar.clear();
    QVERIFY(m_storage->setUserProfile(alice, profile));
    QVERIFY(!m_storage->isAvatar(picture));
    QVERIFY(m_storage->userProfile(alice)->avatar.isEmpty());
    profile.avatar = picture;
    QVERIFY(m_storage->setUserProfile(alice, profile));
    QVERIFY(m_storage->deleteUser(alice));
    QVERIFY(!m_storage->isAvatar(picture));
}

void tst_ProfileStorage::missingAccountIsRefused()
{
    QVERIFY(!m_storage->userProfile(UserId(99)));
    QVERIFY(!m_storage->setUserProfile(UserId(99), UserProfile()));
}

QTEST_GUILESS_MAIN(tst_ProfileStorage)
#include "tst_profilestorage.moc"
