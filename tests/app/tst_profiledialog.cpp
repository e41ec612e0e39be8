// "Edit my profile" (ProfileDialog) with the real ChatClient against a relay in-process (127.0.0.1, port 0),
// offscreen: a picture is cropped to a 256 x 256 square, Save uploads it and the fields and another user sees them;
// a locked display name is read-only with its note; a refusal stays in the dialog.

#include "avatarcache.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "profiledialog.h"
#include "relayserver.h"
#include "storage/storage.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

QPushButton* saveButton(ProfileDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
}

} // namespace

class tst_ProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void squareCropKeepsTheCentre();
    void saveReachesAnotherUser();
    void lockedNameIsReadOnly();
    void refusalStaysInTheDialog();

private:
    std::unique_ptr<QTemporaryDir> m_cache;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
};

void tst_ProfileDialog::init()
{
    m_cache = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_alice = newClient();
    m_bob = newClient();
    m_alice->avatars()->setDirectory(m_cache->filePath(QStringLiteral("alice")));
    m_bob->avatars()->setDirectory(m_cache->filePath(QStringLiteral("bob")));
    QVERIFY(enter(*m_alice, *m_server, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_server, QStringLiteral("bob"), true));
}

void tst_ProfileDialog::cleanup()
{
    m_bob.reset();
    m_alice.reset();
    m_server.reset();
    m_cache.reset();
}

void tst_ProfileDialog::squareCropKeepsTheCentre()
{
    QImage wide(300, 100, QImage::Format_RGB32);
    wide.fill(Qt::red);
    for (int x = 100; x < 200; ++x)
        for (int y = 0; y < 100; ++y)
            wide.setPixel(x, y, qRgb(0, 0, 255));
    const QImage square = ProfileDialog::squareCrop(wide);
    QCOMPARE(square.size(), QSize(256, 256));
    QCOMPARE(QColor(square.pixel(128, 128)), QColor(Qt::blue));
    QCOMPARE(QColor(square.pixel(3, 3)), QColor(Qt::blue)); // the red sides are cut off
}

void tst_ProfileDialog::saveReachesAnotherUser()
{
    ProfileDialog dialog(m_alice.get());
    dialog.show();
    QImage photo(640, 480, QImage::Format_RGB32);
    photo.fill(QColor(30, 140, 90));
    QVERIFY(dialog.setPicture(photo));
    QVERIFY(!dialog.pendingPicture().isEmpty());
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("profileName"));
    auto* signature = dialog.findChild<QLineEdit*>(QStringLiteral("profileSignature"));
    auto* phone = dialog.findChild<QLineEdit*>(QStringLiteral("profilePhone"));
    QVERIFY(name && signature && phone);
    QCOMPARE(signature->maxLength(), 100);
    name->setText(QStringLiteral("王小丽"));
    signature->setText(QStringLiteral("在开会，下午回复"));
    phone->setText(QStringLiteral("8001"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    saveButton(dialog)->click();
    QVERIFY(accepted.wait(kWaitMs));

    const UserId alice = m_alice->currentUser().id;
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->user(alice)->displayName, QStringLiteral("王小丽"), kWaitMs);
    const UserInfo seen = *m_bob->contacts()->user(alice);
    QCOMPARE(seen.signature, QStringLiteral("在开会，下午回复"));
    QCOMPARE(seen.phone, QStringLiteral("8001"));
    QCOMPARE(seen.avatar.size(), 32);
    QSignalSpy ready(m_bob->avatars(), &AvatarCache::avatarReady);
    if (m_bob->avatars()->picture(seen.avatar).isEmpty())
        QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(QImage::fromData(m_bob->avatars()->picture(seen.avatar)).size(), QSize(256, 256));
}

void tst_ProfileDialog::lockedNameIsReadOnly()
{
    Storage& storage = m_server->server().storage();
    const UserId alice = m_alice->currentUser().id;
    UserProfile profile = storage.userProfile(alice).value();
    profile.nameLocked = true;
    QVERIFY(storage.setUserProfile(alice, profile));
    // The next login reads it (as after the administrator's lock-name, which also pushes it).
    m_alice = newClient();
    m_alice->avatars()->setDirectory(m_cache->filePath(QStringLiteral("alice2")));
    QVERIFY(enter(*m_alice, *m_server, QStringLiteral("alice"), false));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->contacts()->user(alice) && m_alice->contacts()->user(alice)->nameLocked, kWaitMs);

    ProfileDialog dialog(m_alice.get());
    dialog.show();
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("profileName"));
    QVERIFY(name->isReadOnly());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("profileLockNote"))->isVisible());
    dialog.findChild<QLineEdit*>(QStringLiteral("profilePhone"))->setText(QStringLiteral("8002"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    saveButton(dialog)->click();
    QVERIFY(accepted.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->user(alice)->phone, QStringLiteral("8002"), kWaitMs);
}

void tst_ProfileDialog::refusalStaysInTheDialog()
{
    ProfileDialog dialog(m_alice.get());
    dialog.show();
    // The field limits keep typing short; a pasted line break is what the server refuses.
    dialog.findChild<QLineEdit*>(QStringLiteral("profileEmail"))->setText(QStringLiteral("a\u0007b@example.com"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("profileError"));
    saveButton(dialog)->click();
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
    QVERIFY(dialog.isVisible());
    QVERIFY(saveButton(dialog)->isEnabled());
    QVERIFY(!error->text().isEmpty());
}

QTEST_MAIN(tst_ProfileDialog)
#include "tst_profiledialog.moc"
