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
