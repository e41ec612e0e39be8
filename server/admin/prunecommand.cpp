#include "prunecommand.h"

#include "admincontext.h"
#include "retention.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace lanchat {

int PruneCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Apply retention now: delete messages older than retention_days, files older than file_retention_days "
           "and the oldest files beyond store_quota_bytes (0 = rule off)."));
    AdminContext context;
    context.addOptions(parser);
    if (const int code = context.parse(parser, arguments, 0, 0); code != 0)
        return code;
    const ServerConfig& config = context.config();
    if (config.retentionDays <= 0 && config.fileRetentionDays <= 0 && config.storeQuotaBytes <= 0) {
        //: retention_days, file_retention_days and store_quota_bytes are config keys: keep them as they are
        AdminContext::print(tr("retention is off (retention_days, file_retention_days and store_quota_bytes are 0): "
                               "nothing to do"));
        return AdminContext::kOk;
    }
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const Retention::Result result = Retention::apply(*storage, config, QDateTime::currentMSecsSinceEpoch());
    //: %1 is "N messages", %2 "N files", %3 the bytes freed
    AdminContext::print(tr("deleted %1 and %2 (%3 bytes)")
                            .arg(tr("%n message(s)", nullptr, AdminContext::pluralCount(result.messages)),
                                 tr("%n file(s)", nullptr, AdminContext::pluralCount(result.files)))
                            .arg(result.fileBytes));
    return AdminContext::kOk;
}

} // namespace lanchat
