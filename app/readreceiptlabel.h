#pragma once

#include <QCoreApplication>
#include <QRect>
#include <QString>

class QFont;
class QModelIndex;

namespace lanchat {

/**
 * The read receipt beside an own sent message (MessagesModel's MessageReadCount and MessageReadTotal): in a
 * private chat "Read" once the peer has read it and "Sent" before (Chinese 已读 / 未读, as WeChat Work words it);
 * in a group "N/M read", N the other members who have read it and M the conversation's other members, a link
 * that opens who has and who has not (ReadersPopup). What MessageDelegate paints in its status slot and where
 * a click on it lands. Stateless; GUI thread only.
 */
class ReadReceiptLabel
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::ReadReceiptLabel)

public:
    /** The label of own sent message @p index in a group (@p group) or private chat; empty: nothing to show. */
    static QString text(const QModelIndex& index, bool group);
    /** The label lists who has read it when clicked: an own message in a group with other members. */
    static bool opensList(const QModelIndex& index, bool group);
    /**
     * Where the label's text is drawn inside @p status (right-aligned, in @p font): the click target, empty
     * when the label does not open the list.
     */
    static QRect linkRect(const QRect& status, const QModelIndex& index, bool group, const QFont& font);
};

} // namespace lanchat
