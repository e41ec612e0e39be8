// The "Done when" from the client's side, against a real slapd (tests/ldap/slapdfixture.h): an employee of
// the directory logs in with the directory password through ChatClient and finds their department and title in
// their own profile and in the organisation tree (DirectoryModel), both taken from the directory; "Edit my profile"
// shows the fields the directory keeps greyed out and leaves the others editable.

#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "directorymodel.h"
#include "languagemanager.h"
#include "profiledialog.h"
#include "slapdfixture.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

class tst_LdapProfile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void employeeSeesDepartmentAndTitle();
    void directoryFieldsAreReadOnly();

private:
    std::unique_ptr<SlapdFixture> m_slapd;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ChatClient> m_client;
};

void tst_LdapProfile::initTestCase()
{
    m_slapd = std::make_unique<SlapdFixture>();
    if (!m_slapd->start())
        QSKIP(qPrintable(QStringLiteral("cannot start slapd: %1").arg(m_slapd->reason())));
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config();
    config.ldap.phoneAttribute.clear(); // the phone stays the employee's own
    m_server = std::make_unique<TestServer>(false, config);
    QVERIFY(m_server->start());
}

void tst_LdapProfile::employeeSeesDepartmentAndTitle()
{
    m_client = newClient();
    QSignalSpy synced(m_client.get(), &ChatClient::synced);
    m_client->connectToServer(kHost, m_server->port(), m_server->tls());
    m_client->login(QStringLiteral("wangfang"), SlapdFixture::password(QStringLiteral("wangfang")));
    QVERIFY(synced.wait(20000));

    const UserInfo me = m_client->currentUser();
    QCOMPARE(me.displayName, QStringLiteral("王芳"));
    QCOMPARE(me.title, QStringLiteral("高级工程师"));
    QVERIFY(me.department.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->directory()->path(me.department), QStringLiteral("研发部 / 平台组"),
                              kClientStepMs);
    QCOMPARE(me.directoryFields,
             (QStringList{QStringLiteral("display_name"), QStringLiteral("email"), QStringLiteral("avatar")}));
}

void tst_LdapProfile::directoryFieldsAreReadOnly()
{
    QVERIFY(m_client);
    ProfileDialog dialog(m_client.get());
    dialog.resize(460, dialog.sizeHint().height());
    dialog.show();
    QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("profileName"))->isEnabled());
    QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("profileEmail"))->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("profileChoosePicture"))->isEnabled());
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("profilePhone"))->isEnabled());
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("profileSignature"))->isEnabled());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("profileDirectoryNote"))->isVisible());
    QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("profileLockNote"))->isVisible());

    // With LANCHAT_SCREENSHOT_DIR set, the state is rendered for docs/screenshots (profile-directory-*.png).
    const QString out = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR");
    if (out.isEmpty())
        return;
    LanguageManager languages;
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        QCoreApplication::processEvents(); // the posted LanguageChange retranslates the dialog
        dialog.resize(460, dialog.sizeHint().height());
        QVERIFY(dialog.grab().save(QDir(out).filePath(QStringLiteral("profile-directory-%1.png").arg(suffix))));
    }
}

QTEST_MAIN(tst_LdapProfile)
#include "tst_ldapprofile.moc"
