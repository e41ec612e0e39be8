#include "conversationlistproxy.h"

#include "conversationsmodel.h"
#include "draftstore.h"
#include "modelroles.h"
#include "pinnedconversations.h"

#include <utility>

namespace lanchat {

ConversationListProxy::ConversationListProxy(ConversationsModel* conversations, PinnedConversations* pinned,
                                             DraftStore* drafts, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_conversations(conversations)
    , m_pinned(pinned)
    , m_drafts(drafts)
{
    setSourceModel(conversations);
    setDynamicSortFilter(true);
    sort(0);
    connect(m_pinned, &PinnedConversations::pinnedChanged, this, [this] { invalidate(); });
    connect(m_conversations, &QAbstractItemModel::modelReset, this, &ConversationListProxy::prepareReadings);
    connect(m_conversations, &QAbstractItemModel::rowsInserted, this, &ConversationListProxy::prepareReadings);
    prepareReadings();
    connect(m_drafts, &DraftStore::draftChanged, this, [this](ConversationId id) {
        const int row = m_conversations->rowOf(id);
        if (row < 0)
            return;
        const QModelIndex index = mapFromSource(m_conversations->index(row, 0));
        if (index.isValid())
            Q_EMIT dataChanged(index, index, {roles::ConversationDraft});
    });
}

ConversationListProxy::~ConversationListProxy() = default;

QVariant ConversationListProxy::data(const QModelIndex& index, int role) const
{
    if (role == roles::ConversationPinned)
        return isPinned(mapToSource(index));
    if (role == roles::ConversationDraft) {
        const ConversationId id(mapToSource(index).data(roles::ConversationId).toLongLong());
        return id.value() == m_open ? QString() : m_drafts->draft(id).text;
    }
    return QSortFilterProxyModel::data(index, role);
}

void ConversationListProxy::setOpenConversation(qint64 conversation)
{
    const qint64 previous = std::exchange(m_open, conversation);
    for (const qint64 id : {previous, conversation}) {
        const int row = m_conversations->rowOf(ConversationId(id));
        const QModelIndex index = row < 0 ? QModelIndex() : mapFromSource(m_conversations->index(row, 0));
        if (index.isValid())
            Q_EMIT dataChanged(index, index, {roles::ConversationDraft});
    }
}

void ConversationListProxy::setSearchText(const QString& text)
{
    if (m_matcher.setQuery(text))
        invalidateFilter();
}

void ConversationListProxy::prepareReadings()
{
    QStringList names;
    QStringList titles;
    for (int row = 0; row < m_conversations->rowCount(); ++row) {
        const QModelIndex index = m_conversations->index(row, 0);
        (index.data(roles::ConversationIsGroup).toBool() ? titles : names)
            .append(index.data(roles::ConversationTitle).toString());
    }
    PinyinReading::prepare(names, PinyinReading::Style::PersonName);
    PinyinReading::prepare(titles, PinyinReading::Style::Title);
}

bool ConversationListProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_matcher.isEmpty()) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        const auto style = index.data(roles::ConversationIsGroup).toBool() ? PinyinReading::Style::Title
                                                                           : PinyinReading::Style::PersonName;
        if (!m_matcher.matches(index.data(roles::ConversationTitle).toString(), style))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

bool ConversationListProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftPinned = isPinned(left);
    if (leftPinned != isPinned(right))
        return leftPinned;
    // The source is ordered by activity already; keep that order inside each part.
    return left.row() < right.row();
}

bool ConversationListProxy::isPinned(const QModelIndex& sourceIndex) const
{
    return m_pinned->isPinned(ConversationId(sourceIndex.data(roles::ConversationId).toLongLong()));
}

} // namespace lanchat
