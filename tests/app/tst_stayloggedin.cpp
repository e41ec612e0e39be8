// "Stay logged in" end to end: a real relay in-process (127.0.0.1, port 0, TLS, SQLite in a QTemporaryDir) and the
// real AppController with its settings in a temporary INI file. The settings never hold the password (an old
// version's is deleted), a second app logs in from the stored device token alone without showing the login dialog
// (and again after a server restart, storing each new token), and a refused token brings the dialog back with the
// reason and an empty password field. Offscreen; no sleeps.

#include "appcontroller.h"
#include "appsettings.h"
#include "chatclient.h"
#include "errortext.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "protocol.h"
#include "testserver.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

const QString kHost = QStringLiteral("127.0.0.1");
const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("alice's secret 42");
constexpr int kWaitMs = 15000;

/** The login dialog on screen, if any. */
LoginDialog* visibleLoginDialog()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<LoginDialog*>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

/**
 * Runs @p onDialog with the login dialog as soon as one is shown (start() blocks in its exec()); counts how many
 * times one appeared.
 */
class DialogWatcher : public QObject
{
public:
    explicit DialogWatcher(std::function<void(LoginDialog*)> onDialog)
        : m_onDialog(std::move(onDialog))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            LoginDialog* dialog = visibleLoginDialog();
            if (!dialog || dialog == m_handled)
                return;
            m_handled = dialog;
            ++m_shown;
            m_onDialog(dialog);
        });
        m_timer.start(10);
    }
    int shown() const { return m_shown; }

private:
    std::function<void(LoginDialog*)> m_onDialog;
    QTimer m_timer;
    LoginDialog* m_handled = nullptr;
    int m_shown = 0;
};

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

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_relay;
};

void tst_StayLoggedIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
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
    QVERIFY(settings.deviceToken().isEmpty());
}

void tst_StayLoggedIn::tokenLogsInWithoutPasswordOrDialog()
{
    const QString name = QStringLiteral("stay.ini");
    QByteArray firstToken;
    {
        // First start: the user logs in through the dialog with "Stay logged in" ticked.
        auto controller = std::make_unique<AppController>(settingsFor(name));
        DialogWatcher watcher([](LoginDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit"))->setText(kUser);
            dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(kPassword);
            dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(true);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
        });
        QVERIFY(controller->start());
        QCOMPARE(watcher.shown(), 1);
        QCOMPARE(controller->client()->currentUser().username, kUser);
        const QByteArray file = fileBytes(name);
        QVERIFY(!file.contains(kPassword.toUtf8()));
        QVERIFY(!file.contains(QByteArrayLiteral("password")));
        firstToken = AppSettings(m_dir.filePath(name)).deviceToken();
        QCOMPARE(firstToken.size(), protocol::kDeviceTokenBytes);
        const QFileDevice::Permissions permissions = QFile::permissions(m_dir.filePath(name));
        QVERIFY(permissions & QFileDevice::ReadOwner);
        QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    }
    // Next start: a new controller logs in from the file alone; no dialog is shown.
    auto controller = std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(name)));
    DialogWatcher watcher([](LoginDialog* dialog) { dialog->reject(); });
    QVERIFY(controller->start());
    QCOMPARE(controller->client()->currentUser().username, kUser);
    QVERIFY(controller->window());
    QCOMPARE(watcher.shown(), 0);
    // The token was used up and replaced; the file has the successor, still no password.
    const QByteArray next = AppSettings(m_dir.filePath(name)).deviceToken();
    QCOMPARE(next.size(), protocol::kDeviceTokenBytes);
    QVERIFY(next != firstToken);
    QVERIFY(!fileBytes(name).contains(kPassword.toUtf8()));

    // A server restart: the client logs in again by itself with that token and the file gets its successor.
    QSignalSpy relogged(controller->client(), &ChatClient::loggedIn);
    const quint16 port = m_relay->port();
    m_relay->stop();
    QVERIFY(m_relay->start(port));
    QVERIFY(relogged.wait(kWaitMs));
    const QByteArray afterReconnect = AppSettings(m_dir.filePath(name)).deviceToken();
    QCOMPARE(afterReconnect.size(), protocol::kDeviceTokenBytes);
    QVERIFY(afterReconnect != next);
}

void tst_StayLoggedIn::refusedTokenShowsDialogWithEmptyPassword()
{
    const QString name = QStringLiteral("revoked.ini");
    {
        auto settings = settingsFor(name);
        settings->setLastUsername(kUser);
        settings->setStayLoggedIn(true);
        settings->setDeviceToken(QByteArray(protocol::kDeviceTokenBytes, 'x')); // never issued: as a revoked one
    }
    auto controller = std::make_unique<AppController>(std::make_unique<AppSettings>(m_dir.filePath(name)));
    QString shownError;
    QString shownPassword;
    DialogWatcher watcher([&](LoginDialog* dialog) {
        shownError = dialog->errorText();
        shownPassword = dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text();
        dialog->reject();
    });
    QVERIFY(!controller->start()); // the user closed the dialog
    QCOMPARE(watcher.shown(), 1);
    QCOMPARE(shownError, ErrorText::message(ErrorCode::BadToken));
    QVERIFY(shownPassword.isEmpty());
    QVERIFY(AppSettings(m_dir.filePath(name)).deviceToken().isEmpty()); // not tried again at the next start
}

QTEST_MAIN(tst_StayLoggedIn)
#include "tst_stayloggedin.moc"
