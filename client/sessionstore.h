#pragma once

#include "ids.h"
#include "outgoingqueue.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace lanchat {

/**
 * What the client remembers between runs: pinned certificate fingerprints (`pins/<host:port>`), the
 * last seq synced per server and user (`sync/<host:port>/<username>`), so a restarted client asks
 * `sync` only for what it missed, and the user's unacknowledged messages (`outbox/<host:port>/<username>`),
 * resent with their original client_msg_id after a restart, except those the server refused for good
 * (kept with the error code, shown as failed until the user retries), the files the user downloaded
 * (`downloads/<host:port>/<username>`), and the user's drafts and pinned conversations (`drafts/…`, `pinned/…`,
 * through userValue()). Backed by QSettings (the application's default scope unless another is
 * injected) or, for tests, by memory only. Not thread-safe; used from the ChatClient's thread.
 */
class SessionStore
{
public:
    SessionStore();
    ~SessionStore();

    /**
     * Where to persist: @p settings (not owned, must outlive the store), or nullptr for memory only.
     * Without a call, a default QSettings() is created on first use.
     */
    void setSettings(QSettings* settings);

    /** Pinned fingerprint (lowercase hex) for an endpoint key "host:port", empty if none. */
    QString pin(const QString& endpoint) const;
    void setPin(const QString& endpoint, const QString& fingerprint);

    /** Last seq synced from @p endpoint for @p username (case-insensitive), 0 if never. */
    Seq lastSeq(const QString& endpoint, const QString& username) const;
    void setLastSeq(const QString& endpoint, const QString& username, Seq seq);

    /** Unacknowledged messages of @p username at @p endpoint, oldest first. */
    QList<OutgoingQueue::Entry> outbox(const QString& endpoint, const QString& username) const;
    void setOutbox(const QString& endpoint, const QString& username, const QList<OutgoingQueue::Entry>& entries);

    /** Completed downloads of @p username at @p endpoint (`downloads/<host:port>/<username>`), as DownloadRegistry
     * keeps them. */
    QVariantList downloads(const QString& endpoint, const QString& username) const;
    void setDownloads(const QString& endpoint, const QString& username, const QVariantList& entries);

    /**
     * Other per-user state of @p username at @p endpoint under `<section>/<host:port>/<username>` (the app's
     * drafts and pinned conversations); an invalid QVariant when never set.
     */
    QVariant userValue(const QString& section, const QString& endpoint, const QString& username) const;
    void setUserValue(const QString& section, const QString& endpoint, const QString& username, const QVariant& value);

private:
    QVariant value(const QString& key) const;
    void setValue(const QString& key, const QVariant& value);

    bool m_memoryOnly = false;
    QSettings* m_external = nullptr;
    mutable std::unique_ptr<QSettings> m_default;
    QHash<QString, QVariant> m_memory;
};

} // namespace lanchat
