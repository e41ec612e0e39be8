#pragma once

#include "ids.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QStackedWidget;
class QToolButton;
class QPushButton;

namespace lanchat {

class AppSettings;
class ChatClient;
class DraftBinder;
class HeaderProfileLink;
class ProfileLink;
class HeaderAvatar;
class MessageDelegate;
class MentionController;
class MessageActions;
class MessageEditActions;
class MessageInput;
class MessagesModel;
class ReplyController;
class ScreenshotTool;
class TextSelection;
class TypingIndicator;
class UnreadJumper;

/**
 * The right side of the main window: header (title, members, mute), the messages of one conversation in
 * a QListView painted by MessageDelegate, and the input row (attach, text, send). Loads older history
 * when scrolled to the top while keeping the visible message in place, follows new messages when at the
 * bottom, marks the conversation read when its newest messages are visible in the active, not minimised
 * window (also when that window is restored or activated later), opens at the first unread message with a jump
 * back to it and one to the bottom (UnreadJumper), keeps a draft per conversation (DraftBinder), and uploads files
 * picked, and files or images dropped or pasted once the user confirmed them in a PastePreviewDialog. In a group the
 * user was removed from, a notice says by whom and the input is disabled; the history stays readable.
 */
class ConversationView : public QWidget
{
    Q_OBJECT

public:
    ConversationView(ChatClient* client, AppSettings& settings, QWidget* parent = nullptr);
    ~ConversationView() override;

    /** Shows @p conversation (invalid id: the empty placeholder). */
    void setConversation(ConversationId conversation);
    ConversationId conversation() const { return m_conversation; }
    /** Scrolls to message @p seq of the open conversation and highlights it, loading the history around it first. */
    void showMessage(Seq seq);
    /** Queues uploads of @p paths into the open conversation. */
    void sendFiles(const QStringList& paths);
    /** Re-applies the message font (settings change). */
    void setMessageFont(const QFont& font);

    QListView* messageList() const { return m_list; }
    MessageInput* input() const { return m_input; }
    MessageActions* actions() const { return m_actions; }
    TextSelection* textSelection() const { return m_textSelection; }
    /** The @ completer and typing notices of the input (tests reach the completer through it). */
    MentionController* mentions() const { return m_mentions; }

Q_SIGNALS:
    /** The user asked for the member list / management of the open group. */
    void groupInfoRequested(lanchat::ConversationId conversation);
    /** Show the profile card of @p user near @p globalPos (a sender's avatar or name, the private chat's header). */
    void profileRequested(lanchat::UserId user, const QPoint& globalPos);
    /** The user muted or unmuted @p conversation with the header's button (already saved in the settings). */
    void mutedChanged(lanchat::ConversationId conversation, bool muted);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void refreshHeader();
    void onSubmitted(const QString& text);
    void onImagePasted(const QImage& image);
    /** Shows what is about to be sent (files, or an image when @p paths is empty) and uploads it on Send. */
    void previewAndSend(const QStringList& paths, const QImage& image = {});
    void onAttach();
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    void onRowsAboutToBeInserted(const QModelIndex& parent, int first, int last);
    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onDownloadRequested(const QModelIndex& index);
    void onContextMenu(const QPoint& pos);
    void copySelection();
    void markReadIfVisible();

    ChatClient* m_client;
    AppSettings& m_settings;
    ConversationId m_conversation;
    QPointer<MessagesModel> m_model;
    MessageDelegate* m_delegate = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    HeaderAvatar* m_headerAvatar = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QToolButton* m_infoButton = nullptr;
    QToolButton* m_muteButton = nullptr;
    QListView* m_list = nullptr;
    QWidget* m_inputRow = nullptr;
    QLabel* m_removedNotice = nullptr;
    MessageInput* m_input = nullptr;
    MessageEditActions* m_editActions = nullptr;
    QToolButton* m_attachButton = nullptr;
    QToolButton* m_screenshotButton = nullptr;
    ScreenshotTool* m_screenshots = nullptr;
    QPushButton* m_sendButton = nullptr;
    UnreadJumper* m_unread = nullptr;
    ReplyController* m_replies = nullptr;
    DraftBinder* m_drafts = nullptr;
    MessageActions* m_actions = nullptr;
    TextSelection* m_textSelection = nullptr;
    MentionController* m_mentions = nullptr;
    TypingIndicator* m_typing = nullptr;
    HeaderProfileLink* m_peerLink = nullptr;
    ProfileLink* m_senders = nullptr; ///< a message's sender: avatar click, Ctrl+I, context menu
    bool m_loadingOlder = false;
    bool m_stickToBottom = true;
    int m_restoreFromBottom = -1;
};

} // namespace lanchat
