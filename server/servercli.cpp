#include "servercli.h"

#include "admin/auditcommand.h"
#include "admin/backupcommand.h"
#include "admin/broadcastcommand.h"
#include "admin/checkcommand.h"
#include "admin/deptcommand.h"
#include "admin/groupcommand.h"
#include "admin/importcommand.h"
#include "admin/ldapcommand.h"
#include "admin/messagecommand.h"
#include "admin/noticecommand.h"
#include "admin/prunecommand.h"
#include "admin/statscommand.h"
#include "admin/usercommand.h"
#include "servecommand.h"

#include <QTextStream>

namespace lanchat {

int ServerCli::run(const QStringList& arguments)
{
    QStringList rest = arguments;
    QString command = QStringLiteral("serve");
    if (rest.size() > 1 && !rest.at(1).startsWith(QLatin1Char('-'))) {
        command = rest.at(1);
        rest.removeAt(1);
    }
    if (command == QLatin1String("serve"))
        return ServeCommand::run(rest);
    if (command == QLatin1String("user"))
        return UserCommand::run(rest);
    if (command == QLatin1String("group"))
        return GroupCommand::run(rest);
    if (command == QLatin1String("dept"))
        return DeptCommand::run(rest);
    if (command == QLatin1String("import"))
        return ImportCommand::run(rest);
    if (command == QLatin1String("stats"))
        return StatsCommand::run(rest);
    if (command == QLatin1String("backup"))
        return BackupCommand::runBackup(rest);
    if (command == QLatin1String("restore"))
        return BackupCommand::runRestore(rest);
    if (command == QLatin1String("check"))
        return CheckCommand::run(rest);
    if (command == QLatin1String("prune"))
        return PruneCommand::run(rest);
    if (command == QLatin1String("broadcast"))
        return BroadcastCommand::run(rest);
    if (command == QLatin1String("audit"))
        return AuditCommand::run(rest);
    if (command == QLatin1String("message"))
        return MessageCommand::run(rest);
    if (command == QLatin1String("notice"))
        return NoticeCommand::run(rest);
    if (command == QLatin1String("ldap"))
        return LdapCommand::run(rest);
    //: the subcommand names are typed as they are: keep them in English
    QTextStream(stderr) << "lanchat-server: "
                        << tr("unknown subcommand '%1' (try: serve, user, group, stats, backup, restore, check, "
                              "prune, broadcast, audit, message, dept, import, ldap, notice; see docs/admin.md)")
                               .arg(command)
                        << "\n";
    return 2;
}

} // namespace lanchat
