#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace lanchat::test {

/**
 * A real Secret Service for the keychain tests, started by the test itself: a private D-Bus session bus
 * (dbus-daemon) on a socket in a temporary directory and GNOME Keyring (`gnome-keyring-daemon --foreground --unlock
 * --components=secrets`, the keyring password on its stdin) in it, with HOME and the XDG folders in that directory so
 * the user's own keyring is never touched. start() points DBUS_SESSION_BUS_ADDRESS of this process at the bus, so it
 * must run before anything in the process opens the session bus (QtKeychain, QtDBus, GDBus each keep the first one).
 * Works as root and without X (CI). stop() and the destructor end both daemons and restore the variable.
 * Test thread only.
 */
class SecretServiceFixture
{
public:
    SecretServiceFixture();
    ~SecretServiceFixture();

    /**
     * Starts the bus and the keyring and waits (at most 20 s) until the keyring's default collection answers; false
     * with reason() set when something is missing or does not start (for QSKIP).
     */
    bool start();
    void stop();
    /** Why start() failed. */
    QString reason() const { return m_reason; }
    /** The private bus, as in DBUS_SESSION_BUS_ADDRESS. */
    QString busAddress() const { return m_address; }

    /**
     * Points DBUS_SESSION_BUS_ADDRESS at a socket path where nothing listens: a session with no keychain (and no
     * bus). The variable is restored by the destructor.
     */
    void pointAtNothing();

    /**
     * The LanChat keychain entry @p key (service TokenVault::kService), read through QtKeychain; empty with
     * @p found false when there is none (or the keychain failed: @p error gets its message).
     */
    static QByteArray readEntry(const QString& key, bool* found, QString* error = nullptr);
    /** Writes the LanChat keychain entry @p key; false when the keychain refused. */
    static bool writeEntry(const QString& key, const QByteArray& secret);

private:
    bool startBus();
    bool startKeyring();
    bool keyringAnswers();
    void setAddress(const QByteArray& address);

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    QString m_reason;
    QByteArray m_savedAddress;
    bool m_hadAddress = false;
    bool m_addressChanged = false;
};

} // namespace lanchat::test
