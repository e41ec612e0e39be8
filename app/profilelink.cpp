#include "profilelink.h"

#include <QAbstractItemView>
#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QMetaObject>
#include <QMouseEvent>
#include <QStyleOptionViewItem>

namespace lanchat {

ProfileLink::ProfileLink(QAbstractItemView* view, int userIdRole, HitTest hit)
    : QObject(view)
    , m_view(view)
    , m_userIdRole(userIdRole)
    , m_hit(std::move(hit))
    , m_action(new QAction(view))
{
    m_action->setObjectName(QStringLiteral("viewProfileAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_action->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(m_action);
    connect(m_action, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        const QRect row = m_view->visualRect(current);
        request(current, m_view->viewport()->mapToGlobal(QPoint(row.left() + row.height(), row.top())));
    });
    view->installEventFilter(this); // language changes
    if (m_hit) {
        view->viewport()->installEventFilter(this);
        view->viewport()->setMouseTracking(true);
    }
    retranslate();
}

QRect ProfileLink::leadingSquare(const QStyleOptionViewItem& option, const QModelIndex&)
{
    const QRect row = option.rect;
    return option.direction == Qt::RightToLeft
               ? QRect(row.right() - row.height() + 1, row.top(), row.height(), row.height())
               : QRect(row.topLeft(), QSize(row.height(), row.height()));
}

void ProfileLink::retranslate()
{
    //: menu entry and Ctrl+I on a person in a list: show their profile card
    m_action->setText(tr("View profile"));
}

UserId ProfileLink::userAt(const QModelIndex& index) const
{
    return index.isValid() ? UserId(index.data(m_userIdRole).toLongLong()) : UserId();
}

bool ProfileLink::addTo(QMenu* menu, const QModelIndex& index)
{
    const UserId user = userAt(index);
    if (!user.isValid())
        return false;
    const QRect row = m_view->visualRect(index);
    const QPoint at = m_view->viewport()->mapToGlobal(QPoint(row.left() + row.height(), row.top()));
    QAction* entry = menu->addAction(m_action->text());
    entry->setObjectName(QStringLiteral("viewProfileAction"));
    entry->setShortcut(m_action->shortcut());
    connect(entry, &QAction::triggered, this, [this, user, at] { Q_EMIT profileRequested(user, at); });
    return true;
}

QModelIndex ProfileLink::avatarAt(const QPoint& pos) const
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!userAt(index).isValid())
        return {};
    QStyleOptionViewItem option;
    option.initFrom(m_view->viewport());
    option.rect = m_view->visualRect(index);
    option.font = m_view->font();
    option.widget = m_view;
    option.direction = m_view->layoutDirection();
    return m_hit(option, index).contains(pos) ? index : QModelIndex();
}

void ProfileLink::request(const QModelIndex& index, const QPoint& globalPos)
{
    const UserId user = userAt(index);
    if (user.isValid())
        Q_EMIT profileRequested(user, globalPos);
}

bool ProfileLink::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view) {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        return false;
    }
    switch (event->type()) {
    case QEvent::MouseMove: {
        const bool over = avatarAt(static_cast<QMouseEvent*>(event)->position().toPoint()).isValid();
        if (over != m_pointing) {
            m_pointing = over;
            if (over)
                m_view->viewport()->setCursor(Qt::PointingHandCursor);
            else
                m_view->viewport()->unsetCursor();
        }
        break;
    }
    case QEvent::MouseButtonPress: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        m_pressed = mouse->button() == Qt::LeftButton ? avatarAt(mouse->position().toPoint()) : QModelIndex();
        break;
    }
    case QEvent::MouseButtonRelease: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QModelIndex index =
            mouse->button() == Qt::LeftButton ? avatarAt(mouse->position().toPoint()) : QModelIndex();
        if (index.isValid() && index == m_pressed) {
            // After the view has seen the release: the popup grabs the mouse when it shows.
            const QPersistentModelIndex row(index);
            const QPoint at = mouse->globalPosition().toPoint();
            QMetaObject::invokeMethod(
                this, [this, row, at] { request(row, at); }, Qt::QueuedConnection);
        }
        m_pressed = QPersistentModelIndex();
        break;
    }
    default:
        break;
    }
    return false;
}

} // namespace lanchat
