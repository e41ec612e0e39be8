#include "ownstatus.h"

#include "chatclient.h"
#include "clientconnection.h"
#include "contactsmodel.h"
#include "messages/chatmessages.h"
#include "messages/statusmessages.h"
#include "protocol.h"

#include <QCborMap>

namespace lanchat {

OwnStatus::OwnStatus(ChatClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    connect(client, &ChatClient::loggedIn, this, [this](const UserInfo& user) {
        // An older server sends no status: the user is simply online.
        apply(user.status.isEmpty() ? QString::fromLatin1(status::kOnline) : user.status, user.statusText);
    });
    connect(client->contacts(), &ContactsModel::userChanged, this, &OwnStatus::onUserChanged);
    connect(client, &ChatClient::stateChanged, this, &OwnStatus::changed);
    const UserInfo user = client->currentUser();
    if (client->state() == ChatClient::State::LoggedIn && status::isSettable(user.status))
        apply(user.status, user.statusText);
}

bool OwnStatus::isAvailable() const
{
    return m_client->state() == ChatClient::State::LoggedIn &&
           m_client->connection()->serverFeatures().contains(QLatin1String(protocol::kFeatureStatus));
}

void OwnStatus::set(const QString& status, const QString& text)
{
    SetStatus request{status, text};
    const quint64 sent = m_client->connection()->request(request.encode(), [this, request](const QCborMap& reply) {
        if (reply.value(QLatin1String("t")).toString() == QLatin1String(msgtype::kOk)) {
            apply(request.status, request.statusText.trimmed());
            return;
        }
        Q_EMIT failed(errorCodeFromName(reply.value(QLatin1String("code")).toString()));
    });
    if (sent == 0)
        Q_EMIT failed(ErrorCode::Timeout);
}

void OwnStatus::apply(const QString& status, const QString& text)
{
    if (status == m_status && text == m_text)
        return;
    m_status = status;
    m_text = text;
    Q_EMIT changed();
}

void OwnStatus::onUserChanged(UserId user)
{
    if (user != m_client->currentUser().id)
        return;
    const std::optional<UserInfo> self = m_client->contacts()->user(user);
    // Only a chosen status counts: "offline" is what the contact list says between sessions, not a choice.
    if (self && status::isSettable(self->status))
        apply(self->status, self->statusText);
}

} // namespace lanchat
