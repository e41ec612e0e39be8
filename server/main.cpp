#include "servercli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lanchat-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("LanChat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANCHAT_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz t} %{type} %{category}: %{message}"));
    return lanchat::ServerCli::run(QCoreApplication::arguments());
}
