#include "searchresultsmodel.h"

#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "modelroles.h"

#include <QDateTime>

namespace lanchat {

SearchResultsModel::SearchResultsModel(const ContactsModel* contacts, const ConversationsModel* conversations,
                                       QObject* parent)
    : QAbstractListModel(parent)
    , m_contacts(contacts)
    , m_conversations(conversations)
{
    // Names shown in the rows follow the models they come from.
    const auto refresh = [this] {
        if (!m_hits.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_hits.size()) - 1));
    };
    connect(contacts, &QAbstractItemModel::dataChanged, this, refresh);
    connect(contacts, &QAbstractItemModel::modelReset, this, refresh);
    connect(conversations, &QAbstractItemModel::dataChanged, this, refresh);
    connect(conversations, &QAbstractItemModel::modelReset, this, refresh);
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    const SearchHit* entry = hit(index.row());
    if (!entry || index.parent().isValid())
        return {};
    const MessageRecord& message = entry->message;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return entry->snippet.join(QString());
    case roles::SearchHitSeq:
        return qint64(message.seq);
    case roles::SearchHitConversationId:
        return message.conversation.value();
    case roles::SearchHitConversationTitle:
        return m_conversations->titleOf(message.conversation);
    case roles::SearchHitSenderId:
        return message.sender.value();
    case roles::SearchHitSenderName:
        return m_contacts->displayName(message.sender);
    case roles::SearchHitTimestamp:
        return QDateTime::fromMSecsSinceEpoch(message.timestampMs).toLocalTime();
    case roles::SearchHitKind:
        return int(message.kind);
    case roles::SearchHitSnippet:
        return entry->snippet;
    case roles::SearchHitFileName:
        return message.file ? message.file->name : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(roles::SearchHitSeq, "seq");
    names.insert(roles::SearchHitConversationId, "conversation");
    names.insert(roles::SearchHitConversationTitle, "conversationTitle");
    names.insert(roles::SearchHitSenderId, "senderId");
    names.insert(roles::SearchHitSenderName, "senderName");
    names.insert(roles::SearchHitTimestamp, "timestamp");
    names.insert(roles::SearchHitKind, "kind");
    names.insert(roles::SearchHitSnippet, "snippet");
    names.insert(roles::SearchHitFileName, "fileName");
    return names;
}

bool SearchResultsModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_canLoadMore && m_canLoadMore();
}

void SearchResultsModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent) && m_loadMore)
        m_loadMore();
}

void SearchResultsModel::clear()
{
    if (m_hits.isEmpty())
        return;
    beginResetModel();
    m_hits.clear();
    endResetModel();
}

void SearchResultsModel::append(const QList<SearchHit>& hits)
{
    if (hits.isEmpty())
        return;
    const int first = int(m_hits.size());
    beginInsertRows({}, first, first + int(hits.size()) - 1);
    m_hits.append(hits);
    endInsertRows();
}

Seq SearchResultsModel::lastSeq() const
{
    return m_hits.isEmpty() ? 0 : m_hits.last().message.seq;
}

const SearchHit* SearchResultsModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

void SearchResultsModel::setMoreSource(std::function<bool()> canLoadMore, std::function<void()> loadMore)
{
    m_canLoadMore = std::move(canLoadMore);
    m_loadMore = std::move(loadMore);
}

} // namespace lanchat
