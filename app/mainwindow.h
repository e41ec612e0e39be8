#pragma once

#include "ids.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QMenu;
class QSplitter;
class QToolButton;

namespace lanchat {

class AppSettings;
class ChatClient;
class ConnectionStatusLabel;
class ConversationView;
class LanguageManager;
class SearchDock;
class NoticeController;
class ProfileCardController;
class Sidebar;
class StatusController;
class NotificationSound;
class TrayController;
class TransfersPanel;
struct MessageRecord;

/**
 * The main window: Sidebar (conversations, contacts, search, new chat/group) and ConversationView side
 * by side, the transfers panel as a dock, the connection state always in the status bar (with a "Reconnect"
 * button, also in the LanChat menu, whenever the client is offline or waiting to reconnect), the unread
 * count in the title and the tray, desktop notifications for messages arriving while the window is not
 * focused (per-conversation mute), close-to-tray, settings and runtime language switch.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** @p client, @p settings and @p languages must outlive the window. */
    MainWindow(ChatClient* client, AppSettings& settings, LanguageManager* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    /** Opens @p conversation on the right and selects it in the list. */
    void openConversation(ConversationId conversation);
    /** Sum of the unread counts of all conversations. */
    int unreadCount() const;
    /** Server shown in the status bar ("host:port"). */
    void setServerName(const QString& name);
    /** Quit for real (the tray's Quit, or File ▸ Quit) rather than hide to the tray. */
    void quit();

    Sidebar* sidebar() const { return m_sidebar; }
    ConversationView* conversationView() const { return m_view; }
    TransfersPanel* transfersPanel() const { return m_transfers; }
    TrayController* tray() const { return m_tray; }
    NotificationSound* sound() const { return m_sound; }
    /** The own status, its menu, auto-away and do-not-disturb. */
    StatusController* statusController() const { return m_statusController; }
    QDockWidget* transfersDock() const { return m_transfersDock; }
    SearchDock* searchDock() const { return m_search; }
    NoticeController* notices() const { return m_notices; }
    /** The profile cards opened from names and avatars everywhere in the window. */
    ProfileCardController* profileCards() const { return m_cards; }

public Q_SLOTS:
    void showSettings();
    void showNewGroup();
    void showAndRaise();

Q_SIGNALS:
    /**
     * The session ended and the window hid itself; the caller shows the login dialog again. @p reason is empty
     * when the user logged out, else a translated sentence for the login dialog (e.g. the password was changed
     * elsewhere and the server revoked this session).
     */
    void loggedOut(const QString& reason);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void retranslateUi();
    void updateUnread();
    void updateTransfersButton();
    void updateReconnect();
    void applyFont();
    void onMessageReceived(const MessageRecord& message);
    void onCertificateMismatch(const QString& host, quint16 port, const QString& pinned, const QString& presented);
    QString senderName(qint64 userId) const;

    ChatClient* m_client;
    AppSettings& m_settings;
    LanguageManager* m_languages;
    Sidebar* m_sidebar = nullptr;
    ConversationView* m_view = nullptr;
    TransfersPanel* m_transfers = nullptr;
    QDockWidget* m_transfersDock = nullptr;
    SearchDock* m_search = nullptr;
    ConnectionStatusLabel* m_status = nullptr;
    QToolButton* m_transfersButton = nullptr;
    QToolButton* m_reconnectButton = nullptr;
    TrayController* m_tray = nullptr;
    NotificationSound* m_sound = nullptr;
    StatusController* m_statusController = nullptr;
    QMenu* m_appMenu = nullptr;
    QMenu* m_chatMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_reconnectAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_profileAction = nullptr;
    QAction* m_logoutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_newChatAction = nullptr;
    QAction* m_newGroupAction = nullptr;
    QAction* m_membersAction = nullptr;
    QAction* m_aboutAction = nullptr;
    bool m_quitting = false;
    int m_unread = 0;
    NoticeController* m_notices = nullptr;
    ProfileCardController* m_cards = nullptr;
};

} // namespace lanchat
