#pragma once

#include "ids.h"
#include "transfertestenv.h"

#include <functional>
#include <memory>

namespace lanchat {

/**
 * What most file-transfer tests start from: a fresh in-process relay (TransferTestEnv) with alice and bob, each
 * logged in with a TransferManager, and their private conversation. A test class inherits it next to QObject and
 * calls startPrivateChat() from init() and stopPrivateChat() from cleanup().
 */
class PrivateChatFixture
{
protected:
    /**
     * Starts a new relay (after @p configure has changed its ServerConfig, if given), connects alice and bob and
     * opens their chat; false (with a warning) when any step fails.
     */
    bool startPrivateChat(const std::function<void(ServerConfig&)>& configure = {});
    /** Disconnects both users, then stops the relay and removes its data. */
    void stopPrivateChat();
    /** Where the relay keeps upload parts (files/tmp in its data dir). */
    QString partsDir() const;

    std::unique_ptr<TransferTestEnv> m_env;
    std::unique_ptr<TestUser> m_alice;
    std::unique_ptr<TestUser> m_bob;
    ConversationId m_chat;
};

} // namespace lanchat
