#pragma once

#include "ids.h"

#include <QString>

#include <memory>

class QSettings;

namespace lanchat {
class ChatClient;
}

/**
 * The steps that tests of ChatClient (and of the app on top of it) take against a TestServer: a client with
 * fast reconnects, signing up or logging in, opening a private chat. Waits are bounded QSignalSpy waits.
 */
namespace lanchat::test {

class TestServer;

/** The relay's address in every client test. */
inline const QString kHost = QStringLiteral("127.0.0.1");
/** The password of every account the client tests create. */
inline const QString kPassword = QStringLiteral("correct horse");
/** How long one step may take (a safety net: the steps finish in milliseconds). */
constexpr int kClientStepMs = 15000;

/**
 * A ChatClient keeping its state in @p settings (nullptr: none), retrying a lost connection after 50–400 ms
 * instead of the production 1 s, downloading into @p downloads when given.
 */
std::unique_ptr<ChatClient> newClient(QSettings* settings = nullptr, const QString& downloads = {});
/**
 * Connects @p client to @p server (retrying a lost connection after 50–400 ms) and signs @p username up
 * (@p registering; display name: the name in capitals) or logs in with kPassword; true once the post-login
 * sync is done.
 */
bool enter(ChatClient& client, const TestServer& server, const QString& username, bool registering);
/**
 * Gives @p client (made elsewhere, e.g. by the widget under test) newClient()'s test settings and signs
 * @p username up with @p displayName (empty: the name in capitals); true once the post-login sync is done.
 */
bool signUp(ChatClient& client, const TestServer& server, const QString& username, const QString& displayName = {});
/** Opens (or finds) the private conversation with @p peer; an invalid id on failure. */
ConversationId openPrivate(ChatClient& client, UserId peer);

} // namespace lanchat::test
