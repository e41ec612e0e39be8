#include "statusbutton.h"

#include "chatclient.h"
#include "ownstatus.h"
#include "statusbadgepainter.h"
#include "statusmenu.h"

#include <QEvent>
#include <QPainter>
#include <QPixmap>

namespace lanchat {

StatusButton::StatusButton(ChatClient* client, OwnStatus* status, QWidget* parent)
    : QToolButton(parent)
    , m_client(client)
    , m_status(status)
    , m_menu(new StatusMenu(status, this))
{
    setObjectName(QStringLiteral("statusButton"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::InstantPopup);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMenu(m_menu);
    connect(status, &OwnStatus::changed, this, &StatusButton::refresh);
    connect(client, &ChatClient::loggedIn, this, &StatusButton::refresh);
    refresh();
}

void StatusButton::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QToolButton::changeEvent(event);
}

void StatusButton::resizeEvent(QResizeEvent* event)
{
    QToolButton::resizeEvent(event);
    refresh();
}

void StatusButton::refresh()
{
    const bool online = m_client->state() == ChatClient::State::LoggedIn;
    const QString status = online ? m_status->status() : QStringLiteral("offline");
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    StatusBadgePainter::paintMark(&painter, QRectF(4, 4, 24, 24), status);
    painter.end();
    setIcon(QIcon(pixmap));
    const QString name = m_client->currentUser().displayName;
    const QString detail = m_status->text().isEmpty() || !online ? StatusBadgePainter::label(status) : m_status->text();
    //: the own status button: %1 is the user's name, %2 their status or status text
    const QString full = tr("%1 · %2").arg(name, detail);
    const int room = qMax(60, width() - iconSize().width() - 24);
    setText(fontMetrics().elidedText(full, Qt::ElideRight, room));
    //: tooltip of the own status button; %1 is e.g. "Busy — In a meeting"
    setToolTip(
        tr("Your status: %1. Click to change it.").arg(StatusBadgePainter::headerLine(status, m_status->text())));
}

} // namespace lanchat
