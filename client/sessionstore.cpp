#include "sessionstore.h"

#include <QSettings>

namespace lanchat {

namespace {

// QSettings uses '/' as group separator; an IPv6 host or odd username must not open new groups.
QString escapeKeyPart(const QString& part)
{
    QString out = part.toLower();
    out.replace(QLatin1Char('/'), QLatin1Char('_'));
    out.replace(QLatin1Char('\\'), QLatin1Char('_'));
    return out;
}

} // namespace

SessionStore::SessionStore() = default;

SessionStore::~SessionStore() = default;

void SessionStore::setSettings(QSettings* settings)
{
    m_external = settings;
    m_memoryOnly = settings == nullptr;
    m_default.reset();
}

QString SessionStore::pin(const QString& endpoint) const
{
    return value(QStringLiteral("pins/") + escapeKeyPart(endpoint)).toString();
}

void SessionStore::setPin(const QString& endpoint, const QString& fingerprint)
{
    setValue(QStringLiteral("pins/") + escapeKeyPart(endpoint), fingerprint);
}

Seq SessionStore::lastSeq(const QString& endpoint, const QString& username) const
{
    return value(QStringLiteral("sync/%1/%2").arg(escapeKeyPart(endpoint), escapeKeyPart(username))).toLongLong();
}

void SessionStore::setLastSeq(const QString& endpoint, const QString& username, Seq seq)
{
    setValue(QStringLiteral("sync/%1/%2").arg(escapeKeyPart(endpoint), escapeKeyPart(username)), seq);
}

QList<OutgoingQueue::Entry> SessionStore::outbox(const QString& endpoint, const QString& username) const
{
    QList<OutgoingQueue::Entry> out;
    const QVariantList list =
        value(QStringLiteral("outbox/%1/%2").arg(escapeKeyPart(endpoint), escapeKeyPart(username))).toList();
    for (const QVariant& v : list) {
        const QVariantMap m = v.toMap();
        OutgoingQueue::Entry e;
        e.id = QUuid::fromString(m.value(QStringLiteral("id")).toString());
        e.conversation = ConversationId(m.value(QStringLiteral("conversation")).toLongLong());
        e.text = m.value(QStringLiteral("text")).toString();
        e.createdMs = m.value(QStringLiteral("created")).toLongLong();
        e.replyTo = m.value(QStringLiteral("reply_to")).toLongLong();
        const QString refusal = m.value(QStringLiteral("refused")).toString();
        if (!refusal.isEmpty())
            e.refusal = errorCodeFromName(refusal);
        for (const QVariant& id : m.value(QStringLiteral("mentions")).toList())
            e.mentions.users.append(UserId(id.toLongLong()));
        e.mentions.all = m.value(QStringLiteral("mention_all")).toBool();
        if (!e.id.isNull() && e.conversation.isValid())
            out.append(e);
    }
    return out;
}

void SessionStore::setOutbox(const QString& endpoint, const QString& username,
                             const QList<OutgoingQueue::Entry>& entries)
{
    QVariantList list;
    for (const OutgoingQueue::Entry& e : entries) {
        QVariantMap m{{QStringLiteral("id"), e.id.toString(QUuid::WithoutBraces)},
                      {QStringLiteral("conversation"), e.conversation.value()},
                      {QStringLiteral("text"), e.text},
                      {QStringLiteral("created"), e.createdMs}};
        // A message refused for good must stay refused after a restart, not be sent by itself.
        if (e.refusal)
            m.insert(QStringLiteral("refused"), errorCodeName(*e.refusal));
        if (!e.mentions.users.isEmpty()) {
            QVariantList ids;
            for (UserId user : e.mentions.users)
                ids.append(user.value());
            m.insert(QStringLiteral("mentions"), ids);
        }
        if (e.mentions.all)
            m.insert(QStringLiteral("mention_all"), true);
        if (e.replyTo > 0)
            m.insert(QStringLiteral("reply_to"), e.replyTo);
        list.append(m);
    }
    setValue(QStringLiteral("outbox/%1/%2").arg(escapeKeyPart(endpoint), escapeKeyPart(username)), list);
}

QVariantList SessionStore::downloads(const QString& endpoint, const QString& username) const
{
    return value(QStringLiteral("downloads/%1/%2").arg(escapeKeyPart(endpoint), escapeKeyPart(username))).toList();
}

void SessionStore::setDownloads(const QString& endpoint, const QString& username, const QVariantList& entries)
{
    setValue(QStringLiteral("downloads/%1/%2").arg(escapeKeyPart(endpoint), escapeKeyPart(username)), entries);
}

QVariant SessionStore::userValue(const QString& section, const QString& endpoint, const QString& username) const
{
    return value(QStringLiteral("%1/%2/%3").arg(section, escapeKeyPart(endpoint), escapeKeyPart(username)));
}

void SessionStore::setUserValue(const QString& section, const QString& endpoint, const QString& username,
                                const QVariant& value)
{
    setValue(QStringLiteral("%1/%2/%3").arg(section, escapeKeyPart(endpoint), escapeKeyPart(username)), value);
}

QVariant SessionStore::value(const QString& key) const
{
    if (m_memoryOnly)
        return m_memory.value(key);
    if (m_external)
        return m_external->value(key);
    if (!m_default)
        m_default = std::make_unique<QSettings>();
    return m_default->value(key);
}

void SessionStore::setValue(const QString& key, const QVariant& value)
{
    if (m_memoryOnly) {
        m_memory.insert(key, value);
        return;
    }
    if (m_external) {
        m_external->setValue(key, value);
        return;
    }
    if (!m_default)
        m_default = std::make_unique<QSettings>();
    m_default->setValue(key, value);
}

} // namespace lanchat
