#pragma once

#include "ids.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace lanchat {

class ChatClient;
class GroupRoleActions;
class ProfileLink;

/**
 * Groups. Create mode: a name and members picked (checked) from the contacts; accepted once the server
 * created the group (ChatClient::conversationOpened). Manage mode for an existing group: the member list
 * (MemberListDelegate: avatar, display name, user name, presence, role); the owner and admins rename, add and
 * remove members (after confirming, naming member and group), the owner also appoints admins, transfers and
 * dissolves (GroupRoleActions: the member's context menu, the Dissolve button); what the user may not do is not
 * shown. Anyone can leave (the owner after choosing a new owner). Failures are shown inline (ErrorText).
 */
class GroupDialog : public QDialog
{
    Q_OBJECT

public:
    /** Create mode. */
    explicit GroupDialog(ChatClient* client, QWidget* parent = nullptr);
    /** Manage mode for @p group. */
    GroupDialog(ChatClient* client, ConversationId group, QWidget* parent = nullptr);

    /** The created group (create mode, after acceptance). */
    ConversationId createdGroup() const { return m_group; }

Q_SIGNALS:
    /**
     * Manage mode: show the profile card of member @p user near @p globalPos (a click on their avatar, a double click
     * or Enter on them, Ctrl+I, or "View profile" in their context menu).
     */
    void profileRequested(lanchat::UserId user, const QPoint& globalPos);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void refresh();
    /** Hides the people the filter text does not find by name, username or pinyin. */
    void applyFilter();
    void onCreate();
    void showError(const QString& text);
    /** Whom the contacts know: display name, user name, presence. */
    struct Person
    {
        QString displayName;
        QString username;
        bool online = false;
        bool presenceKnown = false;
        QString status;    ///< "online", "away", "busy", "dnd" or "offline"
        QByteArray avatar; ///< SHA-256 of their picture; empty = none
    };
    QHash<qint64, Person> people() const;
    void removeSelected();
    /** The selected member's context menu (GroupRoleActions::fillMenu) at @p pos of the list. */
    void showMemberMenu(const QPoint& pos);
    /** Enables Remove when the selected member is one the user may remove. */
    void updateRemove();

    ChatClient* m_client;
    ConversationId m_group;
    bool m_createMode;
    bool m_waiting = false;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QPushButton* m_rename = nullptr;
    QLabel* m_membersLabel = nullptr;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_members = nullptr;
    QComboBox* m_addCombo = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_leave = nullptr;
    QPushButton* m_dissolve = nullptr;
    GroupRoleActions* m_roles = nullptr;
    ProfileLink* m_profiles = nullptr;
    QPushButton* m_ok = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace lanchat
