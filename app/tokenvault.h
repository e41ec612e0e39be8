#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace lanchat {

/**
 * The device token of "Stay logged in" (docs/protocol.md, "Device tokens"), kept in the system keychain through
 * QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and nowhere else:
 * never in the settings file, never on disk in plain text. One entry of the service "LanChat" per account, named
 * "user@host:port" (entryName()), so a token is only ever offered to the server and user that it was issued for.
 *
 * Every keychain call is asynchronous (QtKeychain runs its jobs one after another in the order they were started,
 * so a write followed by a delete ends deleted). The vault keeps a copy of the token of the account it holds in
 * memory: token() answers at once once loaded() was emitted.
 *
 * When the keychain cannot be used (no Secret Service on the D-Bus session bus, access denied, locked and refused)
 * status() becomes Unavailable: nothing is remembered and the login dialog says so. A missing entry is not an error.
 * GUI thread only.
 */
class TokenVault : public QObject
{
    Q_OBJECT

public:
    /** What is known about the system keychain. */
    enum class Status
    {
        Unknown,     ///< not asked yet (no load() finished)
        Available,   ///< the last call reached it (an entry may still be absent)
        Unavailable, ///< no keychain service, or it refused: nothing can be remembered
    };

    /** The keychain service name every entry is stored under. */
    static constexpr const char* kService = "LanChat";

    explicit TokenVault(QObject* parent = nullptr);
    ~TokenVault() override;

    /** "user@host:port" with user and host lowercased: the keychain entry of one account on one server. */
    static QString entryName(const QString& host, quint16 port, const QString& username);

    /**
     * Reads the entry of @p host, @p port, @p username, which becomes the held account; loaded() follows (also when
     * there is none or the keychain is unavailable: token() is then empty).
     */
    void load(const QString& host, quint16 port, const QString& username);
    /**
     * Stores @p token (protocol::kDeviceTokenBytes) for that account, replacing its entry; the entry of a different
     * account held before is deleted first. Nothing happens while status() is Unavailable.
     */
    void store(const QString& host, quint16 port, const QString& username, const QByteArray& token);
    /** Deletes the held account's entry (logout, revocation, "Stay logged in" turned off). */
    void forget();

    /** The held account's token if it belongs to @p host, @p port, @p username; empty otherwise. */
    QByteArray tokenFor(const QString& host, quint16 port, const QString& username) const;
    Status status() const { return m_status; }
    /** Keychain calls started and not finished yet (tests wait for 0). */
    int pendingJobs() const { return m_pending; }

Q_SIGNALS:
    /** The load() read finished; token() / tokenFor() and status() are up to date. */
    void loaded();
    /** status() changed, e.g. to Unavailable when a call found no keychain. */
    void statusChanged(TokenVault::Status status);

private:
    void startDelete(const QString& entry);
    /** Counts @p job while it runs and turns its outcome into status(). */
    void watch(QKeychain::Job* job);
    void setStatus(Status status);

    Status m_status = Status::Unknown;
    QString m_entry; ///< the held account, entryName(); empty when none
    QByteArray m_token;
    int m_pending = 0;
};

} // namespace lanchat
