#include "accountsessions.h"

#include "chatclient.h"
#include "clientconnection.h"
#include "messages/chatmessages.h"
#include "protocol.h"

namespace lanchat {

namespace {

ErrorCode errorOf(const QCborMap& reply)
{
    return errorCodeFromName(reply.value(QLatin1String("code")).toString());
}

} // namespace

AccountSessions::AccountSessions(ChatClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{}

bool AccountSessions::isAvailable() const
{
    return m_client->state() == ChatClient::State::LoggedIn &&
           m_client->connection()->serverFeatures().contains(QLatin1String(protocol::kFeatureAccountSessions));
}

void AccountSessions::refresh()
{
    const QString type = QLatin1String(AccountSessionsOk::kRequestType);
    const quint64 sent = m_client->connection()->request(
        emptyRequest(AccountSessionsOk::kRequestType), [this, type](const QCborMap& reply) {
            if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
                Q_EMIT failed(type, errorOf(reply));
                return;
            }
            QString error;
            const std::optional<AccountSessionsOk> ok = AccountSessionsOk::decode(reply, &error);
            if (!ok) {
                Q_EMIT failed(type, ErrorCode::Internal);
                return;
            }
            m_sessions = ok->sessions;
            m_devices = ok->devices;
            Q_EMIT refreshed();
        });
    if (sent == 0)
        Q_EMIT failed(type, ErrorCode::Timeout);
}

void AccountSessions::logOutOthers()
{
    const QString type = QLatin1String(LogoutOthersOk::kRequestType);
    const quint64 sent = m_client->connection()->request(
        emptyRequest(LogoutOthersOk::kRequestType), [this, type](const QCborMap& reply) {
            if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
                Q_EMIT failed(type, errorOf(reply));
                return;
            }
            QString error;
            const std::optional<LogoutOthersOk> ok = LogoutOthersOk::decode(reply, &error);
            Q_EMIT loggedOutOthers(ok ? ok->sessions : 0, ok ? ok->devices : 0);
            refresh();
        });
    if (sent == 0)
        Q_EMIT failed(type, ErrorCode::Timeout);
}

} // namespace lanchat
