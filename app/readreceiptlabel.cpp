#include "readreceiptlabel.h"

#include "modelroles.h"

#include <QFont>
#include <QFontMetrics>
#include <QModelIndex>

namespace lanchat {

QString ReadReceiptLabel::text(const QModelIndex& index, bool group)
{
    const int readers = index.data(roles::MessageReadCount).toInt();
    if (!group && readers > 0) {
        //: read receipt beside an own message in a private chat: the peer has read it
        return tr("Read");
    }
    if (!group) {
        //: read receipt beside an own message in a private chat: stored, the peer has not read it yet (Chinese:
        //: 未读, as WeChat Work says)
        return tr("Sent");
    }
    const int others = index.data(roles::MessageReadTotal).toInt();
    if (others <= 0)
        return {};
    //: read receipt beside an own message in a group: %1 of the %2 other members have read it; click for names
    return tr("%1/%2 read").arg(readers).arg(others);
}

bool ReadReceiptLabel::opensList(const QModelIndex& index, bool group)
{
    return group && index.data(roles::MessageIsOwn).toBool() && index.data(roles::MessageSeq).toLongLong() > 0 &&
           index.data(roles::MessageReadTotal).toInt() > 0;
}

QRect ReadReceiptLabel::linkRect(const QRect& status, const QModelIndex& index, bool group, const QFont& font)
{
    if (!opensList(index, group))
        return {};
    const int width = qMin(status.width(), QFontMetrics(font).horizontalAdvance(text(index, group)) + 2);
    return QRect(status.right() - width + 1, status.top(), width, status.height());
}

} // namespace lanchat
