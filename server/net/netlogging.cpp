#include "netlogging.h"

Q_LOGGING_CATEGORY(lcNet, "lanchat.server", QtInfoMsg)
