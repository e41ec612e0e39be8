// Bad frames cost an attacker as much as good ones: they are counted by the request rate limit (so a flood of
// them is refused and finally closed), and the log grows by a bounded amount whatever they carry (peer strings
// truncated, repeated lines rate-limited). The log is captured with a Qt message handler.

#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QTest>
#include <QtEndian>

#include <atomic>

using namespace lanchat;
using lanchat::test::framed;
using lanchat::test::RawClient;
using lanchat::test::TestServer;

namespace {

std::atomic<qint64> g_logBytes{0};
std::atomic<int> g_connectLines{0};

void countingHandler(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    // What a log file would hold: category and text.
    g_logBytes += qstrlen(context.category) + message.toUtf8().size() + 2;
    if (message.startsWith(QLatin1String("connect")))
        ++g_connectLines;
}

/** About @p bytes of frames, each ~1 KiB: {id, t: "send", text: <invalid UTF-8>}. */
QByteArray invalidUtf8Frames(qsizetype bytes)
{
    QByteArray out;
    for (quint32 id = 1; out.size() < bytes; ++id) {
        QByteArray text(1000, 'x');
        text[500] = char(0xff); // never valid in UTF-8
        QByteArray payload = QByteArray::fromHex("a3") + "\x62id" + "\x1a" + QByteArray(4, '\0') + "\x61t" +
                             "\x64send" + "\x64text" + "\x79" + QByteArray(2, '\0') + text;
        qToBigEndian<quint32>(id, payload.data() + 5);
        qToBigEndian<quint16>(quint16(text.size()), payload.data() + payload.size() - text.size() - 2);
        out += framed(payload);
    }
    return out;
}

/** About @p bytes of frames of unknown types, each a 1,000-character name; their number in @p count. */
QByteArray unknownTypeFrames(qsizetype bytes, int* count)
{
    QByteArray out;
    *count = 0;
    for (int id = 1; out.size() < bytes; ++id, ++*count) {
        QCborMap map;
        map.insert(QLatin1String("t"), QStringLiteral("%1").arg(id, 1000, 10, QLatin1Char('z')));
        map.insert(QLatin1String("id"), id);
        out += framed(QCborValue(map).toCbor());
    }
    return out;
}

} // namespace

class tst_LogHygiene : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void invalidUtf8FloodIsRateLimitedAndClosed();
    void unknownTypeFloodLogIsBounded();

private:
    QtMessageHandler m_previous = nullptr;
};

void tst_LogHygiene::init()
{
    g_logBytes = 0;
    g_connectLines = 0;
    m_previous = qInstallMessageHandler(countingHandler);
}

void tst_LogHygiene::cleanup()
{
    qInstallMessageHandler(m_previous);
}

void tst_LogHygiene::invalidUtf8FloodIsRateLimitedAndClosed()
{
    ServerConfig config;
    config.maxRequestsPerSecond = 10;
    config.requestBurst = 10;
    config.rateLimitCloseAfter = 50;
    TestServer server(false, config);
    QVERIFY(server.start());
    RawClient flooder;
    QVERIFY(flooder.connectTo(server.port(), false));
    flooder.sendRaw(invalidUtf8Frames(180 * 1024));
    QCOMPARE(flooder.waitPush(QStringLiteral("error"), 20000).value(QLatin1String("code")).toString(),
             QStringLiteral("rate_limited"));
    QVERIFY(flooder.waitDisconnected(10000));
    // The early ones were answered as the spec says, the later ones refused by the limiter.
    const QHash<quint64, QCborMap> replies = flooder.takeReplies();
    QCOMPARE(RawClient::errorCode(replies.value(1)), QStringLiteral("invalid_argument"));
    bool limited = false;
    for (const QCborMap& reply : replies)
        limited = limited || RawClient::errorCode(reply) == QLatin1String("rate_limited");
    QVERIFY(limited);
    QVERIFY2(g_logBytes < 16 * 1024, qPrintable(QString::number(g_logBytes)));
}

void tst_LogHygiene::unknownTypeFloodLogIsBounded()
{
    TestServer server(false, {}); // the default request limit lets all of them through to the router
    QVERIFY(server.start());
    RawClient flooder;
    QVERIFY(flooder.connectTo(server.port(), false));
    int frames = 0;
    flooder.sendRaw(unknownTypeFrames(180 * 1024, &frames));
    QVERIFY(RawClient::waitUntil([&] { return flooder.replyCount() >= frames; }, 30000));
    QCOMPARE(RawClient::errorCode(flooder.takeReplies().value(1)), QStringLiteral("unknown_type"));
    QVERIFY(flooder.isConnected()); // unknown types keep the connection (within the rate)
    QVERIFY(g_connectLines > 0);    // the handler does see the server's lines
    // Without truncation that is over 180 kB of log; without rate-limiting ~30 kB.
    QVERIFY2(g_logBytes < 12 * 1024, qPrintable(QString::number(g_logBytes)));
}

QTEST_GUILESS_MAIN(tst_LogHygiene)
#include "tst_loghygiene.moc"
