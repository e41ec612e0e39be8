#pragma once

#include <QMenu>

class QAction;
class QActionGroup;

namespace lanchat {

class OwnStatus;

/**
 * The own status menu (the status button at the top of the sidebar): Online, Away, Busy, Do not disturb (the
 * current one checked), "Set status text…", "Clear status text", and "Account…". Choosing a status keeps the text;
 * the text dialog takes at most protocol::kMaxStatusTextChars characters. The statuses are disabled while OwnStatus
 * is not available (offline, or a server without the `status` feature). GUI thread.
 */
class StatusMenu : public QMenu
{
    Q_OBJECT

public:
    /** @p status must outlive the menu. */
    explicit StatusMenu(OwnStatus* status, QWidget* parent = nullptr);

    /** The action choosing @p status ("online", "away", "busy", "dnd"); nullptr for another name (tests). */
    QAction* statusAction(const QString& status) const;
    QAction* textAction() const { return m_setText; }
    QAction* clearTextAction() const { return m_clearText; }
    QAction* accountAction() const { return m_account; }

    /** Asks for a new status text (a dialog) and sets it with the current status. */
    void editText();

Q_SIGNALS:
    /** "Account…" was chosen: show the account dialog. */
    void accountRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();

    OwnStatus* m_status;
    QActionGroup* m_group;
    QList<QAction*> m_statusActions;
    QAction* m_setText;
    QAction* m_clearText;
    QAction* m_account;
};

} // namespace lanchat
