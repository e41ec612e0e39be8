#include "synchronizer.h"

#include "clientconnection.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "sessionmodels.h"
#include "sessionstore.h"

namespace lanchat {

namespace {

// 100 × 64 KiB texts at most stays well inside the 16 MiB frame the connection accepts from the server.
constexpr int kPageSize = 100;

} // namespace

Synchronizer::Synchronizer(ClientConnection* connection, SessionModels* models, SessionStore* store, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_models(models)
    , m_store(store)
{}

Synchronizer::~Synchronizer() = default;

void Synchronizer::begin(const QString& endpoint, const QString& username, Seq serverLastSeq)
{
    m_endpoint = endpoint;
    m_username = username;
    m_syncedSeq = m_store->lastSeq(endpoint, username);
    if (m_syncedSeq > serverLastSeq)
        m_syncedSeq = 0;
    m_pushedWhileSyncing = 0;
    m_active = true;
    m_syncing = true;
    qCInfo(lcClient) << "syncing" << username << "from seq" << m_syncedSeq;
}

void Synchronizer::run()
{
    if (m_active)
        request(m_syncedSeq);
}

void Synchronizer::stop()
{
    m_active = false;
    m_syncing = false;
}

void Synchronizer::notePushed(Seq seq)
{
    if (!m_active)
        return;
    if (m_syncing)
        m_pushedWhileSyncing = std::max(m_pushedWhileSyncing, seq);
    else
        persist(seq);
}

void Synchronizer::request(Seq since)
{
    Sync sync;
    sync.since = since;
    sync.limit = kPageSize;
    m_connection->request(sync.encode(), [this, since](const QCborMap& reply) { onPage(since, reply); });
}

void Synchronizer::onPage(Seq since, const QCborMap& reply)
{
    if (!m_active)
        return;
    if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
        m_syncing = false;
        const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
        if (code != ErrorCode::Timeout)
            Q_EMIT failed(code);
        return;
    }
    QString error;
    const auto page = MessagesPage::decode(reply, &error);
    if (!page) {
        m_syncing = false;
        qCWarning(lcClient) << "malformed sync page:" << error;
        return;
    }
    Seq cursor = since;
    for (const MessageRecord& m : page->messages) {
        m_models->applyMessage(m);
        cursor = std::max(cursor, m.seq);
    }
    if (page->more && cursor > since) {
        request(cursor);
        return;
    }
    m_syncing = false;
    persist(std::max(cursor, m_pushedWhileSyncing));
    qCInfo(lcClient) << "sync complete at seq" << m_syncedSeq;
    Q_EMIT finished();
}

void Synchronizer::persist(Seq seq)
{
    if (seq <= m_syncedSeq)
        return;
    m_syncedSeq = seq;
    m_store->setLastSeq(m_endpoint, m_username, seq);
}

} // namespace lanchat
