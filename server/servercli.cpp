#include "servercli.h"

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
    QTextStream(stderr) << "lanchat-server: unknown subcommand '" << command << "' (try: serve; see --help)\n";
    return 2;
}

} // namespace lanchat
