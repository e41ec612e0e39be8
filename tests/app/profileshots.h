#pragma once

#include <QString>

#include <functional>

class QColor;
class QWidget;

namespace lanchat {
class ChatClient;
class LanguageManager;
} // namespace lanchat

namespace lanchat::screenshots {

/**
 * "Edit my profile" for docs/screenshots: alice's dialog with a new photo and her fields filled in
 * ("profile-edit-<lang>"), in English and Chinese; each file name ends with @p themeSuffix. @p save grabs a widget
 * into a named picture. Nothing is saved to the server.
 */
/**
 * Makes @p user's avatar a generated portrait on a background of @p sky, so the lists, the chat header and the
 * message rows show photos (uploaded through the ProfileClient; waits for the server's answer). False on a refusal.
 */
bool givePhoto(ChatClient& user, const QColor& sky);

bool saveProfileStates(ChatClient& alice, LanguageManager& languages, const QString& themeSuffix,
                       const std::function<void(QWidget*, const QString&)>& save);

} // namespace lanchat::screenshots
