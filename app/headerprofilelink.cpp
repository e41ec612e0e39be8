#include "headerprofilelink.h"

#include "icons.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>

namespace lanchat {

HeaderProfileLink::HeaderProfileLink(QLabel* title, QWidget* header)
    : QObject(header)
    , m_title(title)
    , m_button(new QToolButton(header))
{
    m_button->setObjectName(QStringLiteral("peerProfileButton"));
    m_button->setIcon(Icons::icon(QStringLiteral("info")));
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->hide();
    connect(m_button, &QToolButton::clicked, this, [this] { request(m_button); });
    title->installEventFilter(this);
    header->installEventFilter(this); // language changes
    retranslate();
}

void HeaderProfileLink::addAvatar(QWidget* avatar)
{
    m_avatar = avatar;
    avatar->installEventFilter(this);
}

void HeaderProfileLink::setPeer(UserId peer)
{
    m_peer = peer;
    m_button->setVisible(peer.isValid());
    for (QWidget* target : {static_cast<QWidget*>(m_title), m_avatar}) {
        if (!target)
            continue;
        if (peer.isValid())
            target->setCursor(Qt::PointingHandCursor);
        else
            target->unsetCursor();
    }
    retranslate();
}

void HeaderProfileLink::retranslate()
{
    //: button in the header of a private chat: show the other person's profile card
    m_button->setText(tr("Profile"));
    m_button->setToolTip(tr("Show this person's profile"));
    m_title->setToolTip(m_peer.isValid() ? m_button->toolTip() : QString());
    if (m_avatar)
        m_avatar->setToolTip(m_title->toolTip());
}

void HeaderProfileLink::request(const QWidget* widget)
{
    if (m_peer.isValid())
        Q_EMIT profileRequested(m_peer, widget->mapToGlobal(QPoint(0, widget->height())));
}

bool HeaderProfileLink::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && watched != m_title && watched != m_avatar)
        retranslate();
    if (watched == m_avatar && m_avatar && event->type() == QEvent::MouseButtonRelease && m_peer.isValid() &&
        static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
        request(m_avatar);
        return true;
    }
    if (watched != m_title || event->type() != QEvent::MouseButtonRelease || !m_peer.isValid())
        return false;
    const auto* mouse = static_cast<QMouseEvent*>(event);
    // The name itself, not the empty rest of the header line.
    const int name = qMin(m_title->width(), m_title->fontMetrics().horizontalAdvance(m_title->text()) + 4);
    if (mouse->button() != Qt::LeftButton || mouse->position().x() > name)
        return false;
    request(m_title);
    return true;
}

} // namespace lanchat
