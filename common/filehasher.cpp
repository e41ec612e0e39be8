#include "filehasher.h"

#include <QFile>
#include <QMetaObject>

namespace lanchat {

namespace {
constexpr qint64 kBlockBytes = 1024 * 1024;
constexpr qint64 kProgressEveryBytes = 32 * kBlockBytes;
} // namespace

FileHasher::FileHasher(const QString& path, qint64 length, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_length(length)
    , m_thread(QStringLiteral("lanchat-hash"))
{}

FileHasher::~FileHasher()
{
    m_stop = true; // then m_thread, the last member, joins the worker at its next block
}

void FileHasher::start()
{
    m_thread.start();
    m_thread.post([this] { run(); });
}

Sha256 FileHasher::takeState()
{
    return std::move(m_state);
}

void FileHasher::run()
{
    // Results travel back as queued calls: they run in the owner's thread, and Qt drops them if this
    // object is destroyed first (m_thread joins before the object goes away).
    const auto report = [this](bool ok) { QMetaObject::invokeMethod(this, [this, ok] { Q_EMIT finished(ok); }); };
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < m_length) {
        report(false);
        return;
    }
    QByteArray block(kBlockBytes, Qt::Uninitialized);
    qint64 done = 0;
    qint64 nextReport = kProgressEveryBytes;
    while (done < m_length) {
        if (m_stop)
            return;
        const qint64 n = file.read(block.data(), qMin(kBlockBytes, m_length - done));
        if (n <= 0) {
            report(false);
            return;
        }
        m_state.addData(block.constData(), n);
        done += n;
        if (done >= nextReport) {
            nextReport += kProgressEveryBytes;
            QMetaObject::invokeMethod(this, [this, done] { Q_EMIT progressed(done); });
        }
    }
    report(true);
}

} // namespace lanchat
