#pragma once

#include "ids.h"
#include "pinyinshots.h"

#include <QString>

/**
 * The Organisation tab and the profile card for the screenshot driver. The departments are made the way an
 * administrator makes them: the real `lanchat-server dept add` / `dept manager` / `user set --dept --title`, @p server
 * being {the executable, the running server's data directory, its config file (may be empty)}; the running server
 * pushes the tree to everyone. @p peer fills in a phone,
 * e-mail, signature and a busy status; then @p window (logged in as @p me) is grabbed on the Organisation tab
 * (`organisation-<lang><suffix>`) and the peer's card opened from the people list (`profile-card-<lang><suffix>`),
 * in English and Chinese. The peer goes back online at the end, the sidebar back to the chats. False (with a
 * message) if a step fails.
 */
bool saveProfileCardStates(lanchat::MainWindow& window, lanchat::ChatClient& me, lanchat::ChatClient& peer,
                           lanchat::LanguageManager& languages, const QString& themeSuffix, const QStringList& server,
                           const ShotHooks& hooks);
