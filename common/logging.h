#pragma once

#include <QLoggingCategory>

// One category per area (style.md); enable with QT_LOGGING_RULES="lanchat.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcProtocol) // lanchat.protocol
Q_DECLARE_LOGGING_CATEGORY(lcServer)   // lanchat.server
Q_DECLARE_LOGGING_CATEGORY(lcStorage)  // lanchat.storage
Q_DECLARE_LOGGING_CATEGORY(lcTransfer) // lanchat.transfer
Q_DECLARE_LOGGING_CATEGORY(lcClient)   // lanchat.client
Q_DECLARE_LOGGING_CATEGORY(lcApp)      // lanchat.app
