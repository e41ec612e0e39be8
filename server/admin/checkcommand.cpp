#include "checkcommand.h"

#include "admincontext.h"
#include "files/filestore.h"
#include "sha256.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

namespace lanchat {

namespace {

/** Blob records against files: missing, wrong size, wrong hash, and files without a record. */
QStringList checkStore(Storage& storage, const QString& dataDir)
{
    QStringList problems;
    const FileStore store(dataDir);
    QSet<QString> recorded;
    for (const auto& [sha256, size, createdMs] : storage.blobs()) {
        const QString path = store.blobPath(sha256);
        recorded.insert(QFileInfo(path).absoluteFilePath());
        const QFileInfo info(path);
        if (!info.exists())
            problems.append(
                CheckCommand::tr("orphan record: blob %1 has no file").arg(QString::fromLatin1(sha256.toHex())));
        else if (info.size() != size)
            problems.append(
                CheckCommand::tr("wrong size: %1 has %2 bytes, recorded %3").arg(path).arg(info.size()).arg(size));
        else if (Sha256::hashFile(path) != sha256)
            problems.append(CheckCommand::tr("corrupt blob: %1 does not hash to its name").arg(path));
    }
    const QString root = QDir(dataDir).filePath(QStringLiteral("files"));
    QSet<QString> parts;
    for (const UploadRecord& upload : storage.uploads())
        parts.insert(QFileInfo(store.partPath(upload.id)).absoluteFilePath());
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QFileInfo(it.next()).absoluteFilePath();
        const bool isPart = QFileInfo(path).dir().dirName() == QLatin1String("tmp");
        if (isPart ? !parts.contains(path) : !recorded.contains(path))
            problems.append((isPart ? CheckCommand::tr("orphan file: %1 has no upload record")
                                    : CheckCommand::tr("orphan file: %1 has no blob record"))
                                .arg(path));
    }
    return problems;
}

} // namespace

int CheckCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check the database and the file store; lists every problem, exit code 1 when there is any."));
    AdminContext context;
    context.addOptions(parser);
    if (const int code = context.parse(parser, arguments, 0, 0); code != 0)
        return code;
    if (!QFileInfo::exists(context.config().databasePath()))
        return AdminContext::fail(tr("no database at %1").arg(context.config().databasePath()));
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const QStringList problems = storage->checkIntegrity() + checkStore(*storage, context.config().dataDir);
    for (const QString& problem : problems)
        AdminContext::print(problem);
    AdminContext::print(
        problems.isEmpty()
            ? tr("check: ok (database and %n file(s))", nullptr, AdminContext::pluralCount(storage->blobs().size()))
            : tr("check: %n problem(s)", nullptr, AdminContext::pluralCount(problems.size())));
    return problems.isEmpty() ? AdminContext::kOk : AdminContext::kFailure;
}

} // namespace lanchat
