#include "profilecardshots.h"

#include "appsettings.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "directorymodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "modelroles.h"
#include "organisationpage.h"
#include "ownstatus.h"
#include "profilecard.h"
#include "profilecardcontroller.h"
#include "profileclient.h"
#include "sidebar.h"

#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QProcess>
#include <QTest>

#include <cstdio>
#include <utility>

using namespace lanchat;

namespace {

constexpr int kWaitMs = 20000;

bool fail(const char* what)
{
    std::fprintf(stderr, "lanchat-screenshots: %s\n", what);
    return false;
}

/** Runs `lanchat-server ARGS --data-dir DIR [--config FILE]` as an administrator would; true when it succeeded. */
bool admin(const QStringList& server, QStringList args)
{
    const QString program = server.value(0);
    args << QStringLiteral("--data-dir") << server.value(1);
    if (!server.value(2).isEmpty())
        args << QStringLiteral("--config") << server.value(2);
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(kWaitMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "lanchat-screenshots: lanchat-server %s: %s\n", qPrintable(args.join(QLatin1Char(' '))),
                     process.readAllStandardError().constData());
        return false;
    }
    return true;
}

/** @p window's client area with the open card drawn where it floats over it. */
QPixmap withCard(MainWindow& window, ProfileCard* card)
{
    QPixmap picture = window.grab();
    QPainter painter(&picture);
    painter.drawPixmap(card->geometry().topLeft() - window.mapToGlobal(QPoint(0, 0)), card->grab());
    return picture;
}

QModelIndex rowOf(const QListView* list, UserId user)
{
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(roles::ContactUserId).toLongLong() == user.value())
            return index;
    }
    return {};
}

} // namespace

bool saveProfileCardStates(MainWindow& window, ChatClient& me, ChatClient& peer, LanguageManager& languages,
                           const QString& themeSuffix, const QStringList& server, const ShotHooks& hooks)
{
    const QString meName = me.currentUser().username;
    const QString peerName = peer.currentUser().username;
    for (const QStringList& args :
         {QStringList{QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("总部/研发部/平台组")},
          QStringList{QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("总部/市场部")},
          QStringList{QStringLiteral("dept"), QStringLiteral("manager"), QStringLiteral("总部/研发部"), meName},
          QStringList{QStringLiteral("user"), QStringLiteral("set"), meName, QStringLiteral("--dept"),
                      QStringLiteral("总部/研发部"), QStringLiteral("--title"), QStringLiteral("研发经理")},
          QStringList{QStringLiteral("user"), QStringLiteral("set"), peerName, QStringLiteral("--dept"),
                      QStringLiteral("总部/研发部/平台组"), QStringLiteral("--title"), QStringLiteral("高级工程师")}}) {
        if (!admin(server, args))
            return false;
    }
    ProfileUpdate change;
    change.phone = QStringLiteral("+86 10 5555 0102");
    change.email = peerName + QStringLiteral("@example.com");
    change.signature = QStringLiteral("少说话，多做事");
    peer.profiles()->update(change);
    // Owned by the peer's client: a reply may come after this function returned.
    auto* peerStatus = new OwnStatus(&peer, &peer);
    peerStatus->set(QStringLiteral("busy"), QStringLiteral("在开会，下午回复"));
    const UserId peerId = peer.currentUser().id;
    if (!QTest::qWaitFor(
            [&] {
                const auto user = me.contacts()->user(peerId);
                const auto own = me.contacts()->user(me.currentUser().id);
                return user && own && own->department.isValid() && !user->title.isEmpty() &&
                       !user->signature.isEmpty() && me.contacts()->statusOf(peerId) == QLatin1String("busy") &&
                       !me.directory()->isEmpty();
            },
            kWaitMs))
        return fail("directory and profile did not arrive");

    Sidebar* sidebar = window.sidebar();
    OrganisationPage* page = sidebar->organisationPage();
    sidebar->showOrganisation();
    page->selectDepartment(me.contacts()->user(me.currentUser().id)->department);
    const QModelIndex row = rowOf(page->peopleList(), peerId);
    if (!row.isValid())
        return fail("organisation: the peer is not listed");
    page->peopleList()->setCurrentIndex(row);
    const QRect rect = page->peopleList()->visualRect(row);
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        hooks.save(&window, QStringLiteral("organisation-") + suffix + themeSuffix);
        window.profileCards()->show(peerId, page->peopleList()->viewport()->mapToGlobal(rect.topRight()), page);
        ProfileCard* card = window.profileCards()->card();
        if (!card || !QTest::qWaitForWindowExposed(card))
            return fail("profile card not shown");
        QLabel picture;
        picture.setPixmap(withCard(window, card));
        picture.resize(picture.sizeHint());
        hooks.save(&picture, QStringLiteral("profile-card-") + suffix + themeSuffix);
        card->close();
    }
    languages.apply(AppSettings::Language::English);
    peerStatus->set(QStringLiteral("online"), QString());
    window.sidebar()->selectConversation({});
    return QTest::qWaitFor([&] { return me.contacts()->statusOf(peerId) == QLatin1String("online"); }, kWaitMs) ||
           fail("the peer did not come back online");
}
