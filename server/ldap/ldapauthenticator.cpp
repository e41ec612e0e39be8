#include "ldapauthenticator.h"

#include <QTimer>

namespace lanchat {

LdapAuthenticator::LdapAuthenticator(const LdapConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
{
    m_threads.setMaxThreadCount(kThreads);
}

LdapAuthenticator::~LdapAuthenticator()
{
    m_threads.clear();
    // Re-aborting while waiting also catches a job that connected after the previous round.
    do {
        const std::lock_guard lock(m_runningMutex);
        for (LdapClient* client : m_running)
            client->abort();
    } while (!m_threads.waitForDone(kAbortRoundMs));
}

bool LdapAuthenticator::authenticate(const QString& username, const QString& password, Done done)
{
    if (m_jobs.size() >= m_config.maxPending)
        return false;
    const quint64 id = m_nextJob++;
    m_jobs.insert(id, std::move(done));
    m_threads.start([this, id, config = m_config, username, password] {
        LdapClient client(config);
        {
            const std::lock_guard lock(m_runningMutex);
            m_running.insert(&client);
        }
        const LdapClient::Result result = client.authenticate(username, password);
        {
            const std::lock_guard lock(m_runningMutex);
            m_running.erase(&client);
        }
        // `this` outlives every running job (the destructor waits for them); a result posted during destruction
        // is discarded with the object's event queue.
        QMetaObject::invokeMethod(
            this, [this, id, result] { finish(id, result); }, Qt::QueuedConnection);
    });
    QTimer::singleShot(m_config.timeoutMs, this, [this, id] {
        LdapClient::Result late;
        late.status = LdapClient::Status::Unavailable;
        late.detail = QStringLiteral("no answer within %1 ms").arg(m_config.timeoutMs);
        finish(id, late);
    });
    return true;
}

void LdapAuthenticator::finish(quint64 jobId, const LdapClient::Result& result)
{
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return; // answered already: by its deadline, or by the directory before the deadline fired
    const Done done = *it;
    m_jobs.erase(it);
    done(result);
}

} // namespace lanchat
