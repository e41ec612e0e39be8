#pragma once

#include "ids.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace lanchat {
class Storage;
}

namespace lanchat::bench {

/** The shape of the search benchmark's generated database. */
struct CorpusSpec
{
    qint64 messages = 1'000'000;
    int users = 1000;
    int groups = 700;
    int privateChats = 300; ///< groups + privateChats conversations in all
    std::uint64_t seed = 20261207;
    /** Appends per transaction: the relay's group commit writes far fewer, but the generator measures nothing. */
    int batch = 20000;
};

/** What the generator made that the measurements need. */
struct CorpusInfo
{
    UserId member50;             ///< "member50": a member of 50 conversations
    UserId member500;            ///< "member500": a member of 500 conversations
    ConversationId busiestOf50;  ///< the conversation of member50 with the most messages
    ConversationId busiestOf500; ///< the conversation of member500 with the most messages
    qint64 busiestMessagesOf50 = 0;
    qint64 busiestMessagesOf500 = 0;
    qint64 messages = 0;
    qint64 fileMessages = 0;
    qint64 readableBy50 = 0;  ///< messages in member50's conversations
    qint64 readableBy500 = 0; ///< messages in member500's conversations
    double seconds = 0;       ///< time to generate and write everything
};

/**
 * Fills an empty Storage with a deterministic (CorpusSpec::seed) company's chat: CorpusSpec::users accounts
 * (user0001 …, plus member50 and member500, all with @p passwordHash), groups of Zipf-like sizes (a few of
 * 100–300 members, most of 3–15), private chats, and CorpusSpec::messages messages spread over the conversations
 * with a Zipf-like skew (a few busy groups, many quiet chats), each from a member of its conversation: 95 % text
 * (ChatTextGenerator), 5 % files. Writes through the Storage interface, appendMessage() in big transactions.
 * Progress goes to @p progress (stdout) every 100,000 messages.
 */
class CorpusGenerator
{
public:
    explicit CorpusGenerator(CorpusSpec spec);
    std::optional<CorpusInfo> fill(Storage& storage, const QByteArray& passwordHash, QString* error);

private:
    CorpusSpec m_spec;
};

} // namespace lanchat::bench
