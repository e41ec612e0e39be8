#include "statusmenu.h"

#include "ownstatus.h"
#include "protocol.h"
#include "statusbadgepainter.h"

#include <QActionGroup>
#include <QEvent>
#include <QIcon>
#include <QInputDialog>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>

namespace lanchat {

namespace {

const QStringList kStatuses = {QStringLiteral("online"), QStringLiteral("away"), QStringLiteral("busy"),
                               QStringLiteral("dnd")};

QIcon markIcon(const QString& status)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    StatusBadgePainter::paintMark(&painter, QRectF(6, 6, 20, 20), status);
    painter.end();
    return QIcon(pixmap);
}

} // namespace

StatusMenu::StatusMenu(OwnStatus* status, QWidget* parent)
    : QMenu(parent)
    , m_status(status)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("statusMenu"));
    for (const QString& name : kStatuses) {
        QAction* action = addAction(markIcon(name), QString());
        action->setObjectName(QStringLiteral("status_") + name);
        action->setCheckable(true);
        action->setData(name);
        m_group->addAction(action);
        m_statusActions.append(action);
        connect(action, &QAction::triggered, this, [this, name] { m_status->set(name, m_status->text()); });
    }
    addSeparator();
    m_setText = addAction(QString());
    m_setText->setObjectName(QStringLiteral("setStatusText"));
    connect(m_setText, &QAction::triggered, this, &StatusMenu::editText);
    m_clearText = addAction(QString());
    m_clearText->setObjectName(QStringLiteral("clearStatusText"));
    connect(m_clearText, &QAction::triggered, this, [this] { m_status->set(m_status->status(), QString()); });
    addSeparator();
    m_account = addAction(QString());
    m_account->setObjectName(QStringLiteral("accountAction"));
    connect(m_account, &QAction::triggered, this, &StatusMenu::accountRequested);
    connect(m_status, &OwnStatus::changed, this, &StatusMenu::refresh);
    connect(this, &QMenu::aboutToShow, this, &StatusMenu::refresh);
    retranslateUi();
    refresh();
}

QAction* StatusMenu::statusAction(const QString& status) const
{
    for (QAction* action : m_statusActions) {
        if (action->data().toString() == status)
            return action;
    }
    return nullptr;
}

void StatusMenu::editText()
{
    QInputDialog dialog(parentWidget());
    dialog.setWindowTitle(tr("Set status text"));
    //: %1 is the most characters a status text may have (64)
    dialog.setLabelText(
        tr("What are you up to? (at most %1 characters, shown to everyone)").arg(protocol::kMaxStatusTextChars));
    dialog.setTextValue(m_status->text());
    // Counted in UTF-16 units here, never more than the server's code points: a text that fits is never refused.
    if (auto* edit = dialog.findChild<QLineEdit*>())
        edit->setMaxLength(protocol::kMaxStatusTextChars);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_status->set(m_status->status(), dialog.textValue().simplified());
}

void StatusMenu::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void StatusMenu::retranslateUi()
{
    for (QAction* action : std::as_const(m_statusActions))
        action->setText(StatusBadgePainter::label(action->data().toString()));
    m_setText->setText(tr("Set status text…"));
    m_clearText->setText(tr("Clear status text"));
    m_account->setText(tr("Account…"));
}

void StatusMenu::refresh()
{
    const bool available = m_status->isAvailable();
    for (QAction* action : std::as_const(m_statusActions)) {
        action->setEnabled(available);
        action->setChecked(action->data().toString() == m_status->status());
    }
    m_setText->setEnabled(available);
    m_clearText->setEnabled(available && !m_status->text().isEmpty());
}

} // namespace lanchat
