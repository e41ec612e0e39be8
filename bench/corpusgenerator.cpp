#include "corpusgenerator.h"

#include "chattextgenerator.h"
#include "storage.h"
#include "uuidv7.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <numeric>
#include <vector>

namespace lanchat::bench {

namespace {

// Conversation activity: a few busy groups, a long tail of quiet chats. 0.7 gives the busiest of 1,000
// conversations about 3 % of all messages, roughly what a company-wide group gets.
constexpr double kActivityExponent = 0.7;
constexpr double kFileShare = 0.05;
constexpr int kGroupsOf500 = 400; // plus 100 private chats: member500 is in 500 conversations
constexpr int kPrivatesOf500 = 100;
constexpr int kGroupsOf50 = 40; // plus 10 private chats
constexpr int kPrivatesOf50 = 10;

/** @p count distinct indexes of [0, n), in random order. */
std::vector<int> pick(CorpusRandom& random, int n, int count)
{
    std::vector<int> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    for (int i = 0; i < count; ++i)
        std::swap(all[std::size_t(i)], all[std::size_t(random.between(i, n - 1))]);
    all.resize(std::size_t(count));
    return all;
}

int groupSize(CorpusRandom& random)
{
    const double kind = random.unit();
    if (kind < 0.05)
        return random.between(100, 300);
    if (kind < 0.3)
        return random.between(20, 60);
    return random.between(3, 15);
}

struct Conversation
{
    ConversationId id;
    QList<UserId> members;
    qint64 messages = 0;
};

} // namespace

CorpusGenerator::CorpusGenerator(CorpusSpec spec)
    : m_spec(spec)
{}

std::optional<CorpusInfo> CorpusGenerator::fill(Storage& storage, const QByteArray& passwordHash, QString* error)
{
    QElapsedTimer clock;
    clock.start();
    QTextStream out(stdout);
    CorpusRandom random(m_spec.seed);
    CorpusInfo info;
    const auto fail = [&](const QString& why) {
        if (storage.inTransaction())
            storage.rollbackTransaction();
        *error = why;
        return std::nullopt;
    };

    // One transaction for the whole setup: on its own each write would be fsynced.
    if (!storage.beginTransaction()) {
        return fail(QStringLiteral("could not begin a transaction"));
    }
    // Accounts: the two measured users first, then the company.
    const int others = m_spec.users - 2;
    std::vector<UserId> people;
    for (int i = -2; i < others; ++i) {
        const QString name = i == -2   ? QStringLiteral("member50")
                             : i == -1 ? QStringLiteral("member500")
                                       : QStringLiteral("user%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        UserId id;
        if (storage.createUser(name, name, passwordHash, &id) != CreateUserResult::Created) {
            return fail(QStringLiteral("could not create user %1").arg(name));
        }
        if (i == -2)
            info.member50 = id;
        else if (i == -1)
            info.member500 = id;
        else
            people.push_back(id);
    }

    // Groups of Zipf-like sizes; member500 and member50 each join their share of them.
    std::vector<Conversation> conversations;
    QSet<int> groupsOf500, groupsOf50;
    for (int g : pick(random, m_spec.groups, std::min(kGroupsOf500, m_spec.groups)))
        groupsOf500.insert(g);
    for (int g : pick(random, m_spec.groups, std::min(kGroupsOf50, m_spec.groups)))
        groupsOf50.insert(g);
    for (int g = 0; g < m_spec.groups; ++g) {
        Conversation c;
        for (int p : pick(random, others, std::min(groupSize(random), others)))
            c.members.append(people[std::size_t(p)]);
        if (groupsOf500.contains(g))
            c.members.append(info.member500);
        if (groupsOf50.contains(g))
            c.members.append(info.member50);
        c.id = storage.createGroup(QStringLiteral("项目组 %1").arg(g + 1), c.members.first(), c.members);
        if (!c.id.isValid()) {
            return fail(QStringLiteral("could not create group %1").arg(g + 1));
        }
        conversations.push_back(c);
    }

    // Private chats: member500's and member50's with distinct colleagues, the rest between random pairs.
    QSet<QPair<qint64, qint64>> pairs;
    for (int i = 0; i < m_spec.privateChats; ++i) {
        UserId a = i < kPrivatesOf500                   ? info.member500
                   : i < kPrivatesOf500 + kPrivatesOf50 ? info.member50
                                                        : people[std::size_t(random.below(others))];
        UserId b;
        do {
            b = people[std::size_t(random.below(others))];
        } while (b == a || pairs.contains({std::min(a.value(), b.value()), std::max(a.value(), b.value())}));
        pairs.insert({std::min(a.value(), b.value()), std::max(a.value(), b.value())});
        Conversation c{storage.privateConversation(a, b, true), {a, b}};
        if (!c.id.isValid()) {
            return fail(QStringLiteral("could not open a private chat"));
        }
        conversations.push_back(c);
    }

    if (!storage.commitTransaction()) {
        return fail(QStringLiteral("could not commit the accounts and conversations"));
    }

    // Activity rank → conversation, shuffled so busy ones are groups and private chats alike.
    const std::vector<int> byActivity = pick(random, int(conversations.size()), int(conversations.size()));
    const ZipfSampler activity(int(conversations.size()), kActivityExponent);
    ChatTextGenerator text(random);
    for (qint64 written = 0; written < m_spec.messages;) {
        if (!storage.beginTransaction()) {
            return fail(QStringLiteral("could not begin a transaction"));
        }
        const qint64 end = std::min(m_spec.messages, written + m_spec.batch);
        for (; written < end; ++written) {
            Conversation& c = conversations[std::size_t(byActivity[std::size_t(activity.draw(random))])];
            NewMessage message;
            message.conversation = c.id;
            message.sender = c.members.at(random.below(int(c.members.size())));
            message.clientMsgId = createUuidV7();
            if (random.chance(kFileShare)) {
                QByteArray sha256(32, Qt::Uninitialized);
                for (char& byte : sha256)
                    byte = char(random.next());
                message.kind = MessageKind::File;
                message.file = FileRef{text.fileName(), random.between(1000, 50'000'000), sha256};
                ++info.fileMessages;
            } else {
                message.text = text.text();
            }
            if (!storage.appendMessage(message))
                return fail(QStringLiteral("append failed at message %1").arg(written));
            ++c.messages;
        }
        if (!storage.commitTransaction()) {
            return fail(QStringLiteral("commit failed at message %1").arg(written));
        }
        if (written % 100'000 == 0 || written == m_spec.messages)
            out << "  search corpus: " << written << " messages, " << clock.elapsed() / 1000 << " s" << Qt::endl;
    }

    info.messages = m_spec.messages;
    for (const Conversation& c : conversations) {
        if (c.members.contains(info.member50)) {
            info.readableBy50 += c.messages;
            if (c.messages > info.busiestMessagesOf50) {
                info.busiestMessagesOf50 = c.messages;
                info.busiestOf50 = c.id;
            }
        }
        if (c.members.contains(info.member500)) {
            info.readableBy500 += c.messages;
            if (c.messages > info.busiestMessagesOf500) {
                info.busiestMessagesOf500 = c.messages;
                info.busiestOf500 = c.id;
            }
        }
    }
    info.seconds = clock.elapsed() / 1000.0;
    return info;
}

} // namespace lanchat::bench
