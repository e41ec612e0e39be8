#pragma once

#include "sha256.h"
#include "workerthread.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace lanchat {

/**
 * SHA-256 of the first `length` bytes of a file, computed on a thread of its own (a WorkerThread, "lanchat-hash";
 * QtConcurrent is not linked) so that hashing a multi-GB file freezes neither the UI nor the relay's event loop. Used
 * by client uploads (whole file), resumed downloads and the server's resumed upload parts (the `.part` prefix).
 * Created, started and destroyed in the owner's thread; signals arrive there. Destroying it stops the
 * worker at the next 1 MiB block and joins it.
 */
class FileHasher : public QObject
{
    Q_OBJECT

public:
    FileHasher(const QString& path, qint64 length, QObject* parent = nullptr);
    ~FileHasher() override;

    /** Starts the worker; call once. */
    void start();
    /** After finished(true): the running hash state over the prefix (continue it or take result()). */
    Sha256 takeState();

Q_SIGNALS:
    /** About every 32 MiB: bytes hashed so far. */
    void progressed(qint64 bytes);
    /** The worker ended; @p ok is false when the file could not be read or was shorter than length. */
    void finished(bool ok);

private:
    void run();

    QString m_path;
    qint64 m_length;
    Sha256 m_state;
    std::atomic<bool> m_stop{false};
    WorkerThread m_thread; ///< last: destroyed (joined) first, while the members run() uses exist
};

} // namespace lanchat
