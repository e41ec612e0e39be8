#pragma once

#include <QStyledItemDelegate>

namespace lanchat {

/**
 * Paints one row of the conversation list (initials avatar, presence dot for private chats, title,
 * last-message preview, time of last activity, unread badge) or of the contacts list (avatar, presence,
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

    Mode m_mode;
};

} // namespace lanchat
