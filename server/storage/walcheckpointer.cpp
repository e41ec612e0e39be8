#include "walcheckpointer.h"

#include "logging.h"

#include <sqlite3.h>

namespace lanchat {

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(const QString& path, sqlite3* writer, int thresholdPages,
                                                        QString* error)
{
    sqlite3* own = nullptr;
    const QByteArray file = path.toUtf8();
    if (!writer || sqlite3_open_v2(file.constData(), &own, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(own, "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("cannot open a checkpoint connection to %1: %2")
                     .arg(path, QString::fromUtf8(own ? sqlite3_errmsg(own) : "no writer"));
        sqlite3_close(own);
        return nullptr;
    }
    // Its own checkpoints would run inside its own (non-existent) commits only: off, to be explicit.
    sqlite3_wal_autocheckpoint(own, 0);
    // How long the RESTART step may wait for the running commit to finish (it retries after the next one).
    sqlite3_busy_timeout(own, kRestartWaitMs);
    return std::unique_ptr<WalCheckpointer>(new WalCheckpointer(own, writer, thresholdPages));
}

WalCheckpointer::WalCheckpointer(sqlite3* own, sqlite3* writer, int thresholdPages)
    : m_db(own, &sqlite3_close)
    , m_writer(writer)
    , m_thresholdPages(thresholdPages)
    , m_thread(QStringLiteral("lanchat-wal"))
{
    m_thread.start();
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this); // replaces the automatic checkpoint
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_autocheckpoint(m_writer, m_thresholdPages); // removes our hook, restores SQLite's own
    // A queued checkpoint is skipped (the writer checkpoints by itself from now on); m_thread, the last member,
    // then joins a running one before m_db closes.
    m_stopping = true;
}

int WalCheckpointer::checkpoints() const
{
    return m_checkpoints;
}

int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int walPages)
{
    // On the committing thread, inside COMMIT: only a wake-up, never I/O.
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    if (walPages >= checkpointer->m_thresholdPages && !checkpointer->m_wanted.exchange(true))
        checkpointer->m_thread.post([checkpointer] { checkpointer->checkpoint(); });
    return SQLITE_OK;
}

void WalCheckpointer::checkpoint()
{
    if (m_stopping)
        return;
    int walPages = 0;
    int copied = 0;
    // The bulk, without blocking anyone.
    int rc = sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &walPages, &copied);
    if (rc == SQLITE_OK) {
        // Then the few pages committed meanwhile, holding the writer off for just that, so that the next
        // commit rewinds the WAL: under a steady load a passive checkpoint alone always finishes after
        // the next transaction began, and the WAL would grow without end.
        rc = sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_RESTART, &walPages, &copied);
    }
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        qCWarning(lcStorage) << "WAL checkpoint failed:" << sqlite3_errmsg(m_db.get());
    else
        qCDebug(lcStorage) << "WAL checkpoint:" << copied << "of" << walPages << "pages copied"
                           << (rc == SQLITE_OK ? "(WAL rewound)" : "(busy; again after the next commit)");
    ++m_checkpoints;
    // Commits during the run posted nothing; the WAL is rewound (or the next commit asks anew if busy).
    m_wanted = false;
}

} // namespace lanchat
