#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QStringView>

// One category per area (style.md); enable with QT_LOGGING_RULES="lanchat.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcProtocol) // lanchat.protocol
Q_DECLARE_LOGGING_CATEGORY(lcServer)   // lanchat.server
Q_DECLARE_LOGGING_CATEGORY(lcStorage)  // lanchat.storage
Q_DECLARE_LOGGING_CATEGORY(lcTransfer) // lanchat.transfer
Q_DECLARE_LOGGING_CATEGORY(lcClient)   // lanchat.client
Q_DECLARE_LOGGING_CATEGORY(lcApp)      // lanchat.app

namespace lanchat {

/** Characters of a peer-supplied string that a log line keeps (logText()). */
constexpr qsizetype kLogTextChars = 64;

/**
 * @p text as a log line may hold it: at most @p maxChars characters, then "…(N chars)" with the full length.
 * For every string a peer chose (message types, client names, user names): a frame of up to max_frame bytes
 * must not become a log line of that size. Thread-safe (pure function).
 */
QString logText(QStringView text, qsizetype maxChars = kLogTextChars);

} // namespace lanchat
