// Test-only program behind scripts/screenshots.sh: logs three users into a running lanchat-server, plays a
// short scripted conversation with files through the real ChatClient and app windows, and saves
// QWidget::grab() PNGs of the login dialog, main window, transfers panel, settings and a group's read
// receipts with the list of who has read a message, a group's member list with roles and the owner's menu, in
// English and Chinese. Not part of the product and not a CTest
// test.
//
// Usage: lanchat-screenshots --port P --discovery-port D --out DIR [--theme light|dark]
//        [--server EXE --data-dir DIR [--config FILE]]   (the running server, for the organisation's departments)
// (dark: every file name gets "-dark"; QT_SCALE_FACTOR=2 gives 200 % grabs)

#include "appcontroller.h"
#include "appsettings.h"
#include "captureoverlay.h"
#include "chatclient.h"
#include "conversationview.h"
#include "forwarddialog.h"
#include "grouproleshots.h"
#include "languagemanager.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "messageeditactions.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "noticeshots.h"
#include "pinyinshots.h"
#include "profilecardshots.h"
#include "profileshots.h"
#include "readerspopup.h"
#include "replycontroller.h"
#include "searchshots.h"
#include "serverfinder.h"
#include "settingsdialog.h"
#include "sidebar.h"
#include "statusshots.h"
#include "textselection.h"
#include "theme.h"
#include "tokenvault.h"
#include "transfermanager.h"
#include "transferspanel.h"
#include "typingtracker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace lanchat;

namespace {

const QString kHost = QStringLiteral("127.0.0.1");
const QString kPassword = QStringLiteral("screenshot-password");
constexpr int kWaitMs = 20000;

bool fail(const char* what)
{
    std::fprintf(stderr, "lanchat-screenshots: %s\n", what);
    return false;
}

bool enter(ChatClient& client, quint16 port, const QString& user, const QString& display)
{
    QSignalSpy synced(&client, &ChatClient::synced);
    QSignalSpy failed(&client, &ChatClient::loginFailed);
    client.connectToServer(kHost, port, true);
    client.registerAccount(user, kPassword, display);
    if (!QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return fail("no answer to register");
    if (!failed.isEmpty()) { // a second run against the same data: log in instead
        client.login(user, kPassword);
        if (!synced.wait(kWaitMs))
            return fail("login failed");
    }
    return true;
}

ConversationId open(ChatClient& client, UserId peer)
{
    QSignalSpy opened(&client, &ChatClient::conversationOpened);
    client.openPrivate(peer);
    return opened.wait(kWaitMs) ? opened.first().first().value<ConversationId>() : ConversationId();
}

bool waitTransfer(TransferManager* transfers, int key, TransferManager::State state)
{
    return QTest::qWaitFor(
        [&] {
            for (int row = 0; row < transfers->rowCount(); ++row) {
                const QModelIndex index = transfers->index(row, 0);
                if (index.data(TransferManager::TransferKeyRole).toInt() == key)
                    return index.data(TransferManager::StateRole).toInt() == int(state);
            }
            return false;
        },
        kWaitMs);
}

QString writeImage(const QString& dir)
{
    // A chart-like picture, so the inline thumbnail shows something recognisable.
    QImage image(640, 400, QImage::Format_RGB32);
    image.fill(QColor(0xfa, 0xfb, 0xfd));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QList<int> bars{120, 180, 150, 260, 220, 310};
    for (int i = 0; i < bars.size(); ++i)
        p.fillRect(60 + i * 90, 360 - bars[i], 56, bars[i], QColor(0x1f, 0x6f, 0xd1).lighter(100 + i * 12));
    p.setPen(QPen(QColor(0x33, 0x33, 0x33), 2));
    p.drawLine(40, 360, 620, 360);
    p.drawLine(40, 30, 40, 360);
    p.end();
    const QString path = dir + QStringLiteral("/sales-q3.png");
    image.save(path);
    return path;
}

QString writeFile(const QString& dir, const QString& name, qint64 size)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray block(64 * 1024, '\0');
    for (qsizetype i = 0; i < block.size(); ++i)
        block[i] = char((i * 7919) % 253);
    for (qint64 written = 0; written < size; written += block.size())
        file.write(block.constData(), qMin<qint64>(block.size(), size - written));
    return path;
}

void save(QWidget* widget, const QString& out, const QString& name)
{
    QApplication::processEvents();
    QTest::qWait(150); // let queued layouts and repaints settle before grabbing
    const QString path = out + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        std::fprintf(stderr, "lanchat-screenshots: cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

// The screenshot tool over a picture of the main window: a region chosen and marked up, toolbar showing.
void saveScreenshotTool(QWidget& window, const QString& out, const QString& name)
{
    QImage picture = window.grab().toImage();
    CaptureOverlay overlay(picture);
    overlay.show();
    if (!QTest::qWaitForWindowExposed(&overlay))
        return;
    const QRect area = QRect(QPoint(0, 0), overlay.size()).adjusted(300, 60, -140, -160);
    const auto drag = [&overlay](QPoint from, QPoint to) {
        QTest::mousePress(&overlay, Qt::LeftButton, {}, from);
        QTest::mouseMove(&overlay, to);
        QTest::mouseRelease(&overlay, Qt::LeftButton, {}, to);
    };
    drag(area.topLeft(), area.bottomRight());
    drag(area.topLeft() + QPoint(40, 150), area.topLeft() + QPoint(360, 250));
    overlay.setTool(CaptureOverlay::Tool::Arrow);
    drag(area.topLeft() + QPoint(500, 60), area.topLeft() + QPoint(370, 150));
    save(&overlay, out, name);
}

/** Drags the mouse over the first @p chars characters of the message @p text, as a user selecting them would. */
void selectText(ConversationView& view, const QString& text, int chars)
{
    QListView* list = view.messageList();
    for (int row = list->model()->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(roles::MessageText).toString() != text)
            continue;
        const QRect rect = view.textSelection()->textRect(index);
        const QPoint from(rect.left() + 1, rect.top() + 2);
        const QPoint to(rect.left() + list->fontMetrics().horizontalAdvance(text.left(chars)), rect.top() + 2);
        for (const auto& [type, pos] : {std::pair{QEvent::MouseButtonPress, from}, std::pair{QEvent::MouseMove, to},
                                        std::pair{QEvent::MouseButtonRelease, to}}) {
            const Qt::MouseButtons held = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
            QMouseEvent event(type, pos, list->viewport()->mapToGlobal(pos),
                              type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, held, Qt::NoModifier);
            QApplication::sendEvent(list->viewport(), &event);
        }
        return;
    }
}

} // namespace

namespace {

struct Scene
{
    ChatClient alice;
    ChatClient bob;
    ChatClient carol;
    ConversationId chat;
    ConversationId group;
};

bool say(ChatClient& from, ConversationId conversation, const QString& text, ChatClient& to)
{
    QSignalSpy received(&to, &ChatClient::messageReceived);
    from.sendText(conversation, text);
    return received.wait(kWaitMs);
}

QModelIndex lastFile(ChatClient& client, ConversationId conversation)
{
    const QAbstractItemModel* model = client.messages(conversation);
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model->index(row, 0);
        if (!index.data(roles::MessageFileName).toString().isEmpty())
            return index;
    }
    return {};
}

/** The group with Alice's "N/M read" note (receipts-<tag>) and the list of who has read it (receipts-list-<tag>). */
void saveReceipts(MainWindow& window, const QString& out, const QString& tag)
{
    QListView* list = window.conversationView()->messageList();
    const QModelIndex note = [list] {
        for (int row = list->model()->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = list->model()->index(row, 0);
            if (index.data(roles::MessageText).toString().startsWith(QLatin1String("Slides")))
                return index;
        }
        return QModelIndex();
    }();
    list->scrollTo(note, QAbstractItemView::PositionAtCenter);
    save(&window, out, QStringLiteral("receipts-") + tag);
    if (!note.isValid())
        return;
    ReadersPopup* popup = ReadersPopup::open(note, window.conversationView(), window.mapToGlobal(QPoint(400, 200)));
    save(popup, out, QStringLiteral("receipts-list-") + tag);
    popup->close();
}

bool play(Scene& s, const QString& files)
{
    s.chat = open(s.alice, s.bob.currentUser().id);
    if (!s.chat.isValid())
        return fail("no private conversation");
    if (!say(s.bob, s.chat, QStringLiteral("Morning Alice! Did the Q3 numbers come in?"), s.alice) ||
        !say(s.alice, s.chat, QStringLiteral("Yes, the chart is ready. Sending it now."), s.bob))
        return fail("text messages");
    const int up = s.bob.transfers()->upload(s.chat, writeImage(files));
    if (!waitTransfer(s.bob.transfers(), up, TransferManager::State::Done))
        return fail("image upload");
    if (!QTest::qWaitFor([&] { return lastFile(s.alice, s.chat).isValid(); }, kWaitMs))
        return fail("image message");
    const QModelIndex image = lastFile(s.alice, s.chat);
    const int down = s.alice.transfers()->download(s.chat, image.data(roles::MessageFileName).toString(),
                                                   image.data(roles::MessageFileSize).toLongLong(),
                                                   image.data(roles::MessageFileSha256).toByteArray());
    if (!waitTransfer(s.alice.transfers(), down, TransferManager::State::Done))
        return fail("image download");
    if (!say(s.alice, s.chat, QStringLiteral("Thanks! 收到，我下午整理成报告。"), s.bob) ||
        !say(s.bob, s.chat,
             QStringLiteral("Great. Review at 15:00 in room 402, agenda: https://intranet.example.com/q3\n"
                            "Bring the printed report, please."),
             s.alice))
        return fail("text messages");
    const int report =
        s.alice.transfers()->upload(s.chat, writeFile(files, QStringLiteral("Q3-report.pdf"), 3'400'000));
    if (!waitTransfer(s.alice.transfers(), report, TransferManager::State::Done))
        return fail("report upload");
    say(s.bob, s.chat, QStringLiteral("Got it, reading now."), s.alice);

    QSignalSpy opened(&s.alice, &ChatClient::conversationOpened);
    s.alice.createGroup(QStringLiteral("Project Apollo"), {s.bob.currentUser().id, s.carol.currentUser().id});
    if (!opened.wait(kWaitMs))
        return fail("group");
    s.group = opened.first().first().value<ConversationId>();
    if (!QTest::qWaitFor([&] { return s.carol.messages(s.group) != nullptr; }, kWaitMs))
        return fail("group for carol");
    QTest::qWait(300);
    // Bob reads Alice's note, Carol does not: "1/2 read" and its list (receipts-*.png).
    say(s.alice, s.group, QStringLiteral("Slides for Friday's review are in the shared folder."), s.bob);
    s.bob.markRead(s.group);
    say(s.carol, s.group, QStringLiteral("Kick-off notes are in the shared folder."), s.alice);
    say(s.carol, s.group, QStringLiteral("明天上午十点开会，别忘了。"), s.alice);
    const int backup =
        s.alice.transfers()->upload(s.group, writeFile(files, QStringLiteral("site-backup.tar"), 400'000'000));
    if (waitTransfer(s.alice.transfers(), backup, TransferManager::State::Running)) {
        QTest::qWait(400); // a little progress before pausing
        s.alice.transfers()->pause(backup);
    }
    return true;
}

/** The row of @p client's message in @p conversation whose text is @p text; invalid when none. */
QModelIndex rowWithText(ChatClient& client, ConversationId conversation, const QString& text)
{
    const QAbstractItemModel* model = client.messages(conversation);
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(roles::MessageText).toString() == text && index.data(roles::MessageSeq).toLongLong() > 0)
            return index;
    }
    return {};
}

/** The group after recall and edit: an edited message, a recall by someone else and one's own (with Re-edit). */
bool playRecallEdit(Scene& s)
{
    const QString notes = QStringLiteral("Kick-off notes are in the shared folder.");
    const QModelIndex carols = rowWithText(s.carol, s.group, notes);
    if (!carols.isValid())
        return fail("carol's message");
    s.carol.editMessage(s.group, carols.data(roles::MessageSeq).toLongLong(),
                        QStringLiteral("Kick-off notes are in the shared folder: Apollo/Kick-off."));
    const QString wrong = QStringLiteral("Sorry, wrong chat");
    if (!say(s.bob, s.group, wrong, s.alice))
        return fail("bob's message");
    s.bob.recallMessage(s.group, rowWithText(s.bob, s.group, wrong).data(roles::MessageSeq).toLongLong());
    const QString budget = QStringLiteral("Budget: 2.4M (draft numbers)");
    if (!say(s.alice, s.group, budget, s.bob) ||
        !QTest::qWaitFor([&] { return rowWithText(s.alice, s.group, budget).isValid(); }, kWaitMs))
        return fail("alice's message");
    s.alice.recallMessage(s.group, rowWithText(s.alice, s.group, budget).data(roles::MessageSeq).toLongLong());
    const QString standup = QStringLiteral("Stand-up moves to 9:30 tomorrow");
    if (!say(s.alice, s.group, standup, s.bob) ||
        !QTest::qWaitFor([&] { return rowWithText(s.alice, s.group, standup).isValid(); }, kWaitMs))
        return fail("alice's second message");
    return QTest::qWaitFor(
        [&] {
            const QAbstractItemModel* model = s.alice.messages(s.group);
            int recalled = 0;
            int edited = 0;
            for (int row = 0; row < model->rowCount(); ++row) {
                recalled += model->index(row, 0).data(roles::MessageRecalled).toBool() ? 1 : 0;
                edited += model->index(row, 0).data(roles::MessageEditedTime).toDateTime().isValid() ? 1 : 0;
            }
            return recalled == 2 && edited == 1;
        },
        kWaitMs);
}

/**
 * The @mention states: the list's "[@me]" with someone typing in the open chat, then the @ completer over the
 * group with the mention highlighted in its bubble. Runs after the other pictures (it opens the group).
 */
bool saveMentionStates(Scene& s, MainWindow& window, LanguageManager& languages, const QString& out,
                       const QString& themeSuffix)
{
    const QList<std::pair<AppSettings::Language, QString>> languageTags{
        {AppSettings::Language::English, QStringLiteral("en")},
        {AppSettings::Language::Chinese, QStringLiteral("zh_CN")}};
    QSignalSpy received(&s.alice, &ChatClient::messageReceived);
    s.carol.sendText(s.group, QStringLiteral("@Alice Chen could you review the slides before 3?"),
                     Mentions{{s.alice.currentUser().id}, false});
    if (!received.wait(kWaitMs))
        return fail("mention");
    s.alice.typing()->setExpiryMs(10 * 60 * 1000); // the pictures take longer than a real notice lasts
    s.bob.noteTyping(s.chat);
    if (!QTest::qWaitFor([&] { return !s.alice.typing()->typingUsers(s.chat).isEmpty(); }, kWaitMs))
        return fail("typing");
    window.openConversation(s.chat);
    for (const auto& [language, suffix] : languageTags) {
        languages.apply(language);
        save(&window, out, QStringLiteral("mention-list-typing-") + suffix + themeSuffix);
    }
    window.openConversation(s.group);
    MessageInput* input = window.conversationView()->input();
    for (const auto& [language, suffix] : languageTags) {
        languages.apply(language);
        input->clear();
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("@"));
        window.conversationView()->messageList()->scrollToBottom();
        save(&window, out, QStringLiteral("mention-completer-") + suffix + themeSuffix);
    }
    input->clear();
    return true;
}

/** Row of @p text in @p model, -1 when none. */
int rowOfText(const QAbstractItemModel* model, const QString& text)
{
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (model->index(row, 0).data(roles::MessageText).toString() == text)
            return row;
    }
    return -1;
}

/** Alice answers Bob's agenda with a quote (after the other pictures, so those stay as they were). */
bool reply(Scene& s)
{
    const MessagesModel* model = s.alice.messages(s.chat);
    const int agenda =
        rowOfText(model, QStringLiteral("Great. Review at 15:00 in room 402, agenda: "
                                        "https://intranet.example.com/q3\nBring the printed report, please."));
    if (agenda < 0)
        return fail("agenda message");
    QSignalSpy received(&s.bob, &ChatClient::messageReceived);
    s.alice.sendReply(s.chat, QStringLiteral("OK, I'll bring two copies."),
                      model->index(agenda, 0).data(roles::MessageSeq).toLongLong());
    return received.wait(kWaitMs) || fail("reply");
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LanChat-screenshots"));
    QApplication::setApplicationName(QStringLiteral("lanchat-screenshots"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("server TCP port"),
                                        QStringLiteral("port"));
    const QCommandLineOption discoveryOption(QStringLiteral("discovery-port"), QStringLiteral("server UDP port"),
                                             QStringLiteral("port"), QStringLiteral("7412"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("output folder"), QStringLiteral("dir"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("light or dark"),
                                         QStringLiteral("theme"), QStringLiteral("light"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("lanchat-server executable"),
                                          QStringLiteral("exe"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"), QStringLiteral("the server's data directory"),
                                        QStringLiteral("dir"));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("the server's config file"),
                                          QStringLiteral("file"));
    parser.addOptions({portOption, discoveryOption, outOption, themeOption, serverOption, dataOption, configOption});
    parser.process(app);
    const auto port = quint16(parser.value(portOption).toUInt());
    const QString out = parser.value(outOption);
    QDir().mkpath(out);

    QTemporaryDir tmp;
    AppSettings settings(tmp.filePath(QStringLiteral("lanchat.ini")));
    settings.setDownloadDirectory(tmp.filePath(QStringLiteral("Downloads")));
    settings.setLastServer(kHost, port);
    settings.setLastUsername(QStringLiteral("alice"));
    LanguageManager languages;
    languages.apply(AppSettings::Language::English);
    const bool dark = parser.value(themeOption) == QLatin1String("dark");
    Theme::install(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    AppController::applyStyleSheet();
    const QString themeSuffix = dark ? QStringLiteral("-dark") : QString();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lanchat.png")));

    Scene scene;
    for (ChatClient* c : {&scene.alice, &scene.bob, &scene.carol})
        c->setSettings(nullptr);
    scene.alice.transfers()->setDownloadDirectory(settings.downloadDirectory());
    if (!enter(scene.bob, port, QStringLiteral("bob"), QStringLiteral("Bob Wang")) ||
        !enter(scene.carol, port, QStringLiteral("carol"), QStringLiteral("Carol Li")) ||
        !enter(scene.alice, port, QStringLiteral("alice"), QStringLiteral("Alice Chen")))
        return 1;
    // Two people with photos, one with initials: every list shows both kinds.
    if (!screenshots::givePhoto(scene.bob, QColor(40, 90, 160)) ||
        !screenshots::givePhoto(scene.carol, QColor(170, 80, 60)))
        return fail("avatar upload refused") ? 0 : 1;
    if (!play(scene, tmp.path()))
        return 1;

    ChatClient visitor; // the login dialog's own client: never logs in
    visitor.setSettings(nullptr);
    ServerFinder finder;
    finder.setProbePort(quint16(parser.value(discoveryOption).toUInt()));
    finder.start();
    if (!QTest::qWaitFor([&] { return !finder.servers().isEmpty(); }, 5000))
        std::fprintf(stderr, "lanchat-screenshots: discovery found no server\n");
    settings.setLastServer(QString(), port);
    TokenVault vault; // not asked: the dialog as it is where a keychain runs
    LoginDialog login(&visitor, settings, vault, &finder);
    // scripts/screenshots.sh gives the driver no session bus: this vault finds no keychain, as some users' desktops.
    TokenVault noKeychain;
    QSignalSpy keychainRead(&noKeychain, &TokenVault::loaded);
    noKeychain.load(kHost, port, QStringLiteral("alice"));
    if (keychainRead.isEmpty() && !keychainRead.wait(30000))
        std::fprintf(stderr, "lanchat-screenshots: the keychain read did not finish\n");
    settings.setLastServer(kHost, port);
    LoginDialog noKeychainLogin(&visitor, settings, noKeychain, &finder);

    MainWindow window(&scene.alice, settings, &languages);
    window.setServerName(kHost + QLatin1Char(':') + QString::number(port));
    window.resize(1120, 720);
    window.show();
    window.openConversation(scene.chat);
    scene.alice.markRead(scene.chat);
    if (!QTest::qWaitForWindowExposed(&window))
        return fail("window not exposed") ? 0 : 1;

    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        const QString tag = suffix + themeSuffix;
        languages.apply(language);
        login.show();
        save(&login, out, QStringLiteral("login-") + tag);
        login.hide();
        if (noKeychain.status() == TokenVault::Status::Unavailable) {
            noKeychainLogin.show();
            save(&noKeychainLogin, out, QStringLiteral("login-nokeychain-") + tag);
            noKeychainLogin.hide();
        }
        window.transfersDock()->hide();
        window.conversationView()->messageList()->scrollToBottom();
        save(&window, out, QStringLiteral("main-") + tag);
        window.transfersDock()->show();
        save(&window, out, QStringLiteral("transfers-") + tag);
        window.transfersDock()->hide();
        SettingsDialog dialog(settings, &window);
        dialog.show();
        save(&dialog, out, QStringLiteral("settings-") + tag);
        dialog.hide();
        saveScreenshotTool(window, out, QStringLiteral("screenshot-tool-") + tag);
        // Part of a message selected with the mouse, then the conversation picker of "Forward…".
        selectText(*window.conversationView(), QStringLiteral("Morning Alice! Did the Q3 numbers come in?"), 13);
        save(&window, out, QStringLiteral("text-selection-") + tag);
        window.conversationView()->textSelection()->clear();
        ForwardDialog forward(&scene.alice, 2, &window);
        forward.show();
        forward.findChild<QLineEdit*>(QStringLiteral("forwardSearch"))->setText(QStringLiteral("apollo"));
        save(&forward, out, QStringLiteral("forward-") + tag);
        forward.hide();
    }

    // A reply's quote in its bubble, and the "Replying to" bar over the input for the next one.
    if (!reply(scene))
        return 1;
    auto* replies = window.conversationView()->findChild<ReplyController*>();
    QListView* list = window.conversationView()->messageList();
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        const int row = rowOfText(list->model(), QStringLiteral("Got it, reading now."));
        replies->startReply(list->model()->index(row, 0));
        list->scrollToBottom();
        save(&window, out, QStringLiteral("reply-") + suffix + themeSuffix);
        replies->cancel();
    }

    // Last: opening the group marks it read, which the shots above must not show.
    window.openConversation(scene.group);
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        saveReceipts(window, out, suffix + themeSuffix);
    }

    // Recall and edit, in the group: after the other pictures, which show the chat without them.
    if (!playRecallEdit(scene))
        return 1;
    window.openConversation(scene.group);
    scene.alice.markRead(scene.group);
    auto* editActions = window.conversationView()->findChild<MessageEditActions*>();
    const QModelIndex standup =
        rowWithText(scene.alice, scene.group, QStringLiteral("Stand-up moves to 9:30 tomorrow"));
    if (!editActions || !standup.isValid())
        return fail("recall-edit scene") ? 0 : 1;
    editActions->startEdit(standup);
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        window.conversationView()->messageList()->scrollToBottom();
        save(&window, out, QStringLiteral("recall-edit-") + suffix + themeSuffix);
    }
    editActions->cancelEdit();
    if (!saveMentionStates(scene, window, languages, out, themeSuffix))
        return 1;
    if (!screenshots::saveProfileStates(scene.alice, languages, themeSuffix,
                                        [&out](QWidget* widget, const QString& name) { save(widget, out, name); }))
        return 1;
    if (!screenshots::saveSearchStates(scene.alice, scene.bob, scene.carol, scene.chat, scene.group, window, languages,
                                       out, themeSuffix))
        return 1;
    const ShotHooks hooks{
        [port](ChatClient& c, const QString& user, const QString& name) { return enter(c, port, user, name); },
        [&out](QWidget* widget, const QString& name) { save(widget, out, name); }};
    if (!savePinyinStates(window, scene.alice, languages, themeSuffix, hooks))
        return 1;
    if (!saveStatusStates(window, scene.alice, scene.bob, scene.chat, languages, themeSuffix, hooks))
        return 1;
    if (!screenshots::saveGroupRoleStates(scene.alice, scene.bob, scene.group, scene.carol.currentUser().id, languages,
                                          themeSuffix,
                                          [&out](QWidget* widget, const QString& name) { save(widget, out, name); }))
        return 1;
    // Departments come from the admin commands, so only with the server's executable and data directory.
    if (parser.isSet(serverOption) &&
        !saveProfileCardStates(window, scene.alice, scene.bob, languages, themeSuffix,
                               {parser.value(serverOption), parser.value(dataOption), parser.value(configOption)},
                               hooks))
        return 1;
    // Last: the banner stays pinned on the window.
    if (!screenshots::saveNoticeStates(scene.alice, scene.bob, scene.carol, scene.group, window, languages, out,
                                       themeSuffix))
        return 1;
    return 0;
}
