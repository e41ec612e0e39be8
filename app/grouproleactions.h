#pragma once

#include "conversationinfo.h"
#include "ids.h"

#include <QObject>

#include <optional>

class QMenu;
class QWidget;

namespace lanchat {

class ChatClient;

/**
 * What the current user may do to a group's members by role (docs/protocol.md 9), for GroupDialog: the owner's
 * context menu on a member (Make admin / Remove admin / Transfer ownership… / Remove from group…), an admin's
 * (Remove from group… on plain members), nothing for a plain member; dissolving (owner, after a confirmation);
 * and leaving, where the owner is told to choose a new owner first and can do both in one go. Every question
 * names the member and the group. Reads the roles from the client's conversations model at each call; on a server
 * without `group_roles` only the owner manages and nothing role-related is offered. GUI thread.
 */
class GroupRoleActions : public QObject
{
    Q_OBJECT

public:
    /** @p dialog parents the questions; the actions live as long as it. */
    GroupRoleActions(ChatClient* client, ConversationId group, QWidget* dialog);

    /** The current user's role in the group now; None when not (or no longer) a member. */
    GroupRole ownRole() const;
    /** @p member's role in the group now. */
    GroupRole roleOf(UserId member) const;
    /** True if the current user may remove @p member: the owner anyone else, an admin plain members. */
    bool mayRemove(UserId member) const;
    /** True if the current user may add members and rename: the owner and (with `group_roles`) admins. */
    bool mayManage() const;

    /**
     * Adds to @p menu what the current user may do to @p member (object names makeAdminAction, removeAdminAction,
     * transferAction, removeMemberAction); adds nothing when there is nothing to offer.
     */
    void fillMenu(QMenu* menu, UserId member);
    /** Asks "Remove NAME from the group?", then removes. */
    void removeMember(UserId member);
    /** Asks, then makes @p member the owner (the current user stays a plain member). */
    void transferTo(UserId member);
    /** Owner: asks (naming the group, saying it cannot be undone), then dissolves. True once requested. */
    bool dissolve();
    /**
     * Leaves the group after a confirmation. The owner is told to choose a new owner first, picks one among the
     * other members, and both requests go in that order (the only member: offered to dissolve instead). True
     * once the group was left (or dissolved).
     */
    bool leave();

Q_SIGNALS:
    /** A question is about to be shown (tests answer it; the box's objectName names it). */
    void questionShown(QWidget* box);

private:
    std::optional<ConversationInfo> info() const;
    QString nameOf(UserId user) const;
    QString groupName() const;
    /** A Yes/No question named @p objectName; true for Yes. */
    bool confirm(const char* objectName, const QString& title, const QString& text);
    /** The other members, admins first, to choose a new owner from; invalid when cancelled. */
    UserId chooseNewOwner();

    ChatClient* m_client;
    ConversationId m_group;
    QWidget* m_dialog;
};

} // namespace lanchat
