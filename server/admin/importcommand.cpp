#include "importcommand.h"

#include "admincontext.h"
#include "deptcommand.h"
#include "logging.h"
#include "passwordhasher.h"
#include "sqlitestorage.h"
#include "userimport.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

namespace lanchat {

int ImportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create or update accounts and departments from a CSV file (header: username, display_name, "
           "department, title, phone, email, password; see docs/admin.md)."));
    AdminContext context;
    context.addOptions(parser);
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Only check the file; change nothing."));
    parser.addOption(dryRun);
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV file (UTF-8)."));
    if (const int code = context.parse(parser, arguments, 1, 1); code != 0)
        return code;
    const QString path = parser.positionalArguments().at(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return AdminContext::fail(tr("cannot read '%1': %2").arg(path, file.errorString()));
    const QByteArray csv = file.read(UserImport::kMaxFileBytes + 1);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const ServerConfig& config = context.config();
    const PasswordHasher hasher({config.hashMemoryKiB, config.hashIterations, config.hashParallelism});
    QElapsedTimer timer;
    timer.start();
    UserImport importer(*storage, &hasher);
    if (!importer.load(csv))
        return AdminContext::fail(tr("%1: %2; nothing was imported").arg(path, importer.error()));
    if (parser.isSet(dryRun)) {
        AdminContext::print(tr("%n account(s) checked, the file can be imported", "", importer.rowCount()));
        return AdminContext::kOk;
    }
    UserImport::Report report;
    if (!importer.apply(QDateTime::currentMSecsSinceEpoch(), &report))
        return AdminContext::fail(tr("%1: %2").arg(path, importer.error()));
    qCInfo(lcServer) << "admin: import" << path << "created" << report.created << "updated" << report.updated
                     << "unchanged" << report.unchanged << "departments" << report.departmentsCreated << "in"
                     << timer.elapsed() << "ms";
    //: %1 created, %2 updated, %3 unchanged accounts, %4 departments created
    AdminContext::print(tr("imported: %1 created, %2 updated, %3 unchanged; %4 department(s) created")
                            .arg(report.created)
                            .arg(report.updated)
                            .arg(report.unchanged)
                            .arg(report.departmentsCreated));
    if (report.withoutPassword > 0)
        AdminContext::print(tr("%n new account(s) without a password cannot log in until one is set (user passwd)", "",
                               report.withoutPassword));
    DeptCommand::notifyDirectoryChanged(context);
    return AdminContext::kOk;
}

} // namespace lanchat
