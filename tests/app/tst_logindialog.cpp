// The login dialog against a real relay in-process (127.0.0.1, port 0, TLS, SQLite in a QTemporaryDir):
// Enter after a failure, no way to plaintext, and how it explains the server's sign-up mode. Offscreen;
// no sleeps: QTRY_* and QSignalSpy::wait only.

#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "discoveryanswerer.h"
#include "errortext.h"
#include "languagemanager.h"
#include "logindialog.h"
#include "messages/authmessages.h"
#include "protocol.h"
#include "relayserver.h"
#include "router.h"
#include "serverfinder.h"
#include "session.h"
#include "testserver.h"
#include "tokenvault.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <list>
#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

void type(QWidget* widget, const QString& text)
{
    auto* edit = qobject_cast<QLineEdit*>(widget);
    if (edit)
        edit->clear();
    QTest::keyClicks(widget, text);
}

/**
 * Makes the relay announce sign-up mode @p mode in `welcome.registration` and answer every `register` with
 * @p answer, recording the invite codes it was sent: a server configured for that mode, as far as the
 * dialog can tell.
 */
void playSignUpMode(RelayServer& server, const QString& mode, ErrorCode answer, QStringList* invites)
{
    server.router().add(
        QLatin1String(Hello::kType),
        [&server, mode](Session& session, const QCborMap& request, quint64 id) {
            const auto hello = Hello::decode(request, nullptr);
            session.setProtocolVersion(hello ? hello->protocol : protocol::kVersion);
            session.setFeatures(hello ? hello->features : QStringList());
            Welcome welcome;
            welcome.protocol = protocol::kVersion;
            welcome.server = server.config().serverName;
            welcome.maxFrame = server.config().maxFrameBytes;
            welcome.serverTimeMs = QDateTime::currentMSecsSinceEpoch();
            welcome.registration = mode;
            session.reply(id, welcome.encode());
        },
        Access::Public);
    server.router().add(
        QLatin1String(Register::kType),
        [answer, invites](Session& session, const QCborMap& request, quint64 id) {
            const auto reg = Register::decode(request, nullptr);
            invites->append(reg ? reg->invite : QString());
            session.replyError(id, answer, QStringLiteral("sign-up refused"));
        },
        Access::Public);
}

} // namespace

class tst_LoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void enterAfterFailedLoginRetries();
    void plaintextIsNeverChosen();
    void signUpOffExplainedBeforeThePasswordGoesOut();
    void inviteCodeAskedForAndSent();
    void registrationDisabledErrorExplained();

private:
    /** A dialog of a fresh client, the server field set to @p relay, the relay's certificate trusted. */
    std::unique_ptr<LoginDialog> newDialog(const TestServer& relay);
    void fillSignUp(LoginDialog& dialog, const QString& user);

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
    std::unique_ptr<AppSettings> m_settings;
    TokenVault m_vault; ///< never asked: these tests do not tick "Stay logged in"
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ChatClient> m_bob;
    std::list<std::unique_ptr<ChatClient>> m_clients;
};

void tst_LoginDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_languages = std::make_unique<LanguageManager>();
    m_languages->apply(AppSettings::Language::English);
    m_relay = std::make_unique<TestServer>(true);
    QVERIFY(m_relay->start());
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("lanchat.ini")));
    m_bob = std::make_unique<ChatClient>();
    m_bob->setSettings(nullptr);
    QSignalSpy synced(m_bob.get(), &ChatClient::synced);
    m_bob->connectToServer(kHost, m_relay->port(), true);
    m_bob->registerAccount(QStringLiteral("bob"), kPassword, QStringLiteral("Bob"));
    QVERIFY(synced.wait(kWaitMs));
}

void tst_LoginDialog::cleanupTestCase()
{
    m_clients.clear();
    m_bob.reset();
    m_relay.reset();
}

std::unique_ptr<LoginDialog> tst_LoginDialog::newDialog(const TestServer& relay)
{
    auto& client = m_clients.emplace_back(std::make_unique<ChatClient>());
    client->setSettings(nullptr);
    m_settings->setLastServer(kHost, relay.port());
    m_settings->setPinnedFingerprint(kHost, relay.port(), relay.fingerprint()); // no first-use question
    auto dialog = std::make_unique<LoginDialog>(client.get(), *m_settings, m_vault, nullptr);
    dialog->show();
    return dialog;
}

void tst_LoginDialog::fillSignUp(LoginDialog& dialog, const QString& user)
{
    child<QTabBar>(&dialog, "modeTabs")->setCurrentIndex(1);
    type(child<QLineEdit>(&dialog, "usernameEdit"), user);
    type(child<QLineEdit>(&dialog, "displayNameEdit"), user);
    type(child<QLineEdit>(&dialog, "passwordEdit"), kPassword);
    type(child<QLineEdit>(&dialog, "confirmEdit"), kPassword);
}

void tst_LoginDialog::enterAfterFailedLoginRetries()
{
    auto dialog = newDialog(*m_relay);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    auto* password = child<QLineEdit>(dialog.get(), "passwordEdit");
    auto* submit = child<QPushButton>(dialog.get(), "submitButton");
    auto* cancel = child<QPushButton>(dialog.get(), "cancelButton");
    type(child<QLineEdit>(dialog.get(), "usernameEdit"), QStringLiteral("carol"));
    type(password, QStringLiteral("not the password"));
    password->setFocus();
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(), ErrorText::message(ErrorCode::BadCredentials), kWaitMs);

    // The focus is back in the password field, and Enter means "Log in" again, never "Quit".
    QTRY_COMPARE(QApplication::focusWidget(), password);
    QVERIFY(submit->isDefault());
    QVERIFY(!cancel->isDefault());
    QVERIFY(!cancel->autoDefault());
    QCOMPARE(cancel->text(), QStringLiteral("Quit"));
    QCOMPARE(password->selectedText(), password->text()); // typing replaces the wrong password
    QSignalSpy failed(m_clients.back().get(), &ChatClient::loginFailed);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(failed.wait(kWaitMs));
    QTRY_COMPARE(QApplication::focusWidget(), password);
    QVERIFY(dialog->isVisible());
    QCOMPARE(rejected.count(), 0);
}

void tst_LoginDialog::plaintextIsNeverChosen()
{
    // An older version saved "plaintext", and the only discovered answer says `tls: false`.
    const QString iniPath = m_dir.filePath(QStringLiteral("legacy.ini"));
    {
        QSettings legacy(iniPath, QSettings::IniFormat);
        legacy.setValue(QStringLiteral("server/tls"), false);
    }
    AppSettings settings(iniPath);
    QVERIFY(!settings.raw().contains(QStringLiteral("server/tls")));
    settings.setPinnedFingerprint(kHost, m_relay->port(), m_relay->fingerprint());
    DiscoveryAnswerer answerer;
    QVERIFY(answerer.isBound());
    answerer.setAnswer(DiscoveryAnswerer::answerMap(QStringLiteral("Office"), m_relay->port(), false, QString()));
    ServerFinder finder;
    finder.setProbePort(answerer.port());
    finder.setIntervalMs(60000);
    finder.start();
    QTRY_COMPARE_WITH_TIMEOUT(finder.servers().size(), 1, kWaitMs);
    QVERIFY(!finder.servers().first().tls);

    ChatClient client;
    client.setSettings(nullptr);
    TokenVault vault;
    LoginDialog dialog(&client, settings, vault, &finder);
    dialog.show();
    QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("tlsCheck"))); // no plaintext choice at all
    QCOMPARE(child<QLineEdit>(&dialog, "serverEdit")->text(),
             kHost + QLatin1Char(':') + QString::number(m_relay->port()));
    type(child<QLineEdit>(&dialog, "usernameEdit"), QStringLiteral("bob"));
    type(child<QLineEdit>(&dialog, "passwordEdit"), kPassword);
    QTest::mouseClick(child<QPushButton>(&dialog, "submitButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWaitMs);
    QCOMPARE(client.serverFingerprint(), m_relay->fingerprint()); // the password went over TLS
    QVERIFY(!settings.raw().contains(QStringLiteral("server/tls")));
}

void tst_LoginDialog::signUpOffExplainedBeforeThePasswordGoesOut()
{
    TestServer relay(true);
    QVERIFY(relay.start());
    QStringList invites;
    playSignUpMode(relay.server(), QStringLiteral("off"), ErrorCode::RegistrationDisabled, &invites);
    auto dialog = newDialog(relay);
    auto* note = child<QLabel>(dialog.get(), "signUpNote");
    fillSignUp(*dialog, QStringLiteral("dave"));
    QVERIFY(note->isHidden()); // not known before the dialog has talked to the server
    QTest::mouseClick(child<QPushButton>(dialog.get(), "submitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!note->isHidden(), kWaitMs);
    QCOMPARE(note->text(),
             QStringLiteral("Sign-up is turned off on this server. Ask your administrator for an account."));
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.back()->state(), ChatClient::State::Offline, kWaitMs);
    QVERIFY(invites.isEmpty());               // no register, so no password, was sent
    QCOMPARE(dialog->errorText(), QString()); // said once, not twice
    child<QTabBar>(dialog.get(), "modeTabs")->setCurrentIndex(0);
    QVERIFY(note->isHidden());
}

void tst_LoginDialog::inviteCodeAskedForAndSent()
{
    TestServer relay(true);
    QVERIFY(relay.start());
    QStringList invites;
    playSignUpMode(relay.server(), QStringLiteral("invite"), ErrorCode::BadInvite, &invites);
    auto dialog = newDialog(relay);
    auto* invite = child<QLineEdit>(dialog.get(), "inviteEdit");
    fillSignUp(*dialog, QStringLiteral("erin"));
    QVERIFY(invite->isHidden());
    auto* submit = child<QPushButton>(dialog.get(), "submitButton");
    QTest::mouseClick(submit, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!invite->isHidden(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kWaitMs);
    QVERIFY(invites.isEmpty());

    type(invite, QStringLiteral("blue-lantern-42"));
    QTest::mouseClick(submit, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(), ErrorText::message(ErrorCode::BadInvite), kWaitMs);
    QCOMPARE(invites, QStringList{QStringLiteral("blue-lantern-42")});
    QVERIFY(!invite->isHidden());
}

void tst_LoginDialog::registrationDisabledErrorExplained()
{
    // A server that does not announce its mode: the error itself says what is going on.
    TestServer relay(true);
    QVERIFY(relay.start());
    QStringList invites;
    playSignUpMode(relay.server(), QString(), ErrorCode::RegistrationDisabled, &invites);
    auto dialog = newDialog(relay);
    fillSignUp(*dialog, QStringLiteral("frank"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "submitButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        dialog->errorText(),
        QStringLiteral("Sign-up is turned off on this server. Ask your administrator for an account."), kWaitMs);
    QCOMPARE(invites.size(), 1);
    QVERIFY(child<QLineEdit>(dialog.get(), "inviteEdit")->isHidden());
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"
