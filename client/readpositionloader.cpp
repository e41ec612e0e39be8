#include "readpositionloader.h"

#include "clientconnection.h"
#include "conversationsmodel.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/receiptmessages.h"
#include "protocol.h"
#include "sessionmodels.h"

namespace lanchat {

ReadPositionLoader::ReadPositionLoader(ClientConnection* connection, SessionModels* models, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_models(models)
{}

ReadPositionLoader::~ReadPositionLoader() = default;

void ReadPositionLoader::open(ConversationId conversation)
{
    m_opened.insert(conversation);
    if (m_active)
        request(conversation);
}

void ReadPositionLoader::request(ConversationId conversation)
{
    if (m_requested.contains(conversation) ||
        !m_connection->serverFeatures().contains(QLatin1String(protocol::kFeatureReadPositions)) ||
        m_models->conversations()->isRemoved(conversation))
        return;
    ReadPositions msg;
    msg.conversation = conversation;
    m_requested.insert(conversation);
    const quint64 id = m_connection->request(msg.encode(), [this, conversation](const QCborMap& reply) {
        if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
            // Asked again at the next login (a lost connection) or the next time the conversation is opened.
            m_requested.remove(conversation);
            return;
        }
        QString error;
        if (const auto ok = ReadPositionsOk::decode(reply, &error))
            m_models->applyReadPositions(conversation, ok->positions);
        else
            qCWarning(lcClient) << "malformed read_positions reply:" << error;
    });
    if (id == 0)
        m_requested.remove(conversation);
}

void ReadPositionLoader::loggedIn()
{
    m_active = true;
    m_requested.clear();
    for (const ConversationId conversation : std::as_const(m_opened))
        request(conversation);
}

void ReadPositionLoader::loggedOut()
{
    m_active = false;
}

} // namespace lanchat
