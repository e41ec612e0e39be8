#pragma once

#include "ids.h"

#include <QString>

#include <functional>

class QWidget;

namespace lanchat {
class ChatClient;
class LanguageManager;
} // namespace lanchat

namespace lanchat::screenshots {

/**
 * The group roles' pictures for docs/screenshots (lanchat-screenshots, after every other picture: it makes @p admin
 * an admin of @p group, which adds a system line): the owner's member list with the Owner and Admin badges
 * ("group-roles-<lang>") and the owner's context menu on a plain member ("group-owner-menu-<lang>"), in English
 * and Chinese; each file name ends with @p themeSuffix. @p owner owns @p group. @p save writes one picture.
 * False (with a message) on failure.
 */
bool saveGroupRoleStates(ChatClient& owner, ChatClient& admin, ConversationId group, UserId plainMember,
                         LanguageManager& languages, const QString& themeSuffix,
                         const std::function<void(QWidget*, const QString&)>& save);

} // namespace lanchat::screenshots
