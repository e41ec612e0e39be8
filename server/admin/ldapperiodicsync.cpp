#include "ldapperiodicsync.h"

#include "adminchannel.h"
#include "commitqueue.h"
#include "directoryhandlers.h"
#include "files/avatarblobs.h"
#include "ldap/ldapsync.h"
#include "logging.h"
#include "serverconfig.h"
#include "storage/storage.h"

#include <QDateTime>

namespace lanchat {

LdapPeriodicSync::LdapPeriodicSync(const ServerConfig& config, Storage& storage, CommitQueue& commits,
                                   SessionRegistry& sessions, AdminChannel& admin, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_admin(admin)
{
    m_worker.setMaxThreadCount(1);
    connect(&m_timer, &QTimer::timeout, this, &LdapPeriodicSync::runNow);
    if (m_config.ldap.enabled && m_config.ldap.syncIntervalMin > 0) {
        m_timer.start(m_config.ldap.syncIntervalMin * 60 * 1000);
        qCInfo(lcServer) << "ldap: directory sync every" << m_config.ldap.syncIntervalMin << "min";
    }
}

LdapPeriodicSync::~LdapPeriodicSync()
{
    // Re-aborting while waiting also catches a read that connected after the previous round.
    do {
        if (m_running)
            m_running->abort();
    } while (!m_worker.waitForDone(20));
}

bool LdapPeriodicSync::runNow()
{
    if (m_running || !m_config.ldap.enabled)
        return false;
    auto client = std::make_shared<LdapClient>(m_config.ldap);
    m_running = client;
    m_worker.start([this, client] {
        LdapClient::Status status = LdapClient::Status::Unavailable;
        QString detail;
        const QList<LdapEntry> entries = client->everyone(&status, &detail);
        const bool ok = status == LdapClient::Status::Ok;
        // `this` outlives the job (the destructor waits for it); a result posted during destruction is dropped.
        QMetaObject::invokeMethod(
            this, [this, entries, ok, detail] { apply(entries, ok, detail); }, Qt::QueuedConnection);
    });
    return true;
}

void LdapPeriodicSync::stop()
{
    m_timer.stop();
}

void LdapPeriodicSync::apply(const QList<LdapEntry>& entries, bool ok, const QString& detail)
{
    m_running.reset();
    if (!ok) {
        qCWarning(lcServer) << "ldap: periodic sync: the directory cannot be reached, nothing changed:" << detail;
        emit finished(false, 0);
        return;
    }
    if (!m_commits.begin()) {
        emit finished(false, 0);
        return;
    }
    const QString dataDir = m_config.dataDir;
    const auto photos = [dataDir, this](const QByteArray& picture, const QByteArray& sha256, QString* why) {
        return AvatarBlobs::store(dataDir, m_storage, picture, sha256, why);
    };
    const LdapSync::Report report =
        LdapSync::run(m_storage, m_config.ldap, entries, photos, QDateTime::currentMSecsSinceEpoch(), false);
    if (!report.ok)
        qCWarning(lcServer) << "ldap: periodic sync stopped:" << report.failure;
    for (const LdapSync::Change& change : report.changes)
        qCInfo(lcServer) << "ldap: periodic sync:" << change.username << int(change.kind) << change.fields
                         << change.notes;
    m_commits.afterCommit([this, report](bool committed) {
        if (committed) {
            for (const LdapSync::Change& change : report.changes) {
                if (!change.noteOnly && change.user.isValid())
                    m_admin.userChanged(change.user);
            }
            if (report.placementChanged)
                DirectoryHandlers::pushTree(m_storage, m_sessions);
        }
        emit finished(committed && report.ok, report.count());
    });
}

} // namespace lanchat
