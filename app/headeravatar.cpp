#include "headeravatar.h"

#include "avatarpainter.h"
#include "avatarpixmaps.h"
#include "modelroles.h"
#include "statusbadgepainter.h"

#include <QModelIndex>
#include <QPainter>

namespace lanchat {

HeaderAvatar::HeaderAvatar(AvatarPixmaps* avatars, QWidget* parent)
    : QWidget(parent)
    , m_avatars(avatars)
{
    setObjectName(QStringLiteral("conversationAvatar"));
    setFixedSize(kSize, kSize);
    if (m_avatars)
        m_avatars->repaintOnArrival(this);
}

void HeaderAvatar::showConversation(const QModelIndex& index)
{
    const bool group = index.data(roles::ConversationIsGroup).toBool();
    const QString title = index.data(roles::ConversationTitle).toString();
    // Same colour and initials as the conversation list's row, so the header reads as the chat that was clicked.
    m_initials = AvatarPainter::initials(title, group ? AvatarPainter::Kind::Group : AvatarPainter::Kind::Person);
    m_key = index.data(group ? int(roles::ConversationId) : int(roles::ConversationPeerId)).toLongLong();
    m_picture = group ? QByteArray() : index.data(roles::ConversationPeerAvatar).toByteArray();
    m_status = !group && index.data(roles::ConversationPeerPresenceKnown).toBool()
                   ? index.data(roles::ConversationPeerStatus).toString()
                   : QString();
    update();
}

void HeaderAvatar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRect avatar(0, 0, kSize - 4, kSize - 4); // room for the dot's ring
    AvatarPixmaps::paint(m_avatars, &painter, avatar, m_picture, m_initials, m_key);
    if (!m_status.isEmpty())
        StatusBadgePainter::paint(&painter, avatar, m_status);
}

} // namespace lanchat
