// The small things a whole working day shows: avatar initials, previews and system lines that follow a
// language switch, unclipped dialog buttons, font size, small windows, member list, confirmation before
// removing, muted look, the Settings shortcut, visible focus, the window title and the tray hint. Against a
// real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir); QT_QPA_PLATFORM=offscreen.

#include "appcontroller.h"
#include "appdesk.h"
#include "appsettings.h"
#include "avatarpainter.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "conversationlistdelegate.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "groupdialog.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "memberlistdelegate.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "settingsdialog.h"
#include "sidebar.h"
#include "testserver.h"
#include "traycontroller.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

/** Saves a grab of @p widget as @p name.png into $LANCHAT_SHOTS_DIR, when set (for looking at, not asserted). */
void shot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QApplication::processEvents();
    const QString language = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
    widget->grab().save(dir + QLatin1Char('/') + name + QLatin1Char('-') + language + QStringLiteral(".png"));
}

/** Opens Settings on @p window and presses OK, which applies what the settings hold; false if none opened. */
bool applySettingsThroughDialog(MainWindow* window)
{
    bool opened = false;
    QTimer::singleShot(0, window, [&] {
        if (auto* dialog = window->findChild<SettingsDialog*>()) {
            opened = true;
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        }
    });
    window->showSettings();
    return opened;
}

/** What Qt's xcb and Windows platforms show: the title, plus " — display name" unless it already ends so. */
QString shownTitle(const QString& title)
{
    const QString app = QGuiApplication::applicationDisplayName();
    return title.endsWith(app) ? title : title + QStringLiteral(" — ") + app;
}

/** Answers the next modal message box with @p button once it shows, keeping its text in @p text. */
void answerNextMessageBox(QMessageBox::StandardButton button, QString* text)
{
    auto* timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start(10);
}

/** Every push button of @p dialog that is shown must be at least as wide as its text plus its padding. */
void verifyButtonsFit(QWidget* dialog)
{
    const QList<QPushButton*> buttons = dialog->findChildren<QPushButton*>();
    QVERIFY(!buttons.isEmpty());
    for (QPushButton* button : buttons) {
        if (!button->isVisible())
            continue;
        // Whichever button holds the focus is the default: each in turn, as tabbing would.
        button->setFocus();
        QApplication::processEvents();
        const int text = button->fontMetrics().horizontalAdvance(button->text());
        QVERIFY2(
            button->sizeHint().width() >= text + 2 * 11,
            qPrintable(
                QStringLiteral("%1: hint %2, text %3").arg(button->text()).arg(button->sizeHint().width()).arg(text)));
        QVERIFY2(button->width() >= text + 2 * 11, qPrintable(button->text()));
    }
}

} // namespace

class tst_Polish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void initials_data();
    void initials();
    void noStateDependentButtonFont();
    void windowTitleNamesTheAppOnce();
    void settingsShortcut();
    void systemLinesInTheUsersLanguage();
    void filePreviewFollowsLanguageSwitch();
    void dialogButtonsFitTheirText_data();
    void dialogButtonsFitTheirText();
    void memberListShowsDetailsAndRemoveAsks();
    void mutedConversationLooksMuted();
    void fontSizeReachesInputAndHeader();
    void smallWindowKeepsRoomToWrite();
    void focusIsVisible();
    void trayHintOncePerInstallation();

private:
    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<ChatClient> m_peer;
    std::unique_ptr<ChatClient> m_third;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_group;
};

void tst_Polish::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("lanchat.ini")));
    QApplication::setApplicationDisplayName(QStringLiteral("LanChat"));
    AppController::applyStyleSheet(); // the stylesheet as the app has it: its colour placeholders filled in
    m_peer = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_peer, *m_desk.relay, QStringLiteral("bob"), QStringLiteral("Bob")));
    m_third = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_third, *m_desk.relay, QStringLiteral("wang"), QStringLiteral("王小明")));
    m_client = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_client, *m_desk.relay, QStringLiteral("alice"), QStringLiteral("Alice")));
    m_window = std::make_unique<MainWindow>(m_client.get(), *m_desk.settings, m_desk.languages.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_Polish::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_peer.reset();
    m_third.reset();
    m_desk.relay.reset();
}

void tst_Polish::initials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("group");
    QTest::addColumn<QString>("expected");
    QTest::newRow("han person: given name") << QStringLiteral("王小明") << false << QStringLiteral("小明");
    QTest::newRow("two-character han name") << QStringLiteral("张伟") << false << QStringLiteral("张伟");
    QTest::newRow("han group: first character") << QStringLiteral("项目组 Alpha") << true << QStringLiteral("项");
    QTest::newRow("mixed person keeps han") << QStringLiteral("Tom 李雷") << false << QStringLiteral("李雷");
    QTest::newRow("latin two words") << QStringLiteral("Amy Pond") << false << QStringLiteral("AP");
    QTest::newRow("latin three words") << QStringLiteral("ada de lovelace") << false << QStringLiteral("AD");
    QTest::newRow("latin group") << QStringLiteral("Project 42") << true << QStringLiteral("P4");
    QTest::newRow("one word") << QStringLiteral("alice") << false << QStringLiteral("A");
    QTest::newRow("spaces only") << QStringLiteral("   ") << false << QStringLiteral("?");
}

void tst_Polish::initials()
{
    QFETCH(QString, name);
    QFETCH(bool, group);
    QFETCH(QString, expected);
    QCOMPARE(AvatarPainter::initials(name, group ? AvatarPainter::Kind::Group : AvatarPainter::Kind::Person), expected);
}

void tst_Polish::noStateDependentButtonFont()
{
    // The default button moves with the focus; a font rule on it (bold) would paint text the button was not sized for.
    const QString qss = qApp->styleSheet();
    static const QRegularExpression rule(QStringLiteral("([^{}]*)\\{([^}]*)\\}"));
    for (auto it = rule.globalMatch(qss); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString selectors = m.captured(1);
        for (const QString& selector : selectors.split(QLatin1Char(','))) {
            const QString s = selector.trimmed();
            const bool buttonState =
                (s.contains(QLatin1String("QPushButton")) || s.contains(QLatin1String("QToolButton"))) &&
                s.contains(QLatin1Char(':'));
            if (buttonState)
                QVERIFY2(!m.captured(2).contains(QLatin1String("font")), qPrintable(s));
        }
    }
}

void tst_Polish::windowTitleNamesTheAppOnce()
{
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Alice — LanChat"));
    QCOMPARE(shownTitle(m_window->windowTitle()).count(QStringLiteral("LanChat")), 1);
}

void tst_Polish::settingsShortcut()
{
    auto* action = m_window->findChild<QAction*>(QStringLiteral("settingsAction"));
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+,"))));
}

void tst_Polish::systemLinesInTheUsersLanguage()
{
    // Bob creates a group with Alice and 王小明, then renames it; Alice's client words the lines itself.
    QSignalSpy opened(m_peer.get(), &ChatClient::conversationOpened);
    m_peer->createGroup(QStringLiteral("项目组 Alpha"), {m_client->currentUser().id, m_third->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.first().first().value<ConversationId>();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->conversations()->conversation(m_group).has_value(), kWaitMs);
    m_window->openConversation(m_group);
    const QAbstractItemModel* messages =
        m_window->conversationView()->findChild<QListView*>(QStringLiteral("messageList"))->model();
    QVERIFY(messages);
    const QString created = QStringLiteral("Bob created the group \"项目组 Alpha\"");
    QTRY_VERIFY_WITH_TIMEOUT(findRow(messages, roles::MessageText, created).isValid(), kWaitMs);
    QCOMPARE(findRow(messages, roles::MessageText, created).data(roles::MessageKind).toInt(), int(MessageKind::System));

    shot(m_window.get(), QStringLiteral("main-group"));
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QTRY_VERIFY(findRow(messages, roles::MessageText, QStringLiteral("Bob 创建了群聊“项目组 Alpha”")).isValid());
    shot(m_window.get(), QStringLiteral("main-group"));
    const QModelIndex row = findRow(m_client->conversations(), roles::ConversationId, m_group.value());
    QCOMPARE(row.data(roles::ConversationLastText).toString(), QStringLiteral("Bob 创建了群聊“项目组 Alpha”"));
    m_desk.languages->apply(AppSettings::Language::English);
    QTRY_VERIFY(findRow(messages, roles::MessageText, created).isValid());
}

void tst_Polish::filePreviewFollowsLanguageSwitch()
{
    ConversationsModel* conversations = m_client->conversations();
    MessageRecord file;
    file.seq = 1'000'000; // newer than anything the relay handed out in this test
    file.conversation = m_group;
    file.sender = m_peer->currentUser().id;
    file.timestampMs = QDateTime::currentMSecsSinceEpoch();
    file.kind = MessageKind::File;
    file.file = FileRef{QStringLiteral("plan.pdf"), 1234, QByteArray(32, 'x'), false};
    QVERIFY(conversations->noteMessage(file, false));
    const QAbstractItemModel* list = m_window->sidebar()->conversationList()->model();
    const auto preview = [&] {
        return findRow(list, roles::ConversationId, m_group.value()).data(roles::ConversationLastText).toString();
    };
    QCOMPARE(preview(), QStringLiteral("[File] plan.pdf"));
    QSignalSpy changed(list, &QAbstractItemModel::dataChanged);
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QCOMPARE(preview(), QStringLiteral("[文件] plan.pdf"));
    QVERIFY(!changed.isEmpty()); // the list repaints
    m_desk.languages->apply(AppSettings::Language::English);
    QCOMPARE(preview(), QStringLiteral("[File] plan.pdf"));
}

void tst_Polish::dialogButtonsFitTheirText_data()
{
    QTest::addColumn<int>("language");
    QTest::newRow("English") << int(AppSettings::Language::English);
    QTest::newRow("Chinese") << int(AppSettings::Language::Chinese);
}

void tst_Polish::dialogButtonsFitTheirText()
{
    QFETCH(int, language);
    m_desk.languages->apply(AppSettings::Language(language));
    {
        GroupDialog create(m_client.get(), m_window.get());
        create.show();
        QVERIFY(QTest::qWaitForWindowExposed(&create));
        verifyButtonsFit(&create);
        shot(&create, QStringLiteral("group-create"));
    }
    {
        GroupDialog manage(m_client.get(), m_group, m_window.get());
        manage.show();
        QVERIFY(QTest::qWaitForWindowExposed(&manage));
        verifyButtonsFit(&manage);
        shot(&manage, QStringLiteral("group-manage"));
    }
    {
        SettingsDialog settings(*m_desk.settings, m_window.get());
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        verifyButtonsFit(&settings);
        shot(&settings, QStringLiteral("settings"));
    }
    m_desk.languages->apply(AppSettings::Language::English);
}

void tst_Polish::memberListShowsDetailsAndRemoveAsks()
{
    // Alice owns a group of her own with Bob and 王小明.
    QSignalSpy opened(m_client.get(), &ChatClient::conversationOpened);
    m_client->createGroup(QStringLiteral("Team"), {m_peer->currentUser().id, m_third->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId team = opened.first().first().value<ConversationId>();
    GroupDialog dialog(m_client.get(), team, m_window.get());
    dialog.show();
    auto* members = dialog.findChild<QListWidget*>(QStringLiteral("memberList"));
    QVERIFY(members);
    QTRY_COMPARE(members->count(), 3);
    QVERIFY(qobject_cast<MemberListDelegate*>(members->itemDelegate()));
    QListWidgetItem* wang = nullptr;
    for (int i = 0; i < members->count(); ++i) {
        QListWidgetItem* item = members->item(i);
        const bool isOwner = item->text() == QLatin1String("Alice");
        QCOMPARE(item->data(MemberListDelegate::GroupRoleRole).toInt(),
                 int(isOwner ? MemberListDelegate::GroupRole::Owner : MemberListDelegate::GroupRole::Member));
        QVERIFY(item->data(MemberListDelegate::PresenceKnownRole).toBool());
        QVERIFY(item->data(MemberListDelegate::OnlineRole).toBool()); // all three are connected
        if (item->text() == QStringLiteral("王小明"))
            wang = item;
    }
    QVERIFY(wang);
    QCOMPARE(wang->data(MemberListDelegate::UsernameRole).toString(), QStringLiteral("wang"));
    shot(&dialog, QStringLiteral("members"));
    m_desk.languages->apply(AppSettings::Language::Chinese);
    shot(&dialog, QStringLiteral("members"));
    m_desk.languages->apply(AppSettings::Language::English);

    // Remove asks first, naming member and group; "No" keeps the member. (The list was rebuilt meanwhile.)
    QTRY_COMPARE(members->count(), 3);
    const QList<QListWidgetItem*> found = members->findItems(QStringLiteral("王小明"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    members->setCurrentItem(found.first());
    const auto findRemove = [&]() -> QPushButton* {
        for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
            if (b->text() == QLatin1String("Remove"))
                return b;
        }
        return nullptr;
    };
    QTRY_VERIFY(findRemove()); // back in English once the language change reached the dialog
    QPushButton* remove = findRemove();
    QString question;
    answerNextMessageBox(QMessageBox::No, &question);
    remove->click();
    QCOMPARE(question, QStringLiteral("Remove 王小明 from the group \"Team\"?"));
    QCOMPARE(m_client->conversations()->conversation(team)->members.size(), 3);
    answerNextMessageBox(QMessageBox::Yes, &question);
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->conversations()->conversation(team)->members.size(), 2, kWaitMs);
}

void tst_Polish::mutedConversationLooksMuted()
{
    // Bob writes in the group twice: an unread badge, red; muted, it turns grey.
    m_window->openConversation(m_client->conversations()->privateWith(m_peer->currentUser().id));
    QSignalSpy received(m_client.get(), &ChatClient::messageReceived);
    m_peer->sendText(m_group, QStringLiteral("one"));
    m_peer->sendText(m_group, QStringLiteral("two"));
    QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 2, kWaitMs);
    QListView* list = m_window->sidebar()->conversationList();
    const QModelIndex row = findRow(list->model(), roles::ConversationId, m_group.value());
    QTRY_VERIFY(row.data(roles::ConversationUnread).toInt() >= 2);
    const auto countColour = [&](const QColor& colour) {
        const QRect rect = list->visualRect(row);
        const QImage image = list->viewport()->grab(rect).toImage();
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += image.pixelColor(x, y) == colour ? 1 : 0;
        }
        return n;
    };
    QVERIFY(countColour(ConversationListDelegate::badgeColor(false)) > 20);
    m_desk.settings->setConversationMuted(m_group.value(), true);
    list->viewport()->update();
    QVERIFY(countColour(ConversationListDelegate::badgeColor(false)) == 0);
    QVERIFY(countColour(ConversationListDelegate::badgeColor(true)) > 20);
    shot(m_window->sidebar(), QStringLiteral("sidebar-muted"));
    m_desk.settings->setConversationMuted(m_group.value(), false);
}

void tst_Polish::fontSizeReachesInputAndHeader()
{
    m_window->openConversation(m_group);
    auto* input = m_window->findChild<MessageInput*>();
    auto* title = m_window->findChild<QLabel*>(QStringLiteral("conversationTitle"));
    QVERIFY(input && title);
    m_desk.settings->setFontPointSize(16);
    QVERIFY(applySettingsThroughDialog(m_window.get())); // applies the stored 16 pt on OK
    QCOMPARE(input->font().pointSize(), 16);
    QCOMPARE(QFontInfo(input->font()).pointSize(), 16);
    QCOMPARE(input->viewport()->font().pointSize(), 16); // the placeholder's
    QVERIFY(title->font().pointSizeF() > 16);
    QVERIFY(QFontMetrics(title->font()).height() > QFontMetrics(QApplication::font()).height());
    QVERIFY(input->height() >= 3 * QFontMetrics(input->font()).lineSpacing());
    const QString longText = QStringLiteral("A longer message to see where the bubble wraps at a large font size, "
                                            "which should use the width of the window rather than a fixed cap.");
    m_peer->sendText(m_group, longText);
    const QAbstractItemModel* messages =
        m_window->conversationView()->findChild<QListView*>(QStringLiteral("messageList"))->model();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(messages, roles::MessageText, longText).isValid(), kWaitMs);
    shot(m_window.get(), QStringLiteral("font-16pt"));
    m_desk.settings->setFontPointSize(0);
    QVERIFY(applySettingsThroughDialog(m_window.get()));
}

void tst_Polish::smallWindowKeepsRoomToWrite()
{
    m_window->resize(640, 480);
    QApplication::processEvents();
    QTRY_COMPARE(m_window->width(), 640);
    auto* input = m_window->findChild<MessageInput*>();
    QVERIFY(input->isVisible());
    QVERIFY(input->height() >= 3 * input->fontMetrics().lineSpacing());
    QVERIFY(input->width() >= 200);
    QVERIFY(m_window->sidebar()->width() <= 260); // the sidebar gave way
    QVERIFY(m_window->conversationView()->width() >= 380);
    QVERIFY(m_window->minimumSizeHint().width() <= 640);
    shot(m_window.get(), QStringLiteral("small-640x480"));
    m_desk.languages->apply(AppSettings::Language::Chinese);
    shot(m_window.get(), QStringLiteral("small-640x480"));
    m_desk.languages->apply(AppSettings::Language::English);
    m_window->resize(1000, 680);
}

void tst_Polish::focusIsVisible()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const QList<QWidget*> widgets = {
        m_window->findChild<QWidget*>(QStringLiteral("searchEdit")),
        m_window->findChild<QWidget*>(QStringLiteral("newChatButton")),
        m_window->findChild<QWidget*>(QStringLiteral("newGroupButton")),
        m_window->findChild<QWidget*>(QStringLiteral("sendButton")),
        m_window->findChild<QWidget*>(QStringLiteral("attachButton")),
        m_window->findChild<MessageInput*>(),
        m_window->sidebar()->conversationList(),
    };
    for (QWidget* w : widgets) {
        QVERIFY(w);
        if (!w->isVisible() || !w->isEnabled())
            continue;
        m_window->setFocus();
        m_window->findChild<QSplitter*>()->setFocus();
        QApplication::processEvents();
        const QImage before = w->grab().toImage();
        w->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(w->hasFocus());
        const QImage after = w->grab().toImage();
        QVERIFY2(before != after, qPrintable(w->objectName()));
        shot(m_window.get(), QStringLiteral("focus-") + w->metaObject()->className() + w->objectName());
    }
}

void tst_Polish::trayHintOncePerInstallation()
{
    const QString path = m_desk.dir.filePath(QStringLiteral("fresh.ini"));
    {
        AppSettings settings(path);
        TrayController tray;
        QVERIFY(tray.showCloseHintOnce(settings));
        QCOMPARE(tray.lastNotification().title, QStringLiteral("LanChat is still running"));
        QVERIFY(tray.lastNotification().body.contains(QLatin1String("tray")));
        QVERIFY(!tray.showCloseHintOnce(settings));
    }
    AppSettings again(path); // the next start of the app
    TrayController tray;
    QVERIFY(!tray.showCloseHintOnce(again));
}

QTEST_MAIN(tst_Polish)
#include "tst_polish.moc"
