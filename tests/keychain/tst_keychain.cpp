// The device token of "Stay logged in" in a real system keychain: a private D-Bus session with GNOME Keyring
// (SecretServiceFixture), a real relay in-process (127.0.0.1, port 0, TLS, SQLite in a QTemporaryDir) and the real
// AppController. Logging out deletes the keychain entry; a password change on another computer ends the session and
// deletes it; a token the admin revoked while the app was closed brings the password field back and the entry goes;
// a token an older version left in the settings file is deleted at start; logging in as someone else deletes the
// previous account's entry. Offscreen; no sleeps. Skipped, with the reason, where no Secret Service can start.

#include "appcontroller.h"
#include "appsettings.h"
#include "chatclient.h"
#include "errortext.h"
#include "logindialog.h"
#include "loginshowcounter.h"
#include "mainwindow.h"
#include "protocol.h"
#include "relayserver.h"
#include "secretservicefixture.h"
#include "storage/storage.h"
#include "testserver.h"
#include "tokenvault.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
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
constexpr int kWaitMs = 15000;

QString passwordOf(const QString& user)
{
    return user + QStringLiteral("'s secret 42");
}

} // namespace

class tst_Keychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void logoutDeletesEntry();
    void passwordChangedElsewhereDeletesEntry();
    void revokedTokenAsksForPassword();
    void oldPlainTokenDeletedOnStart();
    void otherAccountDeletesPreviousEntry();

private:
    /**
     * A controller whose settings (file @p name) point at the relay with its certificate trusted, last user
     * @p lastUser.
     */
    std::unique_ptr<AppController> newApp(const QString& name, const QString& lastUser = {});
    QByteArray fileBytes(const QString& name) const;
    /** Starts @p app and logs in as @p user with "Stay logged in" through the dialog; true once the token is stored. */
    bool logInRemembered(AppController& app, const QString& user);
    QString entry(const QString& user) const { return TokenVault::entryName(kHost, m_relay->port(), user); }
    QByteArray stored(const QString& user) const;
    bool hasEntry(const QString& user) const;

    SecretServiceFixture m_keychain;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
};

void tst_Keychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_keychain.start()) // before anything opens the session bus
        QSKIP(qPrintable(QStringLiteral("no Secret Service: ") + m_keychain.reason()));
    QVERIFY(m_dir.isValid());
    m_relay = std::make_unique<TestServer>(true);
    QVERIFY(m_relay->start());
    for (const QString& user : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                QStringLiteral("dave"), QStringLiteral("erin")}) {
        ChatClient signUp;
        signUp.setSettings(nullptr);
        QSignalSpy loggedIn(&signUp, &ChatClient::loggedIn);
        signUp.connectToServer(kHost, m_relay->port(), true);
        signUp.registerAccount(user, passwordOf(user), user);
        QVERIFY(loggedIn.wait(kWaitMs));
    }
}

std::unique_ptr<AppController> tst_Keychain::newApp(const QString& name, const QString& lastUser)
{
    auto settings = std::make_unique<AppSettings>(m_dir.filePath(name));
    settings->setLastUsername(lastUser);
    settings->setLastServer(kHost, m_relay->port());
    settings->setPinnedFingerprint(kHost, m_relay->port(), m_relay->fingerprint());
    settings->setLanguage(AppSettings::Language::English);
    return std::make_unique<AppController>(std::move(settings));
}

bool tst_Keychain::logInRemembered(AppController& app, const QString& user)
{
    QSignalSpy shown(&app, &AppController::windowShown);
    if (!app.loginDialog())
        app.start();
    if (!QTest::qWaitFor([&] { return app.loginDialog() && app.loginDialog()->isVisible(); }, kWaitMs))
        return false;
    LoginDialog* dialog = app.loginDialog();
    dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->setText(user);
    dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(passwordOf(user));
    dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
    return shown.wait(kWaitMs) &&
           QTest::qWaitFor([&] { return stored(user).size() == protocol::kDeviceTokenBytes; }, kWaitMs);
}

QByteArray tst_Keychain::fileBytes(const QString& name) const
{
    QFile file(m_dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray tst_Keychain::stored(const QString& user) const
{
    bool found = false;
    return SecretServiceFixture::readEntry(entry(user), &found);
}

bool tst_Keychain::hasEntry(const QString& user) const
{
    bool found = false;
    SecretServiceFixture::readEntry(entry(user), &found);
    return found;
}

void tst_Keychain::logoutDeletesEntry()
{
    auto app = newApp(QStringLiteral("logout.ini"));
    QVERIFY(logInRemembered(*app, QStringLiteral("alice")));
    const QByteArray token = stored(QStringLiteral("alice"));
    QVERIFY(!fileBytes(QStringLiteral("logout.ini")).contains(token.toBase64()));

    app->window()->findChild<QAction*>(QStringLiteral("logoutAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!hasEntry(QStringLiteral("alice")), kWaitMs);
    // The server forgot the device as well: the old token no longer logs in.
    ChatClient replay;
    replay.setSettings(nullptr);
    QSignalSpy failed(&replay, &ChatClient::loginFailed);
    replay.connectToServer(kHost, m_relay->port(), true);
    replay.loginWithToken(QStringLiteral("alice"), token);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().first().value<ErrorCode>(), ErrorCode::BadToken);
}

void tst_Keychain::passwordChangedElsewhereDeletesEntry()
{
    auto app = newApp(QStringLiteral("password.ini"));
    QVERIFY(logInRemembered(*app, QStringLiteral("bob")));

    // Bob changes his password on another computer: every other session and device ends.
    ChatClient elsewhere;
    elsewhere.setSettings(nullptr);
    QSignalSpy loggedIn(&elsewhere, &ChatClient::loggedIn);
    elsewhere.connectToServer(kHost, m_relay->port(), true);
    elsewhere.login(QStringLiteral("bob"), passwordOf(QStringLiteral("bob")));
    QVERIFY(loggedIn.wait(kWaitMs));
    QSignalSpy changed(&elsewhere, &ChatClient::passwordChanged);
    elsewhere.changePassword(passwordOf(QStringLiteral("bob")), QStringLiteral("bob's new secret 43"));
    QVERIFY(changed.wait(kWaitMs));

    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), kWaitMs);
    QCOMPARE(app->loginDialog()->errorText(), ErrorText::message(ErrorCode::SessionRevoked));
    QVERIFY(app->loginDialog()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!hasEntry(QStringLiteral("bob")), kWaitMs);
}

void tst_Keychain::revokedTokenAsksForPassword()
{
    const QString name = QStringLiteral("revoked.ini");
    {
        auto app = newApp(name);
        QVERIFY(logInRemembered(*app, QStringLiteral("carol")));
    }
    // While the app is closed the admin revokes Carol's devices (what `lanchat-server user revoke-tokens` does).
    Storage& storage = m_relay->server().storage();
    const std::optional<UserRecord> carol = storage.userByName(QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(storage.deviceTokens().removeAll(carol->id) > 0);

    LoginShowCounter dialogs;
    auto app = std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(name)));
    app->start();
    QTRY_VERIFY_WITH_TIMEOUT(app->loginDialog() && app->loginDialog()->isVisible(), kWaitMs);
    QCOMPARE(app->loginDialog()->errorText(), ErrorText::message(ErrorCode::BadToken));
    QVERIFY(app->loginDialog()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());
    QCOMPARE(dialogs.shown(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!hasEntry(QStringLiteral("carol")), kWaitMs);
}

void tst_Keychain::oldPlainTokenDeletedOnStart()
{
    const QString name = QStringLiteral("plain.ini");
    const QByteArray plain = QByteArray(protocol::kDeviceTokenBytes, 'p').toBase64();
    {
        QFile old(m_dir.filePath(name));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("[login]\nusername=dave\nremember=true\ndeviceToken=" + plain + "\n");
    }
    auto app = std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(name)));
    const QByteArray bytes = fileBytes(name);
    QVERIFY(!bytes.contains(plain));
    QVERIFY(!bytes.contains("deviceToken"));
    QVERIFY(!hasEntry(QStringLiteral("dave"))); // deleted, not moved
}

void tst_Keychain::otherAccountDeletesPreviousEntry()
{
    auto app = newApp(QStringLiteral("switch.ini"));
    QVERIFY(logInRemembered(*app, QStringLiteral("dave")));
    app->window()->findChild<QAction*>(QStringLiteral("logoutAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!hasEntry(QStringLiteral("dave")), kWaitMs);
    // A token of Dave's left by a crash: the next login as Erin must not leave it behind.
    QVERIFY(
        SecretServiceFixture::writeEntry(entry(QStringLiteral("dave")), QByteArray(protocol::kDeviceTokenBytes, 'd')));
    // "Stay logged in" is off in these settings: no token login at start, the dialog comes up.
    auto next = newApp(QStringLiteral("switch2.ini"), QStringLiteral("dave"));
    QVERIFY(logInRemembered(*next, QStringLiteral("erin")));
    QTRY_VERIFY_WITH_TIMEOUT(!hasEntry(QStringLiteral("dave")), kWaitMs);
    QVERIFY(hasEntry(QStringLiteral("erin")));
}

QTEST_MAIN(tst_Keychain)
#include "tst_keychain.moc"
