#include "grouproleshots.h"

#include "appsettings.h"
#include "chatclient.h"
#include "conversationsmodel.h"
#include "groupdialog.h"
#include "grouproleactions.h"
#include "languagemanager.h"
#include "memberlistdelegate.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QTest>

#include <cstdio>

namespace lanchat::screenshots {

namespace {

constexpr int kWaitMs = 20000;

/** @p dialog with @p menu drawn where it pops up at the centre of @p member's row (a menu is its own window). */
QPixmap dialogWithMenu(QWidget* dialog, QListWidget* list, QListWidgetItem* member, QMenu* menu)
{
    QPixmap shot = dialog->grab();
    const QPoint at = list->viewport()->mapTo(dialog, list->visualItemRect(member).center());
    const QPixmap popup = menu->grab();
    QPainter painter(&shot);
    painter.drawPixmap(at, popup);
    return shot;
}

} // namespace

bool saveGroupRoleStates(ChatClient& owner, ChatClient& admin, ConversationId group, UserId plainMember,
                         LanguageManager& languages, const QString& themeSuffix,
                         const std::function<void(QWidget*, const QString&)>& save)
{
    owner.setGroupAdmin(group, admin.currentUser().id, true);
    if (!QTest::qWaitFor(
            [&] {
                const auto info = owner.conversations()->conversation(group);
                return info && info->admins.contains(admin.currentUser().id);
            },
            kWaitMs)) {
        std::fprintf(stderr, "lanchat-screenshots: admin not appointed\n");
        return false;
    }
    GroupDialog dialog(&owner, group);
    dialog.resize(460, 420);
    dialog.show();
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("memberList"));
    auto* actions = dialog.findChild<GroupRoleActions*>(QStringLiteral("groupRoleActions"));
    if (!list || !actions || !QTest::qWaitForWindowExposed(&dialog)) {
        std::fprintf(stderr, "lanchat-screenshots: group dialog not shown\n");
        return false;
    }
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        QApplication::processEvents();
        save(&dialog, QStringLiteral("group-roles-") + suffix + themeSuffix);
        QListWidgetItem* member = nullptr;
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(MemberListDelegate::UserIdRole).toLongLong() == plainMember.value())
                member = list->item(row);
        }
        if (!member) {
            std::fprintf(stderr, "lanchat-screenshots: member row missing\n");
            return false;
        }
        list->setCurrentItem(member);
        QMenu menu(&dialog);
        actions->fillMenu(&menu, plainMember);
        menu.adjustSize();
        QLabel composed;
        composed.setPixmap(dialogWithMenu(&dialog, list, member, &menu));
        composed.adjustSize();
        save(&composed, QStringLiteral("group-owner-menu-") + suffix + themeSuffix);
    }
    languages.apply(AppSettings::Language::English);
    return true;
}

} // namespace lanchat::screenshots
