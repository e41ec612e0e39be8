#include "pinnedconversations.h"

#include "sessionstore.h"

#include <QVariantList>

#include <algorithm>

namespace lanchat {

namespace {

const QString kSection = QStringLiteral("pinned");

} // namespace

PinnedConversations::PinnedConversations(QObject* parent)
    : QObject(parent)
{}

PinnedConversations::~PinnedConversations() = default;

void PinnedConversations::attach(SessionStore* store, const QString& endpoint, const QString& username)
{
    if (store == m_store && endpoint == m_endpoint && username.compare(m_username, Qt::CaseInsensitive) == 0)
        return;
    m_store = store;
    m_endpoint = endpoint;
    m_username = username;
    QSet<ConversationId> loaded;
    if (m_store) {
        const QVariantList list = m_store->userValue(kSection, m_endpoint, m_username).toList();
        for (const QVariant& v : list) {
            const ConversationId id(v.toLongLong());
            if (id.isValid() && loaded.size() < kMaxPinned)
                loaded.insert(id);
        }
    }
    const QSet<ConversationId> before = std::exchange(m_pinned, loaded);
    for (const ConversationId id : before) {
        if (!m_pinned.contains(id))
            Q_EMIT pinnedChanged(id, false);
    }
    for (const ConversationId id : std::as_const(m_pinned)) {
        if (!before.contains(id))
            Q_EMIT pinnedChanged(id, true);
    }
}

bool PinnedConversations::setPinned(ConversationId conversation, bool pinned)
{
    if (!conversation.isValid() || pinned == isPinned(conversation))
        return true;
    if (pinned && m_pinned.size() >= kMaxPinned)
        return false;
    if (pinned)
        m_pinned.insert(conversation);
    else
        m_pinned.remove(conversation);
    save();
    Q_EMIT pinnedChanged(conversation, pinned);
    return true;
}

QList<ConversationId> PinnedConversations::pinned() const
{
    QList<ConversationId> out(m_pinned.cbegin(), m_pinned.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void PinnedConversations::save() const
{
    if (!m_store)
        return;
    QVariantList list;
    for (const ConversationId id : pinned())
        list.append(id.value());
    m_store->setUserValue(kSection, m_endpoint, m_username, list);
}

} // namespace lanchat
