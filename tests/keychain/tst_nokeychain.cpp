// "Stay logged in" where no system keychain runs: DBUS_SESSION_BUS_ADDRESS points at a socket where nothing listens
// (SecretServiceFixture::pointAtNothing), a real relay in-process and the real AppController. The login dialog says
// that nothing will be remembered, "Stay logged in" is off and cannot be ticked, the password login still works, and
// neither the settings file nor the server holds a token afterwards. Offscreen; no sleeps.

#include "appcontroller.h"
#include "appsettings.h"
#include "chatclient.h"
#include "logindialog.h"
#include "protocol.h"
#include "relayserver.h"
#include "secretservicefixture.h"
#include "stayloggedinbox.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

const QString kHost = QStringLiteral("127.0.0.1");
const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("alice's secret 42");
constexpr int kWaitMs = 15000;

} // namespace

class tst_NoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dialogSaysNothingIsRemembered();

private:
    SecretServiceFixture m_keychain;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
};

void tst_NoKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_keychain.pointAtNothing(); // before anything opens the session bus
    QVERIFY(m_dir.isValid());
    m_relay = std::make_unique<TestServer>(true);
    QVERIFY(m_relay->start());
    ChatClient signUp;
    signUp.setSettings(nullptr);
    QSignalSpy loggedIn(&signUp, &ChatClient::loggedIn);
    signUp.connectToServer(kHost, m_relay->port(), true);
    signUp.registerAccount(kUser, kPassword, QStringLiteral("Alice"));
    QVERIFY(loggedIn.wait(kWaitMs));
}

void tst_NoKeychain::dialogSaysNothingIsRemembered()
{
    const QString name = QStringLiteral("nokeychain.ini");
    {
        AppSettings settings(m_dir.filePath(name));
        settings.setLastServer(kHost, m_relay->port());
        settings.setLastUsername(kUser);
        settings.setPinnedFingerprint(kHost, m_relay->port(), m_relay->fingerprint());
        settings.setLanguage(AppSettings::Language::English);
        settings.setStayLoggedIn(true); // chosen while a keychain ran
    }
    AppController app(std::make_unique<AppSettings>(m_dir.filePath(name)));
    QSignalSpy shown(&app, &AppController::windowShown);
    app.start();
    QTRY_VERIFY_WITH_TIMEOUT(app.loginDialog() && app.loginDialog()->isVisible(), kWaitMs);
    LoginDialog* dialog = app.loginDialog();
    auto* remember = dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"));
    QVERIFY(!remember->isEnabled());
    QVERIFY(!remember->isChecked());
    QTest::mouseClick(remember, Qt::LeftButton);
    QVERIFY(!remember->isChecked());
    const QString note = QStringLiteral("No system keychain is running; LanChat will not remember this login.");
    auto* noteLabel = dialog->findChild<QLabel*>(QStringLiteral("keychainNote"));
    QVERIFY(noteLabel->isVisible());
    QCOMPARE(noteLabel->text(), note);
    QCOMPARE(dialog->findChild<StayLoggedInBox*>()->noteText(), note);
    QCOMPARE(remember->toolTip(), note);

    // The password still logs in; the server is not asked for a device token.
    dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(kPassword);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(app.client()->currentUser().username, kUser);
    Storage& storage = m_relay->server().storage();
    const std::optional<UserRecord> alice = storage.userByName(kUser);
    QVERIFY(alice);
    QVERIFY(storage.deviceTokens().of(alice->id).isEmpty());
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("deviceToken"));
    QVERIFY(!bytes.contains(kPassword.toUtf8()));
    QVERIFY(!AppSettings(m_dir.filePath(name)).stayLoggedIn());
}

QTEST_MAIN(tst_NoKeychain)
#include "tst_nokeychain.moc"
