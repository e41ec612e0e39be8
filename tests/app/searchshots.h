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
 * The search panel's pictures for docs/screenshots (lanchat-screenshots, after every other picture: it adds a few
 * messages): Ctrl+Shift+F with Chinese hits ("search-<lang>"), Ctrl+F in the private chat with English hits in a
 * small window ("search-in-chat-<lang>"), in English and Chinese; each file name ends with @p themeSuffix.
 * @p alice owns @p window; @p bob and @p carol write in @p chat and @p group. False (with a message) on failure.
 */
bool saveSearchStates(ChatClient& alice, ChatClient& bob, ChatClient& carol, ConversationId chat, ConversationId group,
                      MainWindow& window, LanguageManager& languages, const QString& out, const QString& themeSuffix);

} // namespace lanchat::screenshots
