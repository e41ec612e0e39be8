// The whole sign-in story of a directory employee in the desktop app, against a real slapd (SlapdFixture) and a real
// Secret Service (SecretServiceFixture): the first start logs in with the directory password through the login
// dialog with "Stay logged in" ticked; the employee's own profile card shows the department and title the directory
// holds; the settings file holds neither password nor token; the next start logs in from the keychain alone, with
// no dialog. Skipped with the reason printed where slapd or the keychain cannot start.

#include "appcontroller.h"
#include "appsettings.h"
#include "chatclient.h"
#include "logindialog.h"
#include "loginshowcounter.h"
#include "mainwindow.h"
#include "profilecard.h"
#include "profilecardcontroller.h"
#include "protocol.h"
#include "secretservicefixture.h"
#include "slapdfixture.h"
#include "testserver.h"
#include "tokenvault.h"

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
const QString kUser = QStringLiteral("wangfang");
constexpr int kWaitMs = 20000;

} // namespace

class tst_LdapDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void employeeSignsInAndIsRememberedByTheKeychain();

private:
    QByteArray fileBytes() const;
    QByteArray storedToken() const;

    SecretServiceFixture m_keychain;
    std::unique_ptr<SlapdFixture> m_slapd;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
};

void tst_LdapDesktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_keychain.start()) // before anything opens the session bus
        QSKIP(qPrintable(QStringLiteral("no Secret Service: %1").arg(m_keychain.reason())));
    m_slapd = std::make_unique<SlapdFixture>();
    if (!m_slapd->start())
        QSKIP(qPrintable(QStringLiteral("cannot start slapd: %1").arg(m_slapd->reason())));
    QVERIFY(m_dir.isValid());
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config();
    m_relay = std::make_unique<TestServer>(true, config);
    QVERIFY(m_relay->start());
    AppSettings settings(m_dir.filePath(QStringLiteral("app.ini")));
    settings.setLastServer(kHost, m_relay->port());
    settings.setPinnedFingerprint(kHost, m_relay->port(), m_relay->fingerprint());
    settings.setLanguage(AppSettings::Language::English);
}

QByteArray tst_LdapDesktop::fileBytes() const
{
    QFile file(m_dir.filePath(QStringLiteral("app.ini")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray tst_LdapDesktop::storedToken() const
{
    bool found = false;
    return SecretServiceFixture::readEntry(TokenVault::entryName(kHost, m_relay->port(), kUser), &found);
}

void tst_LdapDesktop::employeeSignsInAndIsRememberedByTheKeychain()
{
    const QString password = SlapdFixture::password(kUser);
    {
        auto controller =
            std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("app.ini"))));
        QSignalSpy shown(controller.get(), &AppController::windowShown);
        controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(controller->loginDialog() && controller->loginDialog()->isVisible(), kWaitMs);
        LoginDialog* dialog = controller->loginDialog();
        dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->setText(kUser);
        dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(password);
        auto* remember = dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"));
        QVERIFY(remember->isEnabled()); // a keychain runs
        remember->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
        QVERIFY(shown.wait(kWaitMs));

        // The employee's own card: name, department path and title, all from the directory.
        ChatClient* client = controller->client();
        QCOMPARE(client->currentUser().displayName, QStringLiteral("王芳"));
        ProfileCardController* cards = controller->window()->profileCards();
        QTRY_VERIFY_WITH_TIMEOUT(
            (cards->show(client->currentUser().id),
             cards->card() && cards->card()->findChild<QLabel*>(QStringLiteral("profileCardDepartment"))->text() ==
                                  QStringLiteral("研发部 / 平台组")),
            kWaitMs);
        QCOMPARE(cards->card()->findChild<QLabel*>(QStringLiteral("profileCardName"))->text(), QStringLiteral("王芳"));
        QCOMPARE(cards->card()->findChild<QLabel*>(QStringLiteral("profileCardTitle"))->text(),
                 QStringLiteral("高级工程师"));
        cards->card()->close();

        // The device token is in the keychain; the settings file has neither it nor the password.
        QTRY_COMPARE_WITH_TIMEOUT(storedToken().size(), protocol::kDeviceTokenBytes, kWaitMs);
        const QByteArray file = fileBytes();
        QVERIFY(!file.contains(password.toUtf8()));
        QVERIFY(!file.contains(storedToken().toBase64()));
    }

    // The next start: logged in from the keychain, no dialog, no password typed.
    LoginShowCounter dialogs;
    auto controller =
        std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("app.ini"))));
    QSignalSpy shown(controller.get(), &AppController::windowShown);
    controller->start();
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(controller->client()->currentUser().username, kUser);
    QCOMPARE(controller->client()->currentUser().title, QStringLiteral("高级工程师"));
    QCOMPARE(dialogs.shown(), 0);
}

QTEST_MAIN(tst_LdapDesktop)
#include "tst_ldapdesktop.moc"
