#pragma once

#include "ids.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;

namespace lanchat {

class ChatClient;
class MessageSearch;
class SearchFilterBar;

/**
 * The message search (MessageSearch): a field, the filters (SearchFilterBar) and the hits (SearchHitDelegate), with
 * what the search is doing said in words: a hint, "Searching…", no match, the translated error, or that the server
 * offers no search. Keys in the field: Up/Down move through the hits, Enter opens the current one (the first when
 * none is current), Esc asks to close; scrolling to the end loads the next page. GUI thread.
 */
class SearchPanel : public QWidget
{
    Q_OBJECT

public:
    /** @p client must outlive the panel. */
    explicit SearchPanel(ChatClient* client, QWidget* parent = nullptr);

    /**
     * Starts searching in @p conversation (invalid: in every conversation): the other filters are reset only when
     * the scope changes; the field gets the focus with its text selected, so typing replaces it. A non-empty
     * @p query replaces the field's text and is searched at once.
     */
    void start(ConversationId conversation, const QString& query = {});

    MessageSearch* search() const { return m_search; }
    QLineEdit* field() const { return m_field; }
    QListView* results() const { return m_list; }
    SearchFilterBar* filters() const { return m_filters; }
    /** The line above the hits (hint, searching, no match, error); empty when hits are shown. */
    QString statusText() const;

Q_SIGNALS:
    /** The user opened the hit @p seq of @p conversation (Enter, a click). */
    void hitActivated(lanchat::ConversationId conversation, lanchat::Seq seq);
    /** Esc: the user is done searching. */
    void closeRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void applyFilters();
    void refreshStatus();
    void moveCurrent(int delta);
    void open(const QModelIndex& index);

    ChatClient* m_client;
    MessageSearch* m_search;
    QLineEdit* m_field;
    SearchFilterBar* m_filters;
    QLabel* m_status;
    QListView* m_list;
};

} // namespace lanchat
