#pragma once

#include "pinyinmatcher.h"

#include <QSortFilterProxyModel>

namespace lanchat {

class ConversationsModel;
class DraftStore;
class PinnedConversations;

/**
 * The conversation list as the sidebar shows it: pinned conversations first, each part in the source's order
 * (newest activity first), filterable like any QSortFilterProxyModel, with two more roles
 * (client/modelroles.h): ConversationPinned and ConversationDraft (not for the open conversation). Follows pins and
 * drafts as they change. setSearchText() keeps the conversations whose title matches by letters or pinyin
 * (PinyinMatcher: a private chat's title is the peer's name, read as a person's name; a group's is a title). All three
 * sources must outlive the proxy. Lives in the ChatClient's thread.
 */
class ConversationListProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    ConversationListProxy(ConversationsModel* conversations, PinnedConversations* pinned, DraftStore* drafts,
                          QObject* parent = nullptr);
    ~ConversationListProxy() override;

    QVariant data(const QModelIndex& index, int role) const override;
    /**
     * The conversation open in the chat view: its draft is what the user is typing right there, so its row shows
     * the last message instead (ConversationDraft is empty for it).
     */
    void setOpenConversation(qint64 conversation);
    /** Filters by @p text (as typed; empty shows every conversation). */
    void setSearchText(const QString& text);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool isPinned(const QModelIndex& sourceIndex) const;
    /** Reads the titles as pinyin in the background, so the first search keystroke does not wait for ICU. */
    void prepareReadings();

    ConversationsModel* m_conversations;
    PinnedConversations* m_pinned;
    DraftStore* m_drafts;
    qint64 m_open = 0;
    PinyinMatcher m_matcher;
};

} // namespace lanchat
