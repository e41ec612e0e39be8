// The message catalogue (common/messages/*): every struct survives encode → decode → encode unchanged,
// and a field of the wrong CBOR type makes decode() fail (the server then answers invalid_argument).

#include "framecodec.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "messages/filemessages.h"

#include <QCborArray>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace lanchat;

namespace {

/** A decoder under test: decodes @p map and re-encodes it, nullopt when decode() refused it. */
using Codec = std::function<std::optional<QCborMap>(const QCborMap& map)>;

template <typename T> Codec codecOf()
{
    return [](const QCborMap& map) -> std::optional<QCborMap> {
        QString error;
        const std::optional<T> decoded = T::decode(map, &error);
        if (!decoded)
            return std::nullopt;
        return decoded->encode();
    };
}

template <typename T> Codec recordCodecOf()
{
    return [](const QCborMap& map) -> std::optional<QCborMap> {
        const std::optional<T> decoded = T::fromCbor(map);
        if (!decoded)
            return std::nullopt;
        return decoded->toCbor();
    };
}

const QByteArray kSha = QByteArray(32, '\xab');

UserInfo user()
{
    return UserInfo{UserId(3), QStringLiteral("li.wei"), QStringLiteral("李伟"), true};
}

MessageRecord textRecord()
{
    return MessageRecord{42,
                         ConversationId(7),
                         UserId(3),
                         1700000000123,
                         QUuid::createUuid(),
                         MessageKind::Text,
                         QStringLiteral("你好, world"),
                         std::nullopt};
}

MessageRecord fileRecord()
{
    return MessageRecord{43,
                         ConversationId(7),
                         UserId(3),
                         1700000000456,
                         QUuid::createUuid(),
                         MessageKind::File,
                         QString(),
                         FileRef{QStringLiteral("报告.pdf"), 123456, kSha, true}};
}

ConversationInfo group()
{
    return ConversationInfo{ConversationId(7),
                            ConversationKind::Group,
                            QStringLiteral("研发部"),
                            UserId(3),
                            {},
                            {UserId(3), UserId(4)},
                            43,
                            40};
}

} // namespace

class tst_Messages : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void wrongTypeRejected_data();
    void wrongTypeRejected();
    void missingRequiredRejected();
    void limits();
    void unknownFieldsIgnored();
    void streamedFramesMatchMaps_data();
    void streamedFramesMatchMaps();
};

void tst_Messages::roundTrip_data()
{
    QTest::addColumn<QCborMap>("encoded");
    QTest::addColumn<Codec>("codec");
    QTest::newRow("hello") << Hello{1, QStringLiteral("lanchat-desktop/0.1"), {QStringLiteral("files")}}.encode()
                           << codecOf<Hello>();
    QTest::newRow("welcome") << Welcome{1, QStringLiteral("Office"), {}, 1048576, 1700000000000, {}}.encode()
                             << codecOf<Welcome>();
    QTest::newRow("welcome max_file_bytes")
        << Welcome{1, QStringLiteral("Office"), {}, 1048576, 1700000000000, QStringLiteral("off"), 4294967296}.encode()
        << codecOf<Welcome>();
    QTest::newRow("register")
        << Register{QStringLiteral("li.wei"), QStringLiteral("secret-123"), QStringLiteral("李伟"), {}}.encode()
        << codecOf<Register>();
    QTest::newRow("login") << Login{QStringLiteral("li.wei"), QStringLiteral("secret-123")}.encode()
                           << codecOf<Login>();
    QTest::newRow("auth ok") << AuthOk{user(), 99}.encode() << codecOf<AuthOk>();
    QTest::newRow("login remember")
        << Login{QStringLiteral("li.wei"), QStringLiteral("secret-123"), true, QStringLiteral("李伟的电脑")}.encode()
        << codecOf<Login>();
    QTest::newRow("login with token") << Login{QStringLiteral("li.wei"), {}, false, {}, QByteArray(32, '\x5a')}.encode()
                                      << codecOf<Login>();
    QTest::newRow("auth ok with token") << AuthOk{user(), 99, QByteArray(32, '\x01')}.encode() << codecOf<AuthOk>();
    QTest::newRow("change_password")
        << ChangePassword{QStringLiteral("old-pass-1"), QStringLiteral("new-pass-2")}.encode()
        << codecOf<ChangePassword>();
    QTest::newRow("open_private") << OpenPrivate{UserId(4)}.encode() << codecOf<OpenPrivate>();
    QTest::newRow("send") << SendText{ConversationId(7), QUuid::createUuid(), QStringLiteral("hi 你好")}.encode()
                          << codecOf<SendText>();
    QTest::newRow("send with mentions") << SendText{ConversationId(7),
                                                    QUuid::createUuid(),
                                                    QStringLiteral("@Bob @all"),
                                                    {{UserId(4), UserId(5)}, true}}
                                               .encode()
                                        << codecOf<SendText>();
    QTest::newRow("typing") << TypingNotice{ConversationId(7)}.encode() << codecOf<TypingNotice>();
    QTest::newRow("typing push") << TypingPush{ConversationId(7), UserId(4)}.encode() << codecOf<TypingPush>();
    QTest::newRow("send ack") << SendAck{42, 1700000000123}.encode() << codecOf<SendAck>();
    QTest::newRow("history") << History{ConversationId(7), 40, 50}.encode() << codecOf<History>();
    QTest::newRow("sync") << Sync{12, 500}.encode() << codecOf<Sync>();
    QTest::newRow("messages page") << MessagesPage{{textRecord(), fileRecord()}, true}.encode()
                                   << codecOf<MessagesPage>();
    QTest::newRow("read") << MarkRead{ConversationId(7), 42}.encode() << codecOf<MarkRead>();
    QTest::newRow("read_receipt") << ReadReceipt{ConversationId(7), UserId(4), 42}.encode() << codecOf<ReadReceipt>();
    QTest::newRow("presence") << PresenceChange{UserId(4), true}.encode() << codecOf<PresenceChange>();
    QTest::newRow("users ok") << UsersOk{{user()}}.encode() << codecOf<UsersOk>();
    QTest::newRow("conversations ok") << ConversationsOk{{group()}}.encode() << codecOf<ConversationsOk>();
    QTest::newRow("conversation ok") << ConversationOk{group()}.encode() << codecOf<ConversationOk>();
    QTest::newRow("group_create") << GroupCreate{QStringLiteral("研发部"), {UserId(4), UserId(5)}}.encode()
                                  << codecOf<GroupCreate>();
    QTest::newRow("group_add")
        << GroupChange{QLatin1String(GroupChange::kAdd), ConversationId(7), UserId(5), {}}.encode()
        << codecOf<GroupChange>();
    QTest::newRow("group_rename") << GroupChange{QLatin1String(GroupChange::kRename), ConversationId(7), UserId(),
                                                 QStringLiteral("新名字")}
                                         .encode()
                                  << codecOf<GroupChange>();
    QTest::newRow("error") << ErrorReply{QStringLiteral("forbidden"), QStringLiteral("not a member")}.encode()
                           << codecOf<ErrorReply>();
    QTest::newRow("file_offer")
        << FileOffer{ConversationId(7), QUuid::createUuid(), QStringLiteral("a.txt"), 10, kSha}.encode()
        << codecOf<FileOffer>();
    QTest::newRow("file_offer ok") << FileOfferOk{TransferId(2), 0, true, 44, 1700000000999}.encode()
                                   << codecOf<FileOfferOk>();
    QTest::newRow("file_chunk") << FileChunk{TransferId(2), 262144, QByteArray(1000, 'x')}.encode()
                                << codecOf<FileChunk>();
    QTest::newRow("file_chunk ok") << FileChunkOk{263144, false, 0, 0}.encode() << codecOf<FileChunkOk>();
    QTest::newRow("file_cancel") << FileCancel{TransferId(2)}.encode() << codecOf<FileCancel>();
    QTest::newRow("file_read") << FileRead{ConversationId(7), kSha, 0, 262144}.encode() << codecOf<FileRead>();
    QTest::newRow("file data") << FileData{0, 10, QByteArray("0123456789")}.encode() << codecOf<FileData>();
    QTest::newRow("message record") << textRecord().toCbor() << recordCodecOf<MessageRecord>();
    QTest::newRow("file record") << fileRecord().toCbor() << recordCodecOf<MessageRecord>();
    {
        MessageRecord reply = textRecord();
        reply.reply = ReplyQuote{40, true, UserId(4), MessageKind::File, QStringLiteral("报告.pdf"), false};
        QTest::newRow("reply record") << reply.toCbor() << recordCodecOf<MessageRecord>();
        reply.reply = ReplyQuote::seqOnly(40);
        reply.reply->recalled = true;
        QTest::newRow("reply to recalled") << reply.toCbor() << recordCodecOf<MessageRecord>();
        SendText send{ConversationId(7), QUuid::createUuid(), QStringLiteral("re"), {}, 40};
        QTest::newRow("send reply") << send.encode() << codecOf<SendText>();
        QTest::newRow("history around") << History{ConversationId(7), 0, 9, 0, 40}.encode() << codecOf<History>();
        QTest::newRow("history after") << History{ConversationId(7), 0, 9, 40, 0}.encode() << codecOf<History>();
        QTest::newRow("window page") << MessagesPage{{textRecord()}, true, true, false}.encode()
                                     << codecOf<MessagesPage>();
    }
    QTest::newRow("user info") << user().toCbor() << recordCodecOf<UserInfo>();
    QTest::newRow("conversation info") << group().toCbor() << recordCodecOf<ConversationInfo>();
    QTest::newRow("file ref") << FileRef{QStringLiteral("x.bin"), 5, kSha, false}.toCbor() << recordCodecOf<FileRef>();
}

void tst_Messages::roundTrip()
{
    QFETCH(QCborMap, encoded);
    QFETCH(Codec, codec);
    const std::optional<QCborMap> again = codec(encoded);
    QVERIFY(again);
    QCOMPARE(*again, encoded);
}

void tst_Messages::wrongTypeRejected_data()
{
    roundTrip_data();
}

void tst_Messages::wrongTypeRejected()
{
    QFETCH(QCborMap, encoded);
    QFETCH(Codec, codec);
    for (auto it = encoded.cbegin(); it != encoded.cend(); ++it) {
        const QString key = it.key().toString();
        if (key == QLatin1String("t"))
            continue;
        QCborMap broken = encoded;
        // A byte string where anything else is expected; a negative integer where bytes are expected.
        broken.insert(it.key(), it.value().isByteArray() ? QCborValue(-1) : QCborValue(QByteArray("\x01")));
        QVERIFY2(!codec(broken), qPrintable(QStringLiteral("field '%1' of the wrong type was accepted").arg(key)));
    }
}

void tst_Messages::missingRequiredRejected()
{
    QCborMap send = SendText{ConversationId(7), QUuid::createUuid(), QStringLiteral("x")}.encode();
    for (const char* key : {"conversation", "client_msg_id", "text"}) {
        QCborMap broken = send;
        broken.remove(QLatin1String(key));
        QString error;
        QVERIFY(!SendText::decode(broken, &error));
        QVERIFY(error.contains(QLatin1String(key)));
    }
}

void tst_Messages::limits()
{
    QString error;
    QVERIFY(SendText::decode(
        SendText{ConversationId(1), QUuid::createUuid(), QString(64 * 1024, QLatin1Char('a'))}.encode(), &error));
    QVERIFY(!SendText::decode(
        SendText{ConversationId(1), QUuid::createUuid(), QString(64 * 1024 + 1, QLatin1Char('a'))}.encode(), &error));
    QVERIFY(!History::decode(History{ConversationId(1), 0, 501}.encode(), &error));
    QCborMap shortUuid = SendText{ConversationId(1), QUuid::createUuid(), QStringLiteral("x")}.encode();
    shortUuid.insert(QLatin1String("client_msg_id"), QByteArray(15, 'u'));
    QVERIFY(!SendText::decode(shortUuid, &error));
    QVERIFY(!FileChunk::decode(FileChunk{TransferId(1), 0, QByteArray(256 * 1024 + 1, 'x')}.encode(), &error));
}

void tst_Messages::unknownFieldsIgnored()
{
    QCborMap send = SendText{ConversationId(7), QUuid::createUuid(), QStringLiteral("x")}.encode();
    send.insert(QLatin1String("future_field"), QCborArray{1, 2});
    QString error;
    QVERIFY(SendText::decode(send, &error));
}

void tst_Messages::streamedFramesMatchMaps_data()
{
    QTest::addColumn<QByteArray>("streamed");
    QTest::addColumn<QCborMap>("expected");

    const SendAck ack{123456789, 1764576000123};
    QCborMap ackMap = ack.encode();
    ackMap.insert(QLatin1String("id"), 42);
    QTest::newRow("send ack") << ack.encodeFrame(42) << ackMap;

    MessageRecord text;
    text.seq = 7;
    text.conversation = ConversationId(3);
    text.sender = UserId(9);
    text.timestampMs = 1764576000123;
    text.clientMsgId = QUuid::createUuid();
    text.text = QStringLiteral("你好, LanChat ✓");
    QCborMap textMap = text.toCbor();
    textMap.insert(QLatin1String("t"), QLatin1String("message"));
    QTest::newRow("text push") << text.encodeFrame("message") << textMap;

    MessageRecord system = text;
    system.kind = MessageKind::System;
    system.sender = UserId();
    system.clientMsgId = QUuid();
    QCborMap systemMap = system.toCbor();
    systemMap.insert(QLatin1String("t"), QLatin1String("message"));
    QTest::newRow("system push") << system.encodeFrame("message") << systemMap;

    MessageRecord mentioning = text;
    mentioning.mentions = Mentions{{UserId(4), UserId(12)}, true};
    QCborMap mentioningMap = mentioning.toCbor();
    mentioningMap.insert(QLatin1String("t"), QLatin1String("message"));
    QCOMPARE(mentioningMap.value(QLatin1String("mentions")).toArray().size(), 2);
    QTest::newRow("text push with mentions") << mentioning.encodeFrame("message") << mentioningMap;
    for (bool recalled : {false, true}) {
        MessageRecord reply = text;
        reply.reply = recalled ? ReplyQuote::seqOnly(5)
                               : ReplyQuote{5, true, UserId(2), MessageKind::Text, QStringLiteral("第一行"), false};
        reply.reply->recalled = recalled;
        QCborMap replyMap = reply.toCbor();
        replyMap.insert(QLatin1String("t"), QLatin1String("message"));
        QTest::newRow(recalled ? "reply to recalled push" : "reply push") << reply.encodeFrame("message") << replyMap;
    }

    for (bool expired : {false, true}) {
        MessageRecord file = text;
        file.kind = MessageKind::File;
        file.text.clear();
        file.file = FileRef{QStringLiteral("报告 (1).pdf"), 3 * 1024 * 1024, QByteArray(32, '\xab'), expired};
        QCborMap fileMap = file.toCbor();
        fileMap.insert(QLatin1String("t"), QLatin1String("message"));
        QTest::newRow(expired ? "expired file push" : "file push") << file.encodeFrame("message") << fileMap;
    }
}

void tst_Messages::streamedFramesMatchMaps()
{
    QFETCH(QByteArray, streamed);
    QFETCH(QCborMap, expected);
    FrameCodec codec(1024 * 1024);
    codec.append(streamed);
    const std::optional<FrameCodec::Frame> frame = codec.next();
    QVERIFY(frame);
    QVERIFY(!frame->rejected);
    // Same fields and values; the order of keys in a CBOR map carries no meaning (RFC 8949 §5.6).
    QCOMPARE(frame->map.size(), expected.size());
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        QCOMPARE(frame->map.value(it.key()), it.value());
    QCOMPARE(codec.bufferedBytes(), 0); // the prefix covers exactly the payload
}

QTEST_GUILESS_MAIN(tst_Messages)
#include "tst_messages.moc"
