#pragma once

#include "ids.h"

#include <QObject>

class QLabel;
class QToolButton;
class QWidget;

namespace lanchat {

/**
 * The chat header of a private chat opens the peer's profile card: a click on the peer's name (the title, with a
 * hand pointer) and the header's "Profile" button, which the keyboard reaches too. In a group neither does anything
 * and the button is hidden. Owned by the header. GUI thread.
 */
class HeaderProfileLink : public QObject
{
    Q_OBJECT

public:
    /** Watches @p title; creates the button in @p header (the caller puts button() into the header's layout). */
    HeaderProfileLink(QLabel* title, QWidget* header);

    QToolButton* button() const { return m_button; }
    /** A click on @p avatar (the peer's picture beside the title) opens the card too. */
    void addAvatar(QWidget* avatar);
    /** The peer of the open private chat; invalid in a group or with no chat open. */
    void setPeer(lanchat::UserId peer);
    lanchat::UserId peer() const { return m_peer; }

Q_SIGNALS:
    /** Show the card of @p user near @p globalPos. */
    void profileRequested(lanchat::UserId user, const QPoint& globalPos);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    /** Asks for the card below @p widget. */
    void request(const QWidget* widget);

    QLabel* m_title;
    QWidget* m_avatar = nullptr;
    QToolButton* m_button;
    lanchat::UserId m_peer;
};

} // namespace lanchat
