#include "tokenvault.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

namespace lanchat {

namespace {

QString service()
{
    return QLatin1String(TokenVault::kService);
}

} // namespace

TokenVault::TokenVault(QObject* parent)
    : QObject(parent)
{}

TokenVault::~TokenVault() = default;

QString TokenVault::entryName(const QString& host, quint16 port, const QString& username)
{
    return username.toLower() + QLatin1Char('@') + host.toLower() + QLatin1Char(':') + QString::number(port);
}

void TokenVault::load(const QString& host, quint16 port, const QString& username)
{
    m_entry = entryName(host, port, username);
    m_token.clear();
    auto* job = new QKeychain::ReadPasswordJob(service(), this);
    job->setKey(m_entry);
    watch(job);
    const QString entry = m_entry;
    connect(job, &QKeychain::Job::finished, this, [this, job, entry] {
        // A store() or forget() since then decided what this account holds.
        if (entry == m_entry && job->error() == QKeychain::NoError)
            m_token = job->binaryData();
        Q_EMIT loaded();
    });
    job->start();
}

void TokenVault::store(const QString& host, quint16 port, const QString& username, const QByteArray& token)
{
    if (m_status == Status::Unavailable || token.isEmpty())
        return;
    const QString entry = entryName(host, port, username);
    if (!m_entry.isEmpty() && entry != m_entry)
        startDelete(m_entry); // the token of the account or server used before
    m_entry = entry;
    m_token = token;
    auto* job = new QKeychain::WritePasswordJob(service(), this);
    job->setKey(entry);
    job->setBinaryData(token);
    watch(job);
    job->start();
}

void TokenVault::forget()
{
    m_token.clear();
    if (m_entry.isEmpty() || m_status == Status::Unavailable)
        return;
    startDelete(m_entry);
}

QByteArray TokenVault::tokenFor(const QString& host, quint16 port, const QString& username) const
{
    return entryName(host, port, username) == m_entry ? m_token : QByteArray();
}

void TokenVault::startDelete(const QString& entry)
{
    auto* job = new QKeychain::DeletePasswordJob(service(), this);
    job->setKey(entry);
    watch(job);
    job->start();
}

void TokenVault::watch(QKeychain::Job* job)
{
    ++m_pending;
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        --m_pending;
        switch (job->error()) {
        case QKeychain::NoError:
        case QKeychain::EntryNotFound:
        case QKeychain::CouldNotDeleteEntry: // nothing there to delete
            setStatus(Status::Available);
            break;
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError:
            // Never logs the token: the key names only the account.
            qCWarning(lcApp) << "system keychain not usable for" << job->key() << ":" << job->errorString();
            m_token.clear();
            setStatus(Status::Unavailable);
            break;
        }
    });
}

void TokenVault::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

} // namespace lanchat
