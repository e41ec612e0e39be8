#pragma once

#include "ids.h"

#include <QModelIndex>
#include <QObject>
#include <QRect>

#include <functional>

class QAbstractItemView;
class QAction;
class QMenu;
class QStyleOptionViewItem;

namespace lanchat {

/**
 * Opens a person's profile card from the rows of a list: a click on the row's avatar (where @p hit says; no @p hit:
 * no click), "View profile" (Ctrl+I) on the current row while the list has the focus, and the same entry in the
 * list's context menu (addTo()). Which person a row is comes from its @p userIdRole (qint64; 0: a row that is no
 * person, such as a group, which gets nothing). The pointer turns into a hand over an avatar. Owned by the view.
 * GUI thread.
 */
class ProfileLink : public QObject
{
    Q_OBJECT

public:
    /** Where a row's avatar is, in viewport coordinates, for the row laid out in the option; null: nowhere. */
    using HitTest = std::function<QRect(const QStyleOptionViewItem&, const QModelIndex&)>;

    ProfileLink(QAbstractItemView* view, int userIdRole, HitTest hit = {});

    /**
     * The square at the leading edge of a row, as tall as the row: where the lists of people (contacts, members, the
     * organisation) draw the avatar, with its padding, a target easy to hit.
     */
    static QRect leadingSquare(const QStyleOptionViewItem& option, const QModelIndex& index);

    /** "View profile" for the current row (Ctrl+I on the list). */
    QAction* action() const { return m_action; }
    /** Adds "View profile" to @p menu when @p index is a person; returns whether it did. */
    bool addTo(QMenu* menu, const QModelIndex& index);

Q_SIGNALS:
    /** Show the card of @p user near @p globalPos. */
    void profileRequested(lanchat::UserId user, const QPoint& globalPos);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    UserId userAt(const QModelIndex& index) const;
    /** The row of a person whose avatar is at @p pos (viewport coordinates); invalid when none. */
    QModelIndex avatarAt(const QPoint& pos) const;
    void request(const QModelIndex& index, const QPoint& globalPos);

    QAbstractItemView* m_view;
    int m_userIdRole;
    HitTest m_hit;
    QAction* m_action;
    QPersistentModelIndex m_pressed;
    bool m_pointing = false;
};

} // namespace lanchat
