#include "secretservicefixture.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <qt6keychain/keychain.h>

namespace lanchat::test {

namespace {

const QString kConnectionName = QStringLiteral("lanchat-secret-service-fixture");
const QString kService = QStringLiteral("LanChat"); // TokenVault::kService; the fixture does not link the app

/** Runs @p job to its end (QtKeychain jobs are asynchronous); false when it did not finish within 30 s. */
bool finish(QKeychain::Job* job)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    return !finished.isEmpty() || finished.wait(30000);
}

} // namespace

SecretServiceFixture::SecretServiceFixture() = default;

SecretServiceFixture::~SecretServiceFixture()
{
    stop();
    if (m_addressChanged) {
        if (m_hadAddress)
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_savedAddress);
        else
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }
}

void SecretServiceFixture::setAddress(const QByteArray& address)
{
    if (!m_addressChanged) {
        m_hadAddress = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
        m_savedAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        m_addressChanged = true;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
}

void SecretServiceFixture::pointAtNothing()
{
    setAddress("unix:path=" + QDir(m_dir.path()).filePath(QStringLiteral("no-bus-here")).toUtf8());
}

bool SecretServiceFixture::start()
{
    if (!m_dir.isValid()) {
        m_reason = QStringLiteral("no temporary directory");
        return false;
    }
    for (const char* program : {"dbus-daemon", "gnome-keyring-daemon"}) {
        if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty()) {
            m_reason =
                QStringLiteral("%1 is not installed (Debian: dbus-daemon, gnome-keyring)").arg(QLatin1String(program));
            return false;
        }
    }
    if (!startBus() || !startKeyring())
        return false;
    if (!keyringAnswers()) {
        stop();
        return false;
    }
    setAddress(m_address.toUtf8());
    return true;
}

bool SecretServiceFixture::startBus()
{
    // A session bus of our own, without the system's service files: nothing may be started by D-Bus activation
    // (it would start a second, locked keyring that takes the Secret Service name from ours).
    const QDir dir(m_dir.path());
    const QByteArray config = "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                              "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                              "<busconfig><type>session</type><listen>unix:path=" +
                              dir.filePath(QStringLiteral("bus")).toUtf8() +
                              "</listen><policy context=\"default\"><allow send_destination=\"*\"/>"
                              "<allow own=\"*\"/><allow receive_sender=\"*\"/></policy></busconfig>\n";
    QFile configFile(dir.filePath(QStringLiteral("bus.conf")));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config) != config.size()) {
        m_reason = QStringLiteral("cannot write the bus configuration");
        return false;
    }
    configFile.close();
    m_bus.setProcessChannelMode(QProcess::SeparateChannels);
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--config-file=") + configFile.fileName(), QStringLiteral("--nofork"),
                 QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
    if (!m_bus.waitForStarted(10000)) {
        m_reason = QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
        return false;
    }
    // It prints the address once it listens.
    const QDeadlineTimer deadline(10000);
    while (!m_bus.canReadLine() && !deadline.hasExpired() && m_bus.state() == QProcess::Running)
        m_bus.waitForReadyRead(int(deadline.remainingTime()));
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    if (m_address.isEmpty()) {
        m_reason = QStringLiteral("dbus-daemon printed no address: ") + QString::fromUtf8(m_bus.readAllStandardError());
        stop();
        return false;
    }
    return true;
}

bool SecretServiceFixture::startKeyring()
{
    const QDir home(m_dir.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (!home.mkpath(QStringLiteral("run")) ||
        !QFile::setPermissions(home.filePath(QStringLiteral("run")),
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_reason = QStringLiteral("cannot create the runtime directory");
        stop();
        return false;
    }
    m_keyring.setProcessEnvironment(env);
    m_keyring.setProcessChannelMode(QProcess::MergedChannels);
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"), {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                                             QStringLiteral("--components=secrets")});
    if (!m_keyring.waitForStarted(10000)) {
        m_reason = QStringLiteral("gnome-keyring-daemon did not start: ") + m_keyring.errorString();
        stop();
        return false;
    }
    // The new "login" keyring is created with, and unlocked by, this password.
    m_keyring.write("lanchat-test-keyring\n");
    m_keyring.closeWriteChannel();
    return true;
}

bool SecretServiceFixture::keyringAnswers()
{
    bool ready = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, kConnectionName);
        const QDeadlineTimer deadline(20000);
        while (!ready && !deadline.hasExpired() && m_keyring.state() == QProcess::Running) {
            QDBusMessage call = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
            call << QStringLiteral("default");
            const QDBusMessage reply = bus.call(call, QDBus::Block, 2000);
            ready = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty() &&
                    reply.arguments().constFirst().value<QDBusObjectPath>().path() != QLatin1String("/");
            if (!ready)
                m_keyring.waitForFinished(50); // wakes at once if the daemon gave up
        }
    }
    QDBusConnection::disconnectFromBus(kConnectionName);
    if (!ready)
        m_reason = QStringLiteral("gnome-keyring-daemon offers no unlocked default collection: ") +
                   QString::fromUtf8(m_keyring.readAll()).trimmed();
    return ready;
}

QByteArray SecretServiceFixture::readEntry(const QString& key, bool* found, QString* error)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    const bool done = finish(&job);
    *found = done && job.error() == QKeychain::NoError;
    if (error)
        *error = done ? job.errorString() : QStringLiteral("no answer");
    return *found ? job.binaryData() : QByteArray();
}

bool SecretServiceFixture::writeEntry(const QString& key, const QByteArray& secret)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setBinaryData(secret);
    return finish(&job) && job.error() == QKeychain::NoError;
}

void SecretServiceFixture::stop()
{
    for (QProcess* process : {&m_keyring, &m_bus}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        if (!process->waitForFinished(10000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
}

} // namespace lanchat::test
