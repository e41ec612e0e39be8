#pragma once

#include "ids.h"

#include <QDockWidget>

class QAction;

namespace lanchat {

class ChatClient;
class ConversationView;
class SearchPanel;

/**
 * The search panel as a dock at the right of the main window, beside the open conversation, so opening a hit shows
 * it next to the list of hits and the next one is a Down+Enter away. Its actions: "Search messages…"
 * (Ctrl+Shift+F, every conversation) and "Find in conversation…" (Ctrl+F, the open conversation, shown as a chip
 * that widens the search when removed). Esc closes it and gives the focus back to the conversation. GUI thread.
 */
class SearchDock : public QDockWidget
{
    Q_OBJECT

public:
    /** @p client and @p view must outlive the dock. */
    SearchDock(ChatClient* client, ConversationView* view, QWidget* parent = nullptr);

    SearchPanel* panel() const { return m_panel; }
    /** Ctrl+Shift+F: search every conversation (for the Chat menu). */
    QAction* searchAllAction() const { return m_searchAll; }
    /** Ctrl+F: search the open conversation (every conversation when none is open). */
    QAction* findInConversationAction() const { return m_findHere; }

    /** Shows the dock searching @p conversation (invalid: all), the field focused; @p query replaces its text. */
    void open(ConversationId conversation, const QString& query = {});
    /** Hides the dock and puts the focus back into the conversation. */
    void dismiss();

Q_SIGNALS:
    /** The user opened a hit: show @p conversation at message @p seq. */
    void hitActivated(lanchat::ConversationId conversation, lanchat::Seq seq);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    ConversationView* m_view;
    SearchPanel* m_panel;
    QAction* m_searchAll;
    QAction* m_findHere;
};

} // namespace lanchat
