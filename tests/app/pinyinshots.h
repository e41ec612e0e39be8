#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace lanchat {
class ChatClient;
class LanguageManager;
class MainWindow;
} // namespace lanchat

/** What the screenshot driver lends its scenes: signing a user up (or in) and saving a grab under a name. */
struct ShotHooks
{
    std::function<bool(lanchat::ChatClient& client, const QString& username, const QString& displayName)> enter;
    std::function<void(QWidget* widget, const QString& name)> save;
};

/**
 * Contacts by pinyin for the screenshot driver: two people with Chinese names join, and @p window (logged in as
 * @p me) is grabbed with the sidebar search "zs" finding 张三, then with the @ completer offering 王小明 for "@wxm" in
 * a group, in English and Chinese (`pinyin-sidebar-<lang><suffix>`, `pinyin-mention-<lang><suffix>`). Opens a new
 * group, so it runs after the other pictures. False (with a message) if a step fails.
 */
bool savePinyinStates(lanchat::MainWindow& window, lanchat::ChatClient& me, lanchat::LanguageManager& languages,
                      const QString& themeSuffix, const ShotHooks& hooks);
