#pragma once

#include "ids.h"
#include "itembackgrounddelegate.h"

#include <functional>

namespace lanchat {

class AvatarPixmaps;

/**
 * Paints one row of the conversation list (the peer's photo or initials, status dot for private chats, title,
 * last-message preview or "[Draft] text" in red while the user has an unsent draft there, time of last
 * activity, unread badge, a folded corner on pinned ones) or of the contacts list (avatar, presence,
 * display name, username), reading only the roles of client/modelroles.h. A muted conversation has a
 * crossed-out speaker after its title, a grey unread badge with a normal-weight count, and a normal-weight title.
 */
class ConversationListDelegate : public ItemBackgroundDelegate
{
    Q_OBJECT

public:
    enum class Mode
    {
        Conversations, ///< rows of ConversationsModel
        Contacts,      ///< rows of ContactsModel
    };

    explicit ConversationListDelegate(Mode mode, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    /** Which conversations are muted (the app's settings keep that); none without a lookup. */
    void setMutedLookup(std::function<bool(ConversationId)> isMuted) { m_isMuted = std::move(isMuted); }
    /** @p avatars (may be null, not owned) gives people's pictures; without it every person shows initials. */
    void setAvatars(AvatarPixmaps* avatars) { m_avatars = avatars; }
    /** Background of the unread badge: red, or grey for a muted conversation. */
    static QColor badgeColor(bool muted);

private:
    void paintBadge(QPainter* painter, const QRect& textRect, int unread, bool muted,
                    const QStyleOptionViewItem& option) const;
    static void paintMutedMark(QPainter* painter, const QRect& rect, const QColor& color);

    void paintPinMark(QPainter* painter, const QRect& row) const;

    Mode m_mode;
    std::function<bool(ConversationId)> m_isMuted;
    AvatarPixmaps* m_avatars = nullptr;
};

} // namespace lanchat
