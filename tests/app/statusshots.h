#pragma once

#include "ids.h"
#include "pinyinshots.h"

#include <QString>

/**
 * Status for the screenshot driver: @p peer sets "busy" with a Chinese status text, and @p window (logged in as
 * @p me) is grabbed with the private chat @p chat showing it in the header (`status-header-<lang><suffix>`), with the
 * own status menu open (`status-menu-<lang><suffix>`), and the account dialog with its sessions
 * (`account-<lang><suffix>`), in English and Chinese. The peer goes back online at the end. False (with a message)
 * if a step fails.
 */
bool saveStatusStates(lanchat::MainWindow& window, lanchat::ChatClient& me, lanchat::ChatClient& peer,
                      lanchat::ConversationId chat, lanchat::LanguageManager& languages, const QString& themeSuffix,
                      const ShotHooks& hooks);
