#include "clientsteps.h"

#include "chatclient.h"
#include "clientconnection.h"
#include "testserver.h"
#include "transfermanager.h"

#include <QSignalSpy>

namespace lanchat::test {

std::unique_ptr<ChatClient> newClient(QSettings* settings, const QString& downloads)
{
    auto client = std::make_unique<ChatClient>();
    client->setSettings(settings);
    client->connection()->setReconnectDelays(50, 400);
    if (!downloads.isEmpty())
        client->transfers()->setDownloadDirectory(downloads);
    return client;
}

bool enter(ChatClient& client, const TestServer& server, const QString& username, bool registering)
{
    client.connection()->setReconnectDelays(50, 400);
    QSignalSpy synced(&client, &ChatClient::synced);
    client.connectToServer(kHost, server.port(), server.tls());
    if (registering)
        client.registerAccount(username, kPassword, username.toUpper());
    else
        client.login(username, kPassword);
    return synced.wait(kClientStepMs);
}

bool signUp(ChatClient& client, const TestServer& server, const QString& username, const QString& displayName)
{
    client.setSettings(nullptr);
    client.connection()->setReconnectDelays(50, 400);
    QSignalSpy synced(&client, &ChatClient::synced);
    client.connectToServer(kHost, server.port(), server.tls());
    client.registerAccount(username, kPassword, displayName.isEmpty() ? username.toUpper() : displayName);
    return synced.wait(kClientStepMs);
}

ConversationId openPrivate(ChatClient& client, UserId peer)
{
    QSignalSpy opened(&client, &ChatClient::conversationOpened);
    client.openPrivate(peer);
    if (!opened.wait(kClientStepMs))
        return {};
    return opened.first().first().value<ConversationId>();
}

} // namespace lanchat::test
