#pragma once

#include "ids.h"

#include <QWidget>

class QLabel;
class QListView;
class QPoint;
class QPushButton;
class QTreeView;

namespace lanchat {

class ChatClient;
class DepartmentPeopleProxy;

/**
 * The "Organisation" tab of the sidebar (docs/protocol.md 18): the department tree with each department's head
 * count, and under it the people of the selected department and of the departments below it, with avatar, status
 * dot and title, filtered by the sidebar's search text (letters or pinyin). Double-click or Enter on a person opens
 * the chat with them; their context menu has "Send message" and, where a profile card is connected, "Profile"; the
 * manager of the selected department gets "Create group from department" (a button and the tree's context menu). Shows
 * a note instead when the server has no directory yet. GUI thread.
 */
class OrganisationPage : public QWidget
{
    Q_OBJECT

public:
    explicit OrganisationPage(ChatClient* client, QWidget* parent = nullptr);

    QTreeView* departmentTree() const { return m_tree; }
    QListView* peopleList() const { return m_people; }
    /** Filters the people by @p text (the sidebar's search box). */
    void setSearchText(const QString& text);
    /** Selects department @p id in the tree (and shows its people); false if it is not there. */
    bool selectDepartment(lanchat::DepartmentId id);
    /** The department whose people are shown; invalid when none is selected. */
    lanchat::DepartmentId currentDepartment() const;

Q_SIGNALS:
    /** Open the private chat with @p user. */
    void contactActivated(lanchat::UserId user);
    /** "Profile" on a person: show their profile card (wired by the main window to the profile part's card). */
    void profileRequested(lanchat::UserId user);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onDepartmentChanged();
    void onTreeReset();
    void onPersonMenu(const QPoint& pos);
    void onDepartmentMenu(const QPoint& pos);
    void createGroup();
    bool managesCurrent() const;

    ChatClient* m_client;
    QTreeView* m_tree;
    QLabel* m_header;
    QPushButton* m_createGroup;
    QListView* m_people;
    QLabel* m_empty;
    DepartmentPeopleProxy* m_filter;
    lanchat::DepartmentId m_selected;
};

} // namespace lanchat
