#include "mainwindow.h"

#include "appsettings.h"
#include "certificatedialog.h"
#include "chatclient.h"
#include "connectionstatuslabel.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "errortext.h"
#include "groupdialog.h"
#include "icons.h"
#include "languagemanager.h"
#include "messageinput.h"
#include "messagerecord.h"
#include "modelroles.h"
#include "noticebanner.h"
#include "noticecontroller.h"
#include "notificationsound.h"
#include "ownstatus.h"
#include "profilecardcontroller.h"
#include "searchdock.h"
#include "settingsdialog.h"
#include "sidebar.h"
#include "statusbutton.h"
#include "statuscontroller.h"
#include "transfercounter.h"
#include "transfermanager.h"
#include "transferspanel.h"
#include "traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace lanchat {

MainWindow::MainWindow(ChatClient* client, AppSettings& settings, LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_settings(settings)
    , m_languages(languages)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_sidebar = new Sidebar(m_client, splitter);
    // In a small window the sidebar gives way first, down to what its layout needs (the "New chat" and "New group"
    // buttons whole, in either language; then it can be dragged shut); the chat keeps room.
    m_view = new ConversationView(m_client, m_settings, splitter);
    m_view->setMinimumWidth(380);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_view);
    splitter->setCollapsible(0, true);
    splitter->setCollapsible(1, false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    m_sidebar->setMutedLookup(
        [this](ConversationId id) { return m_settings.mutedConversations().contains(id.value()); });
    splitter->setSizes({300, 700});
    // A pending announcement is pinned above everything (NoticeBanner).
    m_notices = new NoticeController(m_client, this, [this] { return m_view->conversation(); });
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_notices->banner());
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_transfers = new TransfersPanel(m_client->transfers(), m_settings, this);
    m_transfersDock = new QDockWidget(this);
    m_transfersDock->setObjectName(QStringLiteral("transfersDock"));
    m_transfersDock->setWidget(m_transfers);
    m_transfersDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_transfersDock);
    m_transfersDock->hide();
    m_search = new SearchDock(m_client, m_view, this);
    addDockWidget(Qt::RightDockWidgetArea, m_search);
    m_search->hide();
    connect(m_search, &SearchDock::hitActivated, this, [this](ConversationId conversation, Seq seq) {
        openConversation(conversation);
        m_view->showMessage(seq);
    });

    m_status = new ConnectionStatusLabel(m_client, this);
    statusBar()->addWidget(m_status, 1);
    m_reconnectButton = new QToolButton(this);
    m_reconnectButton->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnectButton->setAutoRaise(true);
    m_reconnectButton->setIcon(Icons::icon(QStringLiteral("reconnect")));
    m_reconnectButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    statusBar()->addPermanentWidget(m_reconnectButton);
    m_transfersButton = new QToolButton(this);
    m_transfersButton->setObjectName(QStringLiteral("transfersButton"));
    m_transfersButton->setAutoRaise(true);
    m_transfersButton->setIcon(Icons::icon(QStringLiteral("transfers")));
    m_transfersButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    statusBar()->addPermanentWidget(m_transfersButton);
    connect(m_transfersButton, &QToolButton::clicked, this,
            [this] { m_transfersDock->setVisible(!m_transfersDock->isVisible()); });

    m_tray = new TrayController(this);
    m_sound = new NotificationSound(m_settings, this);
    m_statusController = new StatusController(m_client, m_settings, m_tray, this);
    m_sidebar->setHeader(m_statusController->button());
    connect(m_statusController->ownStatus(), &OwnStatus::failed, this,
            [this](ErrorCode code) { statusBar()->showMessage(ErrorText::message(code), 8000); });
    connect(m_tray, &TrayController::showRequested, this, &MainWindow::showAndRaise);
    connect(m_tray, &TrayController::quitRequested, this, &MainWindow::quit);
    connect(m_tray, &TrayController::notificationClicked, this, [this](ConversationId id) {
        showAndRaise();
        if (id.isValid())
            openConversation(id);
    });

    m_cards = new ProfileCardController(m_client, this);
    buildMenus();
    m_reconnectButton->setDefaultAction(m_reconnectAction);
    connect(m_client, &ChatClient::stateChanged, this, &MainWindow::updateReconnect);
    updateReconnect();
    connect(m_sidebar, &Sidebar::conversationActivated, this, &MainWindow::openConversation);
    connect(m_sidebar, &Sidebar::contactActivated, m_client, &ChatClient::openPrivate);
    connect(m_sidebar, &Sidebar::newGroupRequested, this, &MainWindow::showNewGroup);
    connect(m_sidebar, &Sidebar::profileRequested, this,
            [this](UserId user, const QPoint& at) { m_cards->show(user, at, m_sidebar); });
    connect(m_view, &ConversationView::profileRequested, this,
            [this](UserId user, const QPoint& at) { m_cards->show(user, at, m_view); });
    connect(m_cards, &ProfileCardController::chatOpened, this, [this](ConversationId conversation) {
        openConversation(conversation);
        m_view->input()->setFocus();
    });
    // The menu's "Edit my profile…" only where the server takes profile changes.
    connect(m_client, &ChatClient::loggedIn, this,
            [this] { m_profileAction->setVisible(m_client->supportsProfiles()); });
    connect(m_sidebar, &Sidebar::messageSearchRequested, this,
            [this](const QString& text) { m_search->open(ConversationId(), text); });
    connect(m_view, &ConversationView::groupInfoRequested, this, [this](ConversationId id) {
        GroupDialog dialog(m_client, id, this);
        connect(&dialog, &GroupDialog::profileRequested, this,
                [this, &dialog](UserId user, const QPoint& at) { m_cards->show(user, at, &dialog); });
        // "Send message" on a member's card leaves the dialog for the chat.
        connect(m_cards, &ProfileCardController::chatRequested, &dialog, &QDialog::accept);
        dialog.exec();
    });
    connect(m_view, &ConversationView::mutedChanged, m_sidebar->conversationList()->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_client, &ChatClient::conversationOpened, this, &MainWindow::openConversation);
    connect(m_client, &ChatClient::messageReceived, this, &MainWindow::onMessageReceived);
    connect(m_client, &ChatClient::certificateMismatch, this, &MainWindow::onCertificateMismatch);
    connect(m_client, &ChatClient::sessionRevoked, this, [this] {
        // The client does not reconnect with the old password: back to the login dialog, saying why.
        hide();
        Q_EMIT loggedOut(ErrorText::message(ErrorCode::SessionRevoked));
    });
    connect(m_client, &ChatClient::sessionEnded, this, [this](ErrorCode code) {
        // The re-login after a reconnect was refused (e.g. the account was disabled): the same way back, saying why.
        hide();
        Q_EMIT loggedOut(ErrorText::message(code));
    });
    connect(m_client, &ChatClient::requestFailed, this,
            [this](const QString&, ErrorCode code) { statusBar()->showMessage(ErrorText::message(code), 8000); });
    QAbstractItemModel* conversations = m_client->conversations();
    connect(conversations, &QAbstractItemModel::dataChanged, this, &MainWindow::updateUnread);
    connect(conversations, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateUnread);
    connect(conversations, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateUnread);
    connect(conversations, &QAbstractItemModel::modelReset, this, &MainWindow::updateUnread);
    // A new transfer only updates the button's count: the panel opens when the user asks for it.
    connect(m_transfers->counter(), &TransferCounter::changed, this, &MainWindow::updateTransfersButton);
    m_client->transfers()->setDownloadDirectory(m_settings.downloadDirectory());
    applyFont();
    retranslateUi();
    resize(1000, 680);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    m_appMenu = menuBar()->addMenu(QString());
    // Every offline state has a way back that keeps the session: no logging out and in again.
    m_reconnectAction = m_appMenu->addAction(QString(), m_client, &ChatClient::reconnect);
    m_reconnectAction->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnectAction->setShortcut(QKeySequence::Refresh);
    m_appMenu->addSeparator();
    m_profileAction = m_appMenu->addAction(QString(), m_cards, &ProfileCardController::editProfile);
    m_profileAction->setVisible(m_client->supportsProfiles());
    m_profileAction->setObjectName(QStringLiteral("profileAction"));
    m_settingsAction = m_appMenu->addAction(QString(), this, &MainWindow::showSettings);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    // QKeySequence::Preferences is empty on most Linux desktops; Ctrl+, is what users of other apps try.
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!settingsKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        settingsKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setShortcuts(settingsKeys);
    m_appMenu->addSeparator();
    m_logoutAction = m_appMenu->addAction(QString(), this, [this] {
        m_client->logout();
        hide();
        Q_EMIT loggedOut(QString());
    });
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_quitAction = m_appMenu->addAction(QString(), this, &MainWindow::quit);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_chatMenu = menuBar()->addMenu(QString());
    m_newChatAction = m_chatMenu->addAction(QString(), m_sidebar, &Sidebar::showContacts);
    m_newChatAction->setShortcut(QKeySequence::New);
    m_newGroupAction = m_chatMenu->addAction(QString(), this, &MainWindow::showNewGroup);
    m_membersAction = m_chatMenu->addAction(QString(), this, [this] {
        if (m_view->conversation().isValid())
            Q_EMIT m_view->groupInfoRequested(m_view->conversation());
    });
    m_notices->addActions(m_chatMenu);
    m_chatMenu->addSeparator();
    m_chatMenu->addActions({m_search->searchAllAction(), m_search->findInConversationAction()});
    for (auto [action, icon] : {std::pair{m_reconnectAction, "reconnect"},
                                {m_settingsAction, "settings"},
                                {m_logoutAction, "logout"},
                                {m_quitAction, "quit"},
                                {m_newChatAction, "new-chat"},
                                {m_newGroupAction, "new-group"},
                                {m_membersAction, "info"}})
        action->setIcon(Icons::icon(QLatin1String(icon)));
    m_transfersDock->toggleViewAction()->setIcon(Icons::icon(QStringLiteral("transfers")));
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_transfersDock->toggleViewAction());
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About LanChat"),
                           tr("<b>LanChat %1</b><br>Chat and file sharing for your company network.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::retranslateUi()
{
    m_appMenu->setTitle(tr("&LanChat"));
    m_reconnectAction->setText(tr("&Reconnect"));
    m_reconnectAction->setToolTip(tr("Connect to the server again now"));
    m_settingsAction->setText(tr("&Settings…"));
    m_profileAction->setText(tr("Edit my &profile…"));
    m_logoutAction->setText(tr("Log &out"));
    m_quitAction->setText(tr("&Quit"));
    m_chatMenu->setTitle(tr("&Chat"));
    m_newChatAction->setText(tr("New &chat"));
    m_newGroupAction->setText(tr("New &group…"));
    m_membersAction->setText(tr("Group &members…"));
    m_notices->retranslateUi();
    m_viewMenu->setTitle(tr("&View"));
    m_transfersDock->setWindowTitle(tr("Transfers"));
    m_transfersDock->toggleViewAction()->setText(tr("&Transfers"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About LanChat"));
    updateTransfersButton();
    updateUnread();
}

void MainWindow::updateTransfersButton()
{
    const int active = m_transfers->counter()->active();
    m_transfersButton->setText(active > 0 ? tr("Transfers (%n active)", nullptr, active) : tr("Transfers"));
}

void MainWindow::updateReconnect()
{
    const ChatClient::State state = m_client->state();
    const bool offline = state == ChatClient::State::Offline || state == ChatClient::State::Reconnecting;
    m_reconnectAction->setEnabled(offline);
    m_reconnectButton->setVisible(offline);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_quitting && m_settings.closeToTray() && m_tray->isAvailable()) {
        hide();
        m_tray->showCloseHintOnce(m_settings);
        event->ignore();
        return;
    }
    event->accept();
    QApplication::quit();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::showAndRaise()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::setServerName(const QString& name)
{
    m_status->setServerName(name);
}

void MainWindow::openConversation(ConversationId conversation)
{
    if (m_view->conversation() != conversation)
        m_view->setConversation(conversation);
    m_sidebar->selectConversation(conversation);
}

int MainWindow::unreadCount() const
{
    return m_unread;
}

void MainWindow::updateUnread()
{
    const QAbstractItemModel* model = m_client->conversations();
    int unread = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        unread += model->index(row, 0).data(roles::ConversationUnread).toInt();
    m_unread = unread;
    const QString name = m_client->currentUser().displayName;
    // Ends with the application display name, so window systems that append it (Qt's xcb and Windows
    // platforms do unless the title already ends with it) do not show "LanChat" twice.
    const QString app = QGuiApplication::applicationDisplayName();
    //: window title: %1 is the user's display name, %2 the application name (LanChat)
    const QString base = name.isEmpty() ? app : tr("%1 — %2").arg(name, app);
    //: window title with the number of unread messages in front
    setWindowTitle(unread > 0 ? tr("(%1) %2").arg(unread).arg(base) : base);
    m_tray->setUnreadCount(unread);
}

QString MainWindow::senderName(qint64 userId) const
{
    const QAbstractItemModel* contacts = m_client->contacts();
    for (int row = 0; row < contacts->rowCount(); ++row) {
        const QModelIndex index = contacts->index(row, 0);
        if (index.data(roles::ContactUserId).toLongLong() == userId)
            return index.data(roles::ContactDisplayName).toString();
    }
    return tr("Someone");
}

void MainWindow::onMessageReceived(const MessageRecord& message)
{
    const bool focusedHere = isActiveWindow() && m_view->conversation() == message.conversation;
    // A mention gets through a muted conversation: the user asked not to hear the chatter, not to miss a question.
    const bool mentioned = message.mentions.includes(m_client->currentUser().id);
    // Do-not-disturb silences everything but a mention of oneself by name: @all calls the group, not this user.
    const bool named = message.mentions.users.contains(m_client->currentUser().id);
    if (focusedHere || !m_settings.notificationsEnabled() || !m_statusController->wantsNotification(named) ||
        (m_settings.mutedConversations().contains(message.conversation.value()) && !mentioned)) {
        return;
    }
    QString text = message.text;
    if (message.kind == MessageKind::File && message.file)
        //: notification text for a received file, %1 is the file name
        text = tr("[File] %1").arg(message.file->name);
    const auto conversation = m_client->conversations()->conversation(message.conversation);
    const bool group = conversation && conversation->kind == ConversationKind::Group;
    // A notice has no sender: the balloon is titled with the channel's translated name instead.
    const bool notice = conversation && conversation->announcements;
    const QString from =
        notice ? m_client->conversations()->titleOf(message.conversation) : senderName(message.sender.value());
    m_tray->notify(TrayController::messageNotification(group && !notice ? conversation->name : QString(), from, text),
                   message.conversation);
    m_sound->play();
    QApplication::alert(this);
}

void MainWindow::onCertificateMismatch(const QString& host, quint16 port, const QString& pinned,
                                       const QString& presented)
{
    if (!isVisible())
        return; // the login dialog handles it
    CertificateDialog dialog(CertificateDialog::Mode::Mismatch, host + QLatin1Char(':') + QString::number(port),
                             presented, pinned, QString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setPinnedFingerprint(host, port, presented);
    m_client->setPinnedFingerprint(host, port, presented);
    m_client->connectToServer(host, port, true);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    connect(&dialog, &SettingsDialog::applied, this, [this] {
        m_languages->apply(m_settings.language());
        m_client->transfers()->setDownloadDirectory(m_settings.downloadDirectory());
        m_statusController->applySettings();
        applyFont();
    });
    dialog.exec();
}

void MainWindow::showNewGroup()
{
    GroupDialog dialog(m_client, this);
    if (dialog.exec() == QDialog::Accepted && dialog.createdGroup().isValid())
        openConversation(dialog.createdGroup());
}

void MainWindow::applyFont()
{
    QFont font = QApplication::font();
    if (m_settings.fontPointSize() > 0)
        font.setPointSize(m_settings.fontPointSize());
    m_view->setMessageFont(font);
    m_sidebar->conversationList()->setFont(font);
    m_sidebar->contactList()->setFont(font);
}

} // namespace lanchat
