#include "authenticator.h"

#include "clientconnection.h"
#include "logging.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"

namespace lanchat {

Authenticator::Authenticator(ClientConnection* connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(connection, &ClientConnection::ready, this, [this] {
        // The owner may already have logged in from its stateChanged handler, which runs first.
        if (m_mode != Mode::None && m_pendingRequest == 0)
            send();
    });
}

Authenticator::~Authenticator() = default;

void Authenticator::registerAccount(const QString& username, const QString& password, const QString& displayName,
                                    const QString& invite, bool stayLoggedIn, const QString& deviceName)
{
    if (m_pendingRequest != 0 && m_mode == Mode::Register && username == m_username && password == m_password &&
        displayName == m_displayName && invite == m_invite)
        return; // the same request is already on its way
    m_mode = Mode::Register;
    m_username = username;
    m_password = password;
    m_displayName = displayName;
    m_invite = invite;
    m_token.clear();
    m_stayLoggedIn = stayLoggedIn;
    m_deviceName = deviceName;
    if (m_connection->isReady())
        send();
}

void Authenticator::login(const QString& username, const QString& password, bool stayLoggedIn,
                          const QString& deviceName)
{
    if (m_pendingRequest != 0 && m_mode == Mode::Login && username == m_username && password == m_password &&
        m_token.isEmpty())
        return; // the same request is already on its way
    m_mode = Mode::Login;
    m_username = username;
    m_password = password;
    m_token.clear();
    m_stayLoggedIn = stayLoggedIn;
    m_deviceName = deviceName;
    if (m_connection->isReady())
        send();
}

void Authenticator::loginWithToken(const QString& username, const QByteArray& token)
{
    if (m_pendingRequest != 0 && m_mode == Mode::Login && username == m_username && token == m_token)
        return;
    m_mode = Mode::Login;
    m_username = username;
    m_password.clear();
    m_token = token;
    m_stayLoggedIn = false;
    if (m_connection->isReady())
        send();
}

void Authenticator::forget()
{
    m_mode = Mode::None;
    m_password.clear();
    m_invite.clear();
    m_token.clear();
    m_stayLoggedIn = false;
}

void Authenticator::send()
{
    QCborMap map;
    if (m_mode == Mode::Register)
        map = Register{m_username, m_password, m_displayName, m_invite, m_stayLoggedIn, m_deviceName}.encode();
    else if (!m_token.isEmpty())
        map = Login{m_username, {}, false, {}, m_token}.encode();
    else
        map = Login{m_username, m_password, m_stayLoggedIn, m_deviceName, {}}.encode();
    m_pendingRequest = m_connection->request(map, [this](const QCborMap& reply) {
        m_pendingRequest = 0;
        onReply(reply);
    });
}

void Authenticator::onReply(const QCborMap& reply)
{
    if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
        const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
        if (code == ErrorCode::Timeout)
            return; // the connection dropped: we log in again after the reconnect
        qCInfo(lcClient) << "login refused:" << errorCodeName(code);
        forget();
        Q_EMIT refused(code, reply.value(QLatin1String("message")).toString());
        return;
    }
    QString error;
    const auto auth = AuthOk::decode(reply, &error);
    if (!auth) {
        qCWarning(lcClient) << "malformed login reply:" << error;
        m_connection->abortConnection();
        return;
    }
    m_mode = Mode::Login; // after a registration, reconnects log in
    if (!auth->deviceToken.isEmpty()) {
        // From now on the token logs in; the password need not stay in memory.
        m_token = auth->deviceToken;
        m_password.clear();
        m_stayLoggedIn = false;
        Q_EMIT deviceTokenChanged(m_token);
    }
    Q_EMIT authenticated(auth->user, auth->lastSeq);
}

} // namespace lanchat
