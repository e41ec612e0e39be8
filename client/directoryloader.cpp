#include "directoryloader.h"

#include "clientconnection.h"
#include "directorymodel.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/directorymessages.h"
#include "protocol.h"

namespace lanchat {

DirectoryLoader::DirectoryLoader(ClientConnection* connection, DirectoryModel* model, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
{}

bool DirectoryLoader::available() const
{
    return m_connection->serverFeatures().contains(QLatin1String(protocol::kFeatureDirectory));
}

void DirectoryLoader::loggedIn()
{
    if (!available()) {
        m_model->clear(); // another server, or one that dropped the feature
        return;
    }
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String(msgtype::kDirectory));
    // A lost connection drops the reply; the next login asks again.
    m_connection->request(request, [this](const QCborMap& reply) {
        if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk))
            return;
        QString error;
        if (const auto ok = DirectoryOk::decode(reply, &error))
            m_model->setDepartments(ok->departments);
        else
            qCWarning(lcClient) << "malformed directory reply:" << error;
    });
}

bool DirectoryLoader::applyPush(const QCborMap& push)
{
    if (push.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kDirectory))
        return false;
    QString error;
    if (const auto tree = DirectoryOk::decode(push, &error)) {
        m_model->setDepartments(tree->departments);
        Q_EMIT changedOnServer();
    } else {
        qCWarning(lcClient) << "malformed directory push:" << error;
    }
    return true;
}

} // namespace lanchat
