// Replies and history around a message (docs/protocol.md 6.3): `send {reply_to}` is checked against the
// conversation, every delivered copy of a reply carries the quote the server reads from the original (live push,
// history, sync of an offline device, after a restart), and `history {around | after}` pages both ways.
#include "protocolframes.h"
#include "rawclient.h"
#include "replyquoter.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 60000;

QCborMap replyRequest(qint64 conversation, const QString& text, qint64 replyTo)
{
    QCborMap m = typed("send");
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
    m.insert(QLatin1String("text"), text);
    m.insert(QLatin1String("reply_to"), replyTo);
    return m;
}

qint64 seqOf(const QCborMap& reply)
{
    return reply.value(QLatin1String("seq")).toInteger();
}

QCborMap quoteOf(const QCborMap& message)
{
    return message.value(QLatin1String("reply")).toMap();
}

QCborMap historyRequest(qint64 conversation, const char* anchor, qint64 seq, int limit)
{
    QCborMap m = typed("history");
    m.insert(QLatin1String("conversation"), conversation);
    if (anchor)
        m.insert(QLatin1String(anchor), seq);
    if (limit > 0)
        m.insert(QLatin1String("limit"), limit);
    return m;
}

QList<qint64> seqsOf(const QCborMap& page)
{
    QList<qint64> seqs;
    for (const QCborValue& m : page.value(QLatin1String("messages")).toArray())
        seqs.append(m.toMap().value(QLatin1String("seq")).toInteger());
    return seqs;
}

QCborMap findSeq(const QCborArray& messages, qint64 seq)
{
    for (const QCborValue& m : messages) {
        if (m.toMap().value(QLatin1String("seq")).toInteger() == seq)
            return m.toMap();
    }
    return {};
}

} // namespace

class tst_Replies : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void welcomeAnnouncesReplies();
    void replyCarriesQuoteLiveAndInHistory();
    void excerptIsFirstLineCutAtHundredCodePoints();
    void fileQuoteShowsTheFileName();
    void replyToMissingOrForeignSeqIsInvalid();
    void nonMemberReplyIsForbiddenRevealingNothing();
    void offlineDeviceSyncsReplyAndRestartKeepsIt();
    void historyAroundReturnsBothSides();
    void historyAroundEdgesAndErrors();
    void historyPagesBothWaysFromAWindow();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    qint64 group(RawClient& owner, const QList<qint64>& members);
    qint64 openPrivate(RawClient& a, qint64 peer);

    std::unique_ptr<TestServer> m_server;
};

void tst_Replies::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
}

void tst_Replies::cleanup()
{
    m_server.reset();
}

std::unique_ptr<RawClient> tst_Replies::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) == 0)
        return nullptr;
    return c;
}

qint64 tst_Replies::group(RawClient& owner, const QList<qint64>& members)
{
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    QCborArray ids;
    for (qint64 id : members)
        ids.append(id);
    create.insert(QLatin1String("members"), ids);
    return conversationId(owner.request(create, kWaitMs));
}

qint64 tst_Replies::openPrivate(RawClient& a, qint64 peer)
{
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), peer);
    return conversationId(a.request(open, kWaitMs));
}

void tst_Replies::welcomeAnnouncesReplies()
{
    RawClient probe;
    QVERIFY(probe.connectTo(m_server->port(), false));
    QVERIFY(probe.hello().value(QLatin1String("features")).toArray().contains(QStringLiteral("reply")));
}

void tst_Replies::replyCarriesQuoteLiveAndInHistory()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    const qint64 team = group(*a, {b->userId(), c->userId()});
    QVERIFY(team > 0);
    const qint64 original = seqOf(a->sendText(team, QStringLiteral("Lunch at noon?\nIn the canteen")));
    QVERIFY(original > 0);
    c->clearPushes();

    const QCborMap ack = b->request(replyRequest(team, QStringLiteral("Yes!"), original), kWaitMs);
    QCOMPARE(frameType(ack), QStringLiteral("ok"));

    // Carol's push carries the quote, filled from Alice's message.
    QCborMap push;
    QVERIFY(RawClient::waitUntil(
        [&] {
            for (const QCborMap& p : c->pushes()) {
                if (p.value(QLatin1String("seq")).toInteger() == seqOf(ack))
                    push = p;
            }
            return !push.isEmpty();
        },
        kWaitMs));
    const QCborMap quote = quoteOf(push);
    QCOMPARE(quote.value(QLatin1String("seq")).toInteger(), original);
    QCOMPARE(quote.value(QLatin1String("sender")).toInteger(), a->userId());
    QCOMPARE(quote.value(QLatin1String("kind")).toString(), QStringLiteral("text"));
    QCOMPARE(quote.value(QLatin1String("excerpt")).toString(), QStringLiteral("Lunch at noon?"));
    QVERIFY(!quote.contains(QLatin1String("recalled")));

    // History gives the same quote; the original itself carries none.
    const QCborArray page = a->request(historyRequest(team, nullptr, 0, 0)).value(QLatin1String("messages")).toArray();
    QCOMPARE(quoteOf(findSeq(page, seqOf(ack))), quote);
    QVERIFY(!findSeq(page, original).contains(QLatin1String("reply")));
}

void tst_Replies::excerptIsFirstLineCutAtHundredCodePoints()
{
    // 99 letters then an emoji (two UTF-16 units): the cut keeps the pair whole, at 100 code points.
    const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
    const QString longLine = QString(99, u'x') + emoji + QStringLiteral("tail");
    QCOMPARE(ReplyQuote::excerptOf(longLine), QString(99, u'x') + emoji);
    QCOMPARE(ReplyQuote::excerptOf(QString(98, u'x') + QStringLiteral("y") + emoji), QString(98, u'x') + u'y' + emoji);
    QCOMPARE(ReplyQuote::excerptOf(QStringLiteral("one\r\ntwo")), QStringLiteral("one"));
    QCOMPARE(ReplyQuote::excerptOf(QStringLiteral("\nsecond")), QString());

    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 chat = openPrivate(*a, b->userId());
    const qint64 original = seqOf(a->sendText(chat, longLine + QStringLiteral("\nmore")));
    const qint64 reply = seqOf(b->request(replyRequest(chat, QStringLiteral("ok"), original)));
    QVERIFY(reply > 0);
    const QCborArray page = b->request(historyRequest(chat, nullptr, 0, 0)).value(QLatin1String("messages")).toArray();
    QCOMPARE(quoteOf(findSeq(page, reply)).value(QLatin1String("excerpt")).toString(), QString(99, u'x') + emoji);
}

void tst_Replies::fileQuoteShowsTheFileName()
{
    MessageRecord file;
    file.seq = 7;
    file.sender = UserId(3);
    file.kind = MessageKind::File;
    file.file = FileRef{QStringLiteral("季度报告 Q3.pdf"), 1024, QByteArray(32, 'a'), false};
    const ReplyQuote quote = ReplyQuoter::quoteOf(file);
    QVERIFY(quote.available);
    QCOMPARE(quote.kind, MessageKind::File);
    QCOMPARE(quote.excerpt, QStringLiteral("季度报告 Q3.pdf"));
    QCOMPARE(quote.sender, UserId(3));
    // The wire form round-trips.
    QCOMPARE(ReplyQuote::fromCbor(quote.toCbor()), std::optional<ReplyQuote>(quote));
}

void tst_Replies::replyToMissingOrForeignSeqIsInvalid()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    const qint64 ab = openPrivate(*a, b->userId());
    const qint64 bc = openPrivate(*b, c->userId());
    const qint64 inBc = seqOf(c->sendText(bc, QStringLiteral("private to bob")));
    QVERIFY(inBc > 0);

    const QCborMap missing = a->request(replyRequest(ab, QStringLiteral("?"), inBc + 1000));
    QCOMPARE(errorCodeOf(missing), QStringLiteral("invalid_argument"));
    // Bob is in both conversations, but a seq of the other one is refused exactly like a missing one.
    const QCborMap foreign = b->request(replyRequest(ab, QStringLiteral("?"), inBc));
    QCOMPARE(errorCodeOf(foreign), QStringLiteral("invalid_argument"));
    QCOMPARE(foreign.value(QLatin1String("message")), missing.value(QLatin1String("message")));
    // Wrong types are refused by the decoder alike.
    QCborMap textSeq = replyRequest(ab, QStringLiteral("?"), 0);
    textSeq.insert(QLatin1String("reply_to"), QStringLiteral("12"));
    QCOMPARE(errorCodeOf(a->request(textSeq)), QStringLiteral("invalid_argument"));
    QCborMap negative = historyRequest(ab, nullptr, 0, 5);
    negative.insert(QLatin1String("around"), -1);
    QCOMPARE(errorCodeOf(a->request(negative)), QStringLiteral("invalid_argument"));
    // Nothing was stored; the server keeps serving.
    QCOMPARE(a->request(historyRequest(ab, nullptr, 0, 0)).value(QLatin1String("messages")).toArray().size(), 0);
    QCOMPARE(frameType(a->sendText(ab, QStringLiteral("still here"))), QStringLiteral("ok"));
}

void tst_Replies::nonMemberReplyIsForbiddenRevealingNothing()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    const qint64 ab = openPrivate(*a, b->userId());
    const qint64 original = seqOf(a->sendText(ab, QStringLiteral("between us")));
    // The same answer whether or not the seq exists there: forbidden, before reply_to is looked at.
    QCOMPARE(errorCodeOf(c->request(replyRequest(ab, QStringLiteral("x"), original))), QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(c->request(replyRequest(ab, QStringLiteral("x"), original + 99))),
             QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(c->request(historyRequest(ab, "around", original, 5))), QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(c->request(historyRequest(ab, "around", original + 99, 5))), QStringLiteral("forbidden"));
}

void tst_Replies::offlineDeviceSyncsReplyAndRestartKeepsIt()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    const qint64 team = group(*a, {b->userId(), c->userId()});
    const qint64 original = seqOf(c->sendText(team, QStringLiteral("Who takes the release?")));
    const qint64 carolSeen = original;
    c.reset(); // Carol goes offline

    const qint64 reply = seqOf(b->request(replyRequest(team, QStringLiteral("Me"), original)));
    QVERIFY(reply > original);

    // Carol's second device syncs what it missed: the reply with its quote.
    auto phone = std::make_unique<RawClient>();
    QVERIFY(phone->connectTo(m_server->port(), false));
    QCOMPARE(phone->signUp(QStringLiteral("carol")) > 0, true);
    QCborMap sync = typed("sync");
    sync.insert(QLatin1String("since"), carolSeen);
    const QCborArray synced = phone->request(sync).value(QLatin1String("messages")).toArray();
    const QCborMap quote = quoteOf(findSeq(synced, reply));
    QCOMPARE(quote.value(QLatin1String("seq")).toInteger(), original);
    QCOMPARE(quote.value(QLatin1String("excerpt")).toString(), QStringLiteral("Who takes the release?"));
    QCOMPARE(quote.value(QLatin1String("sender")).toInteger(), phone->userId());
    phone.reset();
    a.reset();
    b.reset();

    QVERIFY(m_server->restart());
    auto again = client(QStringLiteral("alice"));
    QVERIFY(again);
    const QCborArray page =
        again->request(historyRequest(team, "around", reply, 3)).value(QLatin1String("messages")).toArray();
    QCOMPARE(quoteOf(findSeq(page, reply)), quote);
}

void tst_Replies::historyAroundReturnsBothSides()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 chat = openPrivate(*a, b->userId());
    QList<qint64> seqs;
    for (int i = 0; i < 10; ++i)
        seqs.append(seqOf(a->sendText(chat, QStringLiteral("m%1").arg(i))));

    // limit 5: two older, the message, two newer; newest first like every history page.
    const QCborMap page = b->request(historyRequest(chat, "around", seqs.at(5), 5));
    QCOMPARE(frameType(page), QStringLiteral("ok"));
    QCOMPARE(seqsOf(page), (QList<qint64>{seqs.at(7), seqs.at(6), seqs.at(5), seqs.at(4), seqs.at(3)}));
    QCOMPARE(page.value(QLatin1String("more_before")).toBool(), true);
    QCOMPARE(page.value(QLatin1String("more_after")).toBool(), true);
    QCOMPARE(page.value(QLatin1String("more")).toBool(), true);

    // An even limit gives the older side the extra half: limit 4 = two older, the message, one newer.
    QCOMPARE(seqsOf(b->request(historyRequest(chat, "around", seqs.at(5), 4))),
             (QList<qint64>{seqs.at(6), seqs.at(5), seqs.at(4), seqs.at(3)}));
    // limit 1: the message alone.
    const QCborMap alone = b->request(historyRequest(chat, "around", seqs.at(0), 1));
    QCOMPARE(seqsOf(alone), QList<qint64>{seqs.at(0)});
    QCOMPARE(alone.value(QLatin1String("more_before")).toBool(), false);
    QCOMPARE(alone.value(QLatin1String("more_after")).toBool(), true);
}

void tst_Replies::historyAroundEdgesAndErrors()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    const qint64 chat = openPrivate(*a, b->userId());
    const qint64 other = openPrivate(*b, c->userId());
    QList<qint64> seqs;
    for (int i = 0; i < 4; ++i)
        seqs.append(seqOf(a->sendText(chat, QStringLiteral("m%1").arg(i))));
    const qint64 elsewhere = seqOf(c->sendText(other, QStringLiteral("elsewhere")));

    const QCborMap first = b->request(historyRequest(chat, "around", seqs.first(), 5));
    QCOMPARE(seqsOf(first), (QList<qint64>{seqs.at(2), seqs.at(1), seqs.at(0)}));
    QCOMPARE(first.value(QLatin1String("more_before")).toBool(), false);
    QCOMPARE(first.value(QLatin1String("more_after")).toBool(), true);
    const QCborMap last = b->request(historyRequest(chat, "around", seqs.last(), 5));
    QCOMPARE(seqsOf(last), (QList<qint64>{seqs.at(3), seqs.at(2), seqs.at(1)}));
    QCOMPARE(last.value(QLatin1String("more_before")).toBool(), true);
    QCOMPARE(last.value(QLatin1String("more_after")).toBool(), false);
    const QCborMap all = b->request(historyRequest(chat, "around", seqs.at(1), 100));
    QCOMPARE(seqsOf(all).size(), 4);
    QCOMPARE(all.value(QLatin1String("more_before")).toBool(), false);
    QCOMPARE(all.value(QLatin1String("more_after")).toBool(), false);

    // A seq of another conversation (Bob is in it), a missing one, and two anchors at once.
    QCOMPARE(errorCodeOf(b->request(historyRequest(chat, "around", elsewhere, 5))), QStringLiteral("invalid_argument"));
    QCOMPARE(errorCodeOf(b->request(historyRequest(chat, "around", elsewhere + 50, 5))),
             QStringLiteral("invalid_argument"));
    QCborMap both = historyRequest(chat, "around", seqs.at(1), 5);
    both.insert(QLatin1String("before"), seqs.at(3));
    QCOMPARE(errorCodeOf(b->request(both)), QStringLiteral("invalid_argument"));
    QCOMPARE(errorCodeOf(b->request(historyRequest(chat, "around", seqs.at(1), 501))),
             QStringLiteral("invalid_argument"));
    QCOMPARE(frameType(b->request(historyRequest(chat, nullptr, 0, 0))), QStringLiteral("ok"));
}

void tst_Replies::historyPagesBothWaysFromAWindow()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 chat = openPrivate(*a, b->userId());
    QList<qint64> seqs;
    for (int i = 0; i < 23; ++i)
        seqs.append(seqOf(a->sendText(chat, QStringLiteral("m%1").arg(i))));

    const QCborMap window = b->request(historyRequest(chat, "around", seqs.at(11), 5));
    QList<qint64> seen = seqsOf(window);
    // Newer pages with `after` until more_after is false: they join the newest message.
    qint64 newest = seen.first();
    for (bool more = true; more;) {
        const QCborMap page = b->request(historyRequest(chat, "after", newest, 4));
        QCOMPARE(frameType(page), QStringLiteral("ok"));
        const QList<qint64> got = seqsOf(page);
        QVERIFY(!got.isEmpty());
        QVERIFY(std::is_sorted(got.rbegin(), got.rend()));       // newest first
        QCOMPARE(got.last(), seqs.at(seqs.indexOf(newest) + 1)); // no gap after the window
        seen += got;
        newest = got.first();
        more = page.value(QLatin1String("more_after")).toBool();
        QCOMPARE(page.value(QLatin1String("more")).toBool(), more);
    }
    QCOMPARE(newest, seqs.last());
    // Older pages with `before` until more is false: they reach the first message.
    qint64 oldest = seen.at(4);
    for (bool more = true; more;) {
        const QCborMap page = b->request(historyRequest(chat, "before", oldest, 4));
        const QList<qint64> got = seqsOf(page);
        seen += got;
        oldest = got.last();
        more = page.value(QLatin1String("more")).toBool();
    }
    std::sort(seen.begin(), seen.end());
    QCOMPARE(seen, seqs);
    // After the newest: an empty page, nothing more.
    const QCborMap beyond = b->request(historyRequest(chat, "after", seqs.last(), 4));
    QVERIFY(seqsOf(beyond).isEmpty());
    QCOMPARE(beyond.value(QLatin1String("more_after")).toBool(), false);
}

QTEST_GUILESS_MAIN(tst_Replies)
#include "tst_replies.moc"
