#include "downloadregistry.h"

#include "filehasher.h"
#include "logging.h"
#include "sessionstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QVariantList>
#include <QVariantMap>

#include <algorithm>
#include <vector>

namespace lanchat {

namespace {

const QString kSha = QStringLiteral("sha256");
const QString kPath = QStringLiteral("path");
const QString kSize = QStringLiteral("size");
const QString kMtime = QStringLiteral("mtime");

qint64 mtimeOf(const QFileInfo& info)
{
    return info.lastModified().toMSecsSinceEpoch();
}

} // namespace

DownloadRegistry::DownloadRegistry(QObject* parent)
    : QObject(parent)
{}

DownloadRegistry::~DownloadRegistry()
{
    stopRechecks();
}

void DownloadRegistry::attach(SessionStore* store, const QString& endpoint, const QString& username)
{
    if (store == m_store && endpoint == m_endpoint && username.compare(m_username, Qt::CaseInsensitive) == 0)
        return;
    stopRechecks();
    m_store = store;
    m_endpoint = endpoint;
    m_username = username;
    m_entries.clear();
    load();
}

void DownloadRegistry::record(const QByteArray& sha256, const QString& path)
{
    const QFileInfo info(path);
    if (sha256.isEmpty() || !info.isFile())
        return;
    if (FileHasher* running = m_rechecks.take(sha256))
        delete running; // the new file is verified already
    m_entries.insert(sha256, Entry{info.absoluteFilePath(), info.size(), mtimeOf(info), m_nextOrder++});
    while (m_entries.size() > kMaxEntries) {
        const auto oldest = std::min_element(m_entries.cbegin(), m_entries.cend(),
                                             [](const Entry& a, const Entry& b) { return a.order < b.order; });
        forget(oldest.key());
    }
    save();
}

QString DownloadRegistry::path(const QByteArray& sha256)
{
    const auto it = m_entries.constFind(sha256);
    if (it == m_entries.cend())
        return {};
    const QFileInfo info(it->path);
    if (!info.isFile() || info.size() != it->size) {
        qCInfo(lcTransfer) << "download no longer there:" << it->path;
        forget(sha256);
        save();
        return {};
    }
    if (mtimeOf(info) == it->mtimeMs)
        return it->path;
    // Same size, another mtime: only the hash can say whether it is still the same content.
    recheck(sha256, *it);
    return {};
}

QString DownloadRegistry::recordedPath(const QByteArray& sha256) const
{
    return m_entries.value(sha256).path;
}

void DownloadRegistry::recheck(const QByteArray& sha256, const Entry& entry)
{
    if (m_rechecks.contains(sha256))
        return;
    auto* hasher = new FileHasher(entry.path, entry.size, this);
    m_rechecks.insert(sha256, hasher);
    connect(hasher, &FileHasher::finished, this, [this, sha256, hasher](bool ok) { onRechecked(sha256, hasher, ok); });
    hasher->start();
}

void DownloadRegistry::onRechecked(const QByteArray& sha256, FileHasher* hasher, bool ok)
{
    if (m_rechecks.value(sha256) != hasher)
        return; // superseded by record() or attach()
    m_rechecks.remove(sha256);
    const bool same = ok && hasher->takeState().result() == sha256;
    hasher->deleteLater();
    const auto it = m_entries.find(sha256);
    if (it == m_entries.end())
        return;
    const QFileInfo info(it->path);
    if (same && info.isFile() && info.size() == it->size) {
        it->mtimeMs = mtimeOf(info);
    } else {
        qCInfo(lcTransfer) << "download changed since:" << it->path;
        forget(sha256);
    }
    save();
    Q_EMIT rechecked(sha256, same);
}

void DownloadRegistry::forget(const QByteArray& sha256)
{
    m_entries.remove(sha256);
    if (FileHasher* running = m_rechecks.take(sha256))
        running->deleteLater();
}

void DownloadRegistry::load()
{
    if (!m_store)
        return;
    const QVariantList list = m_store->downloads(m_endpoint, m_username);
    for (const QVariant& value : list) {
        const QVariantMap map = value.toMap();
        const QByteArray sha = QByteArray::fromHex(map.value(kSha).toString().toLatin1());
        Entry entry{map.value(kPath).toString(), map.value(kSize).toLongLong(), map.value(kMtime).toLongLong(),
                    m_nextOrder++};
        if (sha.size() == 32 && !entry.path.isEmpty() && entry.size >= 0)
            m_entries.insert(sha, std::move(entry));
    }
}

void DownloadRegistry::save()
{
    if (!m_store)
        return;
    std::vector<std::pair<QByteArray, const Entry*>> sorted;
    sorted.reserve(size_t(m_entries.size()));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        sorted.emplace_back(it.key(), &it.value());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second->order < b.second->order; });
    QVariantList list;
    list.reserve(qsizetype(sorted.size()));
    for (const auto& [sha, entry] : sorted) {
        list.append(QVariantMap{{kSha, QString::fromLatin1(sha.toHex())},
                                {kPath, entry->path},
                                {kSize, entry->size},
                                {kMtime, entry->mtimeMs}});
    }
    m_store->setDownloads(m_endpoint, m_username, list);
}

void DownloadRegistry::stopRechecks()
{
    // Destroying a FileHasher joins its thread after the current 1 MiB block.
    qDeleteAll(m_rechecks);
    m_rechecks.clear();
}

} // namespace lanchat
