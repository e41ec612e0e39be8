#pragma once

#include <QLoggingCategory>

// The transport's log category. Its name is the relay's, "lanchat.server", so that log filters and the journal
// read as before the transport became its own library; the symbol is its own because this layer links no LanChat
// library (common/logging.h declares lcServer for the layers above).
Q_DECLARE_LOGGING_CATEGORY(lcNet) // lanchat.server
