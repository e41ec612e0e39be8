#pragma once

#include "ids.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace lanchat {

class ChatClient;
class NoticeBanner;
class NoticeCenter;

/**
 * Announcements in the main window: owns the NoticeCenter and the NoticeBanner, and the Chat menu's "Post
 * announcement…" (enabled in a group the user owns, on a server with `notices`) and "My announcements…" (the
 * NoticeStatusDialog, once the user has posted one). After a post its status opens. GUI thread.
 */
class NoticeController : public QObject
{
    Q_OBJECT

public:
    /**
     * @p client must outlive the controller; @p window parents the banner and the dialogs; @p currentConversation
     * tells which conversation is open.
     */
    NoticeController(ChatClient* client, QWidget* window, std::function<ConversationId()> currentConversation);

    NoticeCenter* center() const { return m_center; }
    /** The banner, for the window's layout (above everything else). */
    NoticeBanner* banner() const { return m_banner; }
    /** Adds the two actions to @p menu, updating them each time it opens. */
    void addActions(QMenu* menu);
    /** Opens "Post announcement…" for @p group. */
    void compose(ConversationId group);
    /** Opens the author's status of @p notice (0: the newest). */
    void showStatus(qint64 notice);
    /** Sets the texts again (the window calls it on a language change). */
    void retranslateUi();

private:
    void updateActions();

    ChatClient* m_client;
    QWidget* m_window;
    std::function<ConversationId()> m_currentConversation;
    NoticeCenter* m_center;
    NoticeBanner* m_banner;
    QAction* m_postAction;
    QAction* m_statusAction;
    bool m_composing = false; ///< a post from compose() awaits its answer: its failure is shown
};

} // namespace lanchat
