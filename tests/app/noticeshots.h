#pragma once

#include "ids.h"

#include <QString>

namespace lanchat {
class ChatClient;
class LanguageManager;
class MainWindow;
} // namespace lanchat

namespace lanchat::screenshots {

/**
 * The announcement pictures for docs/screenshots (lanchat-screenshots, last: the banner stays pinned on the window
 * until acknowledged): Bob's must-acknowledge notice pinned on Alice's window ("notice-banner-<lang>"), and Alice's
 * status of her own notice to @p group, which Carol acknowledged and Bob has not ("notice-status-<lang>"), in
 * English and Chinese; each file name ends with @p themeSuffix. @p alice owns @p window and @p group.
 * False (with a message) on failure.
 */
bool saveNoticeStates(ChatClient& alice, ChatClient& bob, ChatClient& carol, ConversationId group, MainWindow& window,
                      LanguageManager& languages, const QString& out, const QString& themeSuffix);

} // namespace lanchat::screenshots
