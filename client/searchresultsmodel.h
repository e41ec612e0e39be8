#pragma once

#include "messages/searchmessages.h"

#include <QAbstractListModel>

#include <functional>

namespace lanchat {

class ContactsModel;
class ConversationsModel;

/**
 * The hits of one message search (roles::SearchHit), newest first, page after page as MessageSearch receives them.
 * Titles and sender names are looked up when a row is shown, so a renamed group or contact shows its current name.
 * canFetchMore()/fetchMore() ask the owner for the next page, so a view scrolled to the end loads it. GUI thread.
 */
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    /** Both models must outlive this one. */
    SearchResultsModel(const ContactsModel* contacts, const ConversationsModel* conversations,
                       QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /** Drops every hit. */
    void clear();
    /** Appends one page (older than the hits held). */
    void append(const QList<SearchHit>& hits);
    /** The seq of the oldest hit held (the next page's `before`), 0 when empty. */
    Seq lastSeq() const;
    /** The hit of @p row; nullptr when out of range. */
    const SearchHit* hit(int row) const;

    /** Whether a next page may exist, and what asks for it (called by fetchMore()). */
    void setMoreSource(std::function<bool()> canLoadMore, std::function<void()> loadMore);

private:
    const ContactsModel* m_contacts;
    const ConversationsModel* m_conversations;
    QList<SearchHit> m_hits;
    std::function<bool()> m_canLoadMore;
    std::function<void()> m_loadMore;
};

} // namespace lanchat
