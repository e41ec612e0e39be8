// Group roles in the desktop app, against a real relay in-process (127.0.0.1, port 0): the member list shows the
// owner and admin badges, owner and admins first; the owner's context menu makes and removes admins, transfers
// ownership and removes members; an admin may only remove plain members; a plain member is offered nothing; the
// owner dissolves after a confirmation, and leaves only by choosing a new owner. Saves the member list with roles
// and the owner's menu (English and Chinese) when LANCHAT_SHOTS_DIR is set.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "groupdialog.h"
#include "grouproleactions.h"
#include "languagemanager.h"
#include "memberlistdelegate.h"
#include "modelroles.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

/** The names of @p menu's actions (separators left out). */
QStringList actionNames(const QMenu& menu)
{
    QStringList names;
    for (const QAction* action : menu.actions()) {
        if (!action->isSeparator())
            names.append(action->objectName());
    }
    return names;
}

/** Answers every question @p actions asks with @p answer, once shown (the box is modal: after its exec starts). */
void answerWith(GroupRoleActions* actions, std::function<void(QWidget*)> answer)
{
    QObject::connect(actions, &GroupRoleActions::questionShown, actions,
                     [answer](QWidget* box) { QTimer::singleShot(0, box, [answer, box] { answer(box); }); });
}

void clickButton(QWidget* box, QMessageBox::StandardButton button)
{
    if (auto* message = qobject_cast<QMessageBox*>(box))
        message->button(button)->click();
}

} // namespace

class tst_GroupRoleView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void memberListShowsOwnerAndAdminBadges();
    void ownerMenuManagesAdmins();
    void ownerTransfersFromTheMenu();
    void adminIsOfferedOnlyRemovingPlainMembers();
    void plainMemberIsOfferedNothing();
    void dissolveAsksFirst();
    void ownerLeavesByChoosingANewOwner();

private:
    /** The row of @p member in @p dialog's member list; nullptr when not listed. */
    static QListWidgetItem* rowOf(GroupDialog& dialog, const QString& name);
    static int roleShown(GroupDialog& dialog, const QString& name);

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice, m_bob, m_carol, m_dave;
    ConversationId m_group;
};

void tst_GroupRoleView::initTestCase()
{
    QVERIFY(m_desk.start(false));
    m_alice = newClient();
    m_bob = newClient();
    m_carol = newClient();
    m_dave = newClient();
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_desk.relay, QStringLiteral("carol"), true));
    QVERIFY(enter(*m_dave, *m_desk.relay, QStringLiteral("dave"), true));
    QVERIFY(m_alice->supportsGroupRoles());
}

void tst_GroupRoleView::init()
{
    // A new group "Team" for each test: alice owns it, bob is its admin, carol and dave are members.
    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("Team"),
                         {m_bob->currentUser().id, m_carol->currentUser().id, m_dave->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.first().first().value<ConversationId>();
    m_alice->setGroupAdmin(m_group, m_bob->currentUser().id, true);
    for (ChatClient* c : {m_alice.get(), m_bob.get(), m_carol.get(), m_dave.get()}) {
        QTRY_VERIFY_WITH_TIMEOUT(c->conversations()->conversation(m_group) &&
                                     c->conversations()->conversation(m_group)->admins.size() == 1,
                                 kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(c->contacts()->rowCount(), 4, kWaitMs);
    }
}

void tst_GroupRoleView::cleanup()
{
    m_desk.languages->apply(AppSettings::Language::English);
}

QListWidgetItem* tst_GroupRoleView::rowOf(GroupDialog& dialog, const QString& name)
{
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("memberList"));
    const QList<QListWidgetItem*> found = list->findItems(name, Qt::MatchExactly);
    return found.size() == 1 ? found.first() : nullptr;
}

int tst_GroupRoleView::roleShown(GroupDialog& dialog, const QString& name)
{
    const QListWidgetItem* item = rowOf(dialog, name);
    return item ? item->data(MemberListDelegate::GroupRoleRole).toInt() : -1;
}

void tst_GroupRoleView::memberListShowsOwnerAndAdminBadges()
{
    GroupDialog dialog(m_alice.get(), m_group);
    dialog.show();
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("memberList"));
    QTRY_COMPARE(list->count(), 4);
    // The owner, then the admin, then the others by name.
    QCOMPARE(list->item(0)->text(), QStringLiteral("ALICE"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("BOB"));
    QCOMPARE(list->item(2)->text(), QStringLiteral("CAROL"));
    QCOMPARE(roleShown(dialog, QStringLiteral("ALICE")), int(MemberListDelegate::GroupRole::Owner));
    QCOMPARE(roleShown(dialog, QStringLiteral("BOB")), int(MemberListDelegate::GroupRole::Admin));
    QCOMPARE(roleShown(dialog, QStringLiteral("DAVE")), int(MemberListDelegate::GroupRole::Member));
    QCOMPARE(rowOf(dialog, QStringLiteral("BOB"))->toolTip(), QStringLiteral("BOB (@bob), Admin"));
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("dissolveButton"))->isVisible());
    m_desk.shoot(&dialog, QStringLiteral("group-roles"));
    // In Chinese the badges read 群主 / 管理员.
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QTRY_COMPARE(rowOf(dialog, QStringLiteral("BOB"))->toolTip(), QStringLiteral("BOB（@bob），管理员"));
    QCOMPARE(MemberListDelegate::roleText(MemberListDelegate::GroupRole::Owner), QStringLiteral("群主"));
}

void tst_GroupRoleView::ownerMenuManagesAdmins()
{
    GroupDialog dialog(m_alice.get(), m_group);
    dialog.show();
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    QVERIFY(actions);
    QMenu carolMenu;
    actions->fillMenu(&carolMenu, m_carol->currentUser().id);
    QCOMPARE(actionNames(carolMenu), (QStringList{QStringLiteral("makeAdminAction"), QStringLiteral("transferAction"),
                                                  QStringLiteral("removeMemberAction")}));
    QMenu bobMenu;
    actions->fillMenu(&bobMenu, m_bob->currentUser().id);
    QCOMPARE(actionNames(bobMenu), (QStringList{QStringLiteral("removeAdminAction"), QStringLiteral("transferAction"),
                                                QStringLiteral("removeMemberAction")}));
    QMenu ownMenu;
    actions->fillMenu(&ownMenu, m_alice->currentUser().id);
    QVERIFY(ownMenu.isEmpty());

    // The owner's menu on a member, as it pops up, for the pictures.
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("memberList"));
    QTRY_COMPARE(list->count(), 4);
    carolMenu.popup(
        list->viewport()->mapToGlobal(list->visualItemRect(rowOf(dialog, QStringLiteral("CAROL"))).center()));
    m_desk.shoot(&carolMenu, QStringLiteral("group-owner-menu"));
    carolMenu.hide();

    carolMenu.findChild<QAction*>(QStringLiteral("makeAdminAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(roleShown(dialog, QStringLiteral("CAROL")), int(MemberListDelegate::GroupRole::Admin),
                              kWaitMs);
    // Carol's own app knows she is an admin now.
    QTRY_COMPARE_WITH_TIMEOUT(int(m_carol->conversations()->conversation(m_group)->roleOf(m_carol->currentUser().id)),
                              int(GroupRole::Admin), kWaitMs);
    bobMenu.findChild<QAction*>(QStringLiteral("removeAdminAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(roleShown(dialog, QStringLiteral("BOB")), int(MemberListDelegate::GroupRole::Member),
                              kWaitMs);
}

void tst_GroupRoleView::ownerTransfersFromTheMenu()
{
    GroupDialog dialog(m_alice.get(), m_group);
    dialog.show();
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    QString asked;
    answerWith(actions, [&](QWidget* box) {
        asked = qobject_cast<QMessageBox*>(box)->text();
        clickButton(box, QMessageBox::Yes);
    });
    QMenu menu;
    actions->fillMenu(&menu, m_dave->currentUser().id);
    menu.findChild<QAction*>(QStringLiteral("transferAction"))->trigger();
    QCOMPARE(asked, QStringLiteral("Make DAVE the owner of \"Team\"? You will stay in the group as a member."));
    QTRY_COMPARE_WITH_TIMEOUT(roleShown(dialog, QStringLiteral("DAVE")), int(MemberListDelegate::GroupRole::Owner),
                              kWaitMs);
    QCOMPARE(roleShown(dialog, QStringLiteral("ALICE")), int(MemberListDelegate::GroupRole::Member));
    // Alice is a plain member now: nothing to manage, nothing offered.
    QTRY_VERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("dissolveButton"))->isVisible());
    QMenu after;
    actions->fillMenu(&after, m_carol->currentUser().id);
    QVERIFY(after.isEmpty());
}

void tst_GroupRoleView::adminIsOfferedOnlyRemovingPlainMembers()
{
    GroupDialog dialog(m_bob.get(), m_group);
    dialog.show();
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    QMenu carolMenu;
    actions->fillMenu(&carolMenu, m_carol->currentUser().id);
    QCOMPARE(actionNames(carolMenu), QStringList{QStringLiteral("removeMemberAction")});
    QMenu ownerMenu;
    actions->fillMenu(&ownerMenu, m_alice->currentUser().id);
    QVERIFY(ownerMenu.isEmpty());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("dissolveButton"))->isVisible());
    // Adding and renaming are offered; Remove only for a plain member.
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("memberList"));
    QTRY_COMPARE(list->count(), 4);
    QPushButton* remove = nullptr;
    for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
        if (b->text() == QLatin1String("Remove"))
            remove = b;
    }
    QVERIFY(remove && remove->isVisible());
    list->setCurrentItem(rowOf(dialog, QStringLiteral("ALICE")));
    QVERIFY(!remove->isEnabled());
    list->setCurrentItem(rowOf(dialog, QStringLiteral("CAROL")));
    QVERIFY(remove->isEnabled());
    QString asked;
    answerWith(actions, [&](QWidget* box) {
        asked = qobject_cast<QMessageBox*>(box)->text();
        clickButton(box, QMessageBox::Yes);
    });
    remove->click();
    QCOMPARE(asked, QStringLiteral("Remove CAROL from the group \"Team\"?"));
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 3, kWaitMs);
}

void tst_GroupRoleView::plainMemberIsOfferedNothing()
{
    GroupDialog dialog(m_carol.get(), m_group);
    dialog.show();
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    for (ChatClient* other : {m_alice.get(), m_bob.get(), m_dave.get()}) {
        QMenu menu;
        actions->fillMenu(&menu, other->currentUser().id);
        QVERIFY(menu.isEmpty());
    }
    for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
        if (b->text() == QLatin1String("Remove") || b->text() == QLatin1String("Add") ||
            b->text() == QLatin1String("Rename") || b->objectName() == QLatin1String("dissolveButton"))
            QVERIFY2(!b->isVisible(), qPrintable(b->text()));
    }
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("leaveButton"))->isVisible());
}

void tst_GroupRoleView::dissolveAsksFirst()
{
    GroupDialog dialog(m_alice.get(), m_group);
    dialog.show();
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    auto* dissolve = dialog.findChild<QPushButton*>(QStringLiteral("dissolveButton"));
    QString asked;
    QMessageBox::StandardButton answer = QMessageBox::No;
    answerWith(actions, [&](QWidget* box) {
        asked = qobject_cast<QMessageBox*>(box)->text();
        clickButton(box, answer);
    });
    dissolve->click();
    QCOMPARE(asked, QStringLiteral("Dissolve \"Team\" for all its members? Nobody can send messages in it any more. "
                                   "This cannot be undone."));
    QVERIFY(m_alice->conversations()->conversation(m_group));
    answer = QMessageBox::Yes;
    dissolve->click();
    // The others keep what they read, told it was dissolved, not that they were removed.
    QTRY_VERIFY_WITH_TIMEOUT(m_carol->conversations()->isRemoved(m_group), kWaitMs);
    const QModelIndex row = findRow(m_carol->conversations(), roles::ConversationId, m_group.value());
    QVERIFY(row.isValid());
    QVERIFY(row.data(roles::ConversationDissolved).toBool());
    QCOMPARE(row.data(roles::ConversationRemovedBy).toLongLong(), m_alice->currentUser().id.value());
    QTRY_VERIFY_WITH_TIMEOUT(!m_alice->conversations()->conversation(m_group), kWaitMs);
}

void tst_GroupRoleView::ownerLeavesByChoosingANewOwner()
{
    GroupDialog dialog(m_alice.get(), m_group);
    dialog.show();
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    QString told;
    QStringList offered;
    answerWith(actions, [&](QWidget* box) {
        if (auto* message = qobject_cast<QMessageBox*>(box)) {
            told = message->text();
            message->findChild<QPushButton*>(QStringLiteral("chooseOwnerButton"))->click();
        } else if (auto* picker = qobject_cast<QInputDialog*>(box)) {
            offered = picker->comboBoxItems();
            picker->setTextValue(offered.first());
            picker->accept();
        }
    });
    dialog.findChild<QPushButton*>(QStringLiteral("leaveButton"))->click();
    QCOMPARE(told, QStringLiteral("You own \"Team\". Choose a new owner before you leave."));
    // The admin is offered first.
    QCOMPARE(offered, (QStringList{QStringLiteral("BOB (admin)"), QStringLiteral("CAROL"), QStringLiteral("DAVE")}));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->conversation(m_group)->owner, m_bob->currentUser().id, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->conversation(m_group)->members.size(), 3, kWaitMs);
    QVERIFY(!m_bob->conversations()->conversation(m_group)->members.contains(m_alice->currentUser().id));
    QTRY_VERIFY_WITH_TIMEOUT(!m_alice->conversations()->conversation(m_group), kWaitMs);
}

QTEST_MAIN(tst_GroupRoleView)
#include "tst_grouproleview.moc"
