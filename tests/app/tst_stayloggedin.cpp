// "Stay logged in" end to end: a real relay in-process (127.0.0.1, port 0, TLS, SQLite in a QTemporaryDir), the
// real AppController with its settings in a temporary INI file, and a real Secret Service (SecretServiceFixture:
// a private D-Bus session with GNOME Keyring) holding the device token. The settings never hold the password nor
// the token (an old version's password is deleted), a second app logs in from the keychain alone without showing the
// login dialog (and again after a server restart, storing each new token), and a refused token brings the dialog
// back with the reason and an empty password field. Offscreen; no sleeps. Skipped, with the reason, where no
// Secret Service can start.

#include "appcontroller.h"
#include "appsettings.h"
#include "chatclient.h"
#include "errortext.h"
#include "logindialog.h"
#include "loginshowcounter.h"
#include "mainwindow.h"
#include "protocol.h"
#include "secretservicefixture.h"
#include "testserver.h"
#include "tokenvault.h"

#include <QApplication>
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
const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("alice's secret 42");
constexpr int kWaitMs = 15000;

} // namespace

class tst_StayLoggedIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oldPlaintextPasswordIsDeleted();
    void tokenLogsInWithoutPasswordOrDialog();
    void refusedTokenShowsDialogWithEmptyPassword();

private:
    /** Settings at @p name in the temporary folder, pointing at the relay with its certificate trusted. */
    std::unique_ptr<AppSettings> settingsFor(const QString& name);
    QByteArray fileBytes(const QString& name) const;
    QString entry() const { return TokenVault::entryName(kHost, m_relay->port(), kUser); }
    QByteArray storedToken() const;

    SecretServiceFixture m_keychain;
    bool m_haveKeychain = false;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
};

void tst_StayLoggedIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_haveKeychain = m_keychain.start(); // before anything opens the session bus
    if (!m_haveKeychain)
        qWarning("no Secret Service, keychain cases skipped: %s", qPrintable(m_keychain.reason()));
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

std::unique_ptr<AppSettings> tst_StayLoggedIn::settingsFor(const QString& name)
{
    auto settings = std::make_unique<AppSettings>(m_dir.filePath(name));
    settings->setLastServer(kHost, m_relay->port());
    settings->setPinnedFingerprint(kHost, m_relay->port(), m_relay->fingerprint());
    settings->setLanguage(AppSettings::Language::English);
    return settings;
}

QByteArray tst_StayLoggedIn::fileBytes(const QString& name) const
{
    QFile file(m_dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray tst_StayLoggedIn::storedToken() const
{
    bool found = false;
    return SecretServiceFixture::readEntry(entry(), &found);
}

void tst_StayLoggedIn::oldPlaintextPasswordIsDeleted()
{
    const QString name = QStringLiteral("old.ini");
    {
        QFile old(m_dir.filePath(name));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("[login]\nusername=alice\nremember=true\npassword=hunter2-plain\n");
    }
    AppSettings settings(m_dir.filePath(name));
    QVERIFY(!fileBytes(name).contains("hunter2-plain"));
    QVERIFY(settings.stayLoggedIn()); // the choice stays; the next login asks the server for a token
}

void tst_StayLoggedIn::tokenLogsInWithoutPasswordOrDialog()
{
    if (!m_haveKeychain)
        QSKIP(qPrintable(m_keychain.reason()));
    const QString name = QStringLiteral("stay.ini");
    QByteArray firstToken;
    {
        // First start: the user logs in through the dialog with "Stay logged in" ticked.
        auto controller = std::make_unique<AppController>(settingsFor(name));
        QSignalSpy shown(controller.get(), &AppController::windowShown);
        controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(controller->loginDialog() && controller->loginDialog()->isVisible(), kWaitMs);
        LoginDialog* dialog = controller->loginDialog();
        dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->setText(kUser);
        dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(kPassword);
        dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(controller->client()->currentUser().username, kUser);
        QTRY_COMPARE_WITH_TIMEOUT(storedToken().size(), protocol::kDeviceTokenBytes, kWaitMs);
        firstToken = storedToken();
        const QByteArray file = fileBytes(name);
        QVERIFY(!file.contains(kPassword.toUtf8()));
        QVERIFY(!file.contains(QByteArrayLiteral("password")));
        QVERIFY(!file.contains(QByteArrayLiteral("deviceToken")));
        QVERIFY(!file.contains(firstToken.toBase64()));
    }
    // Next start: a new controller logs in from the keychain alone; no dialog is shown.
    LoginShowCounter dialogs;
    auto controller = std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(name)));
    QSignalSpy shown(controller.get(), &AppController::windowShown);
    controller->start();
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(controller->client()->currentUser().username, kUser);
    QVERIFY(controller->window());
    QCOMPARE(dialogs.shown(), 0);
    // The token was used up and replaced; the keychain has the successor, the file still nothing.
    QTRY_VERIFY_WITH_TIMEOUT(storedToken() != firstToken, kWaitMs);
    const QByteArray next = storedToken();
    QCOMPARE(next.size(), protocol::kDeviceTokenBytes);
    QVERIFY(!fileBytes(name).contains(kPassword.toUtf8()));
    QVERIFY(!fileBytes(name).contains(next.toBase64()));

    // A server restart: the client logs in again by itself with that token and the keychain gets its successor.
    QSignalSpy relogged(controller->client(), &ChatClient::loggedIn);
    const quint16 port = m_relay->port();
    m_relay->stop();
    QVERIFY(m_relay->start(port));
    QVERIFY(relogged.wait(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(storedToken() != next, kWaitMs);
    QCOMPARE(storedToken().size(), protocol::kDeviceTokenBytes);
}

void tst_StayLoggedIn::refusedTokenShowsDialogWithEmptyPassword()
{
    if (!m_haveKeychain)
        QSKIP(qPrintable(m_keychain.reason()));
    const QString name = QStringLiteral("revoked.ini");
    {
        auto settings = settingsFor(name);
        settings->setLastUsername(kUser);
        settings->setStayLoggedIn(true);
    }
    // Never issued: as a revoked one.
    QVERIFY(SecretServiceFixture::writeEntry(entry(), QByteArray(protocol::kDeviceTokenBytes, 'x')));
    auto controller = std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(name)));
    QSignalSpy quit(controller.get(), &AppController::quitRequested);
    controller->start();
    QTRY_VERIFY_WITH_TIMEOUT(controller->loginDialog() && controller->loginDialog()->isVisible(), kWaitMs);
    LoginDialog* dialog = controller->loginDialog();
    QCOMPARE(dialog->errorText(), ErrorText::message(ErrorCode::BadToken));
    QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());
    dialog->reject();
    QCOMPARE(quit.count(), 1); // the user closed the dialog
    // Not tried again at the next start.
    QTRY_VERIFY_WITH_TIMEOUT(!controller->loginDialog(), kWaitMs);
    bool found = true;
    QTRY_VERIFY_WITH_TIMEOUT((SecretServiceFixture::readEntry(entry(), &found), !found), kWaitMs);
}

QTEST_MAIN(tst_StayLoggedIn)
#include "tst_stayloggedin.moc"
