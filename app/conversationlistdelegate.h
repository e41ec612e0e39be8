#pragma once

#include <QStyledItemDelegate>

namespace lanchat {

/**
 * Paints one row of the conversation list (initials avatar, presence dot for private chats, title,
 * last-message preview or "[Draft] text" in red while the user has an unsent draft there, time of last
 * activity, unread badge, a folded corner on pinned ones) or of the contacts list (avatar, presence,
 * display name, username), reading only the roles of client/modelroles.h.
 */
class ConversationListDelegate : public QStyledItemDelegate
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

private:
    void paintBadge(QPainter* painter, const QRect& textRect, int unread, const QStyleOptionViewItem& option) const;

    void paintPinMark(QPainter* painter, const QRect& row) const;

    Mode m_mode;
};

} // namespace lanchat
