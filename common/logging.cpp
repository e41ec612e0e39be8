#include "logging.h"

Q_LOGGING_CATEGORY(lcProtocol, "lanchat.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "lanchat.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "lanchat.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "lanchat.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClient, "lanchat.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "lanchat.app", QtInfoMsg)

namespace lanchat {

QString logText(QStringView text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text.toString();
    return text.left(maxChars).toString() + QStringLiteral("…(%1 chars)").arg(text.size());
}

} // namespace lanchat
