#include "draftstore.h"

#include "sessionstore.h"

#include <QVariantMap>

namespace lanchat {

namespace {

const QString kSection = QStringLiteral("drafts");

} // namespace

DraftStore::DraftStore(QObject* parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &DraftStore::save);
}

DraftStore::~DraftStore()
{
    if (m_saveTimer.isActive())
        save();
}

void DraftStore::attach(SessionStore* store, const QString& endpoint, const QString& username)
{
    if (store == m_store && endpoint == m_endpoint && username.compare(m_username, Qt::CaseInsensitive) == 0)
        return;
    if (m_saveTimer.isActive())
        save(); // the previous user's last keystrokes go to the previous user
    const QList<ConversationId> before = conversations();
    m_store = store;
    m_endpoint = endpoint;
    m_username = username;
    load();
    for (const ConversationId id : before)
        Q_EMIT draftChanged(id);
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        Q_EMIT draftChanged(it.key());
    Q_EMIT attached();
}

DraftStore::Draft DraftStore::draft(ConversationId conversation) const
{
    return m_drafts.value(conversation);
}

void DraftStore::setDraft(ConversationId conversation, const QString& text, int cursor)
{
    if (!conversation.isValid())
        return;
    const auto it = m_drafts.constFind(conversation);
    const QString old = it == m_drafts.cend() ? QString() : it->text;
    if (text.trimmed().isEmpty()) {
        if (it == m_drafts.cend())
            return;
        m_drafts.remove(conversation);
    } else {
        Draft d{text.left(kMaxChars), 0};
        d.cursor = qBound(0, cursor, int(d.text.size()));
        if (it != m_drafts.cend() && it->text == d.text && it->cursor == d.cursor)
            return;
        m_drafts.insert(conversation, d);
    }
    m_saveTimer.start(0);
    if (draft(conversation).text != old)
        Q_EMIT draftChanged(conversation);
}

QList<ConversationId> DraftStore::conversations() const
{
    return m_drafts.keys();
}

void DraftStore::load()
{
    m_drafts.clear();
    if (!m_store)
        return;
    const QVariantMap map = m_store->userValue(kSection, m_endpoint, m_username).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const ConversationId id(it.key().toLongLong());
        const QVariantMap entry = it.value().toMap();
        const QString text = entry.value(QStringLiteral("text")).toString().left(kMaxChars);
        if (!id.isValid() || text.trimmed().isEmpty())
            continue;
        m_drafts.insert(id, Draft{text, qBound(0, entry.value(QStringLiteral("cursor")).toInt(), int(text.size()))});
    }
}

void DraftStore::save()
{
    m_saveTimer.stop();
    if (!m_store)
        return;
    QVariantMap map;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it) {
        map.insert(QString::number(it.key().value()),
                   QVariantMap{{QStringLiteral("text"), it->text}, {QStringLiteral("cursor"), it->cursor}});
    }
    m_store->setUserValue(kSection, m_endpoint, m_username, map);
}

} // namespace lanchat
