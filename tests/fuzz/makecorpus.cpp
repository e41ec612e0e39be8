// Writes the seed corpus of the fuzz targets: one valid frame of every message type in the catalogue.
// Usage: fuzz_makecorpus DIR   (the committed seeds in tests/fuzz/corpus/ were made with it)

#include "framecodec.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "messages/filemessages.h"
#include "sha256.h"

#include <QDir>
#include <QFile>

using namespace lanchat;

namespace {

void write(const QDir& dir, const QString& name, QCborMap map, qint64 id)
{
    if (id > 0)
        map.insert(QLatin1String("id"), id);
    QFile file(dir.filePath(name + QStringLiteral(".frame")));
    if (file.open(QIODevice::WriteOnly))
        file.write(FrameCodec::encode(map));
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const QByteArray sha = Sha256::hash("seed");
    const QUuid uuid = QUuid::fromString(QStringLiteral("{6f1d2c3a-1111-4222-8333-944455556666}"));
    UserInfo user{UserId(7), QStringLiteral("li.lei"), QStringLiteral("李雷"), true};
    ConversationInfo conversation{ConversationId(3),
                                  ConversationKind::Group,
                                  QStringLiteral("研发部"),
                                  UserId(7),
                                  {},
                                  {UserId(7), UserId(8)},
                                  42,
                                  40};
    MessageRecord message{
        42,          ConversationId(3), UserId(7), 1763779200000, uuid, MessageKind::Text, QStringLiteral("你好 hello"),
        std::nullopt};
    MessageRecord fileMessage = message;
    fileMessage.kind = MessageKind::File;
    fileMessage.file = FileRef{QStringLiteral("报告.pdf"), 1234, sha, false};

    write(dir, QStringLiteral("hello"), Hello{1, QStringLiteral("seed"), {QStringLiteral("files")}}.encode(), 1);
    write(dir, QStringLiteral("welcome"), Welcome{1, QStringLiteral("LanChat"), {}, 1048576, 1, {}}.encode(), 1);
    write(dir, QStringLiteral("register"),
          Register{QStringLiteral("li.lei"), QStringLiteral("secret-pw"), QStringLiteral("李雷"), {}}.encode(), 2);
    write(dir, QStringLiteral("login"), Login{QStringLiteral("li.lei"), QStringLiteral("secret-pw")}.encode(), 2);
    write(dir, QStringLiteral("auth_ok"), AuthOk{user, 42}.encode(), 2);
    write(dir, QStringLiteral("change_password"),
          ChangePassword{QStringLiteral("a-password"), QStringLiteral("b-password")}.encode(), 3);
    write(dir, QStringLiteral("logout"), emptyRequest(msgtype::kLogout), 4);
    write(dir, QStringLiteral("ping"), emptyRequest(msgtype::kPing), 5);
    write(dir, QStringLiteral("users"), emptyRequest(msgtype::kUsers), 6);
    write(dir, QStringLiteral("conversations"), emptyRequest(msgtype::kConversations), 7);
    write(dir, QStringLiteral("open_private"), OpenPrivate{UserId(8)}.encode(), 8);
    write(dir, QStringLiteral("send"), SendText{ConversationId(3), uuid, QStringLiteral("你好")}.encode(), 9);
    write(dir, QStringLiteral("send_ack"), SendAck{42, 1763779200000}.encode(), 9);
    write(dir, QStringLiteral("history"), History{ConversationId(3), 100, 50}.encode(), 10);
    write(dir, QStringLiteral("sync"), Sync{10, 500}.encode(), 11);
    write(dir, QStringLiteral("messages_page"), MessagesPage{{message, fileMessage}, true}.encode(), 11);
    write(dir, QStringLiteral("read"), MarkRead{ConversationId(3), 42}.encode(), 12);
    write(dir, QStringLiteral("read_receipt"), ReadReceipt{ConversationId(3), UserId(8), 42}.encode(), 0);
    write(dir, QStringLiteral("presence"), PresenceChange{UserId(8), true}.encode(), 0);
    write(dir, QStringLiteral("users_ok"), UsersOk{{user}}.encode(), 6);
    write(dir, QStringLiteral("conversations_ok"), ConversationsOk{{conversation}}.encode(), 7);
    write(dir, QStringLiteral("conversation_push"), ConversationOk{conversation}.encode(msgtype::kConversationPush), 0);
    write(dir, QStringLiteral("group_create"), GroupCreate{QStringLiteral("研发部"), {UserId(8)}}.encode(), 13);
    write(dir, QStringLiteral("group_rename"),
          GroupChange{QLatin1String(GroupChange::kRename), ConversationId(3), UserId(), QStringLiteral("新名字")}
              .encode(),
          14);
    write(dir, QStringLiteral("group_add"),
          GroupChange{QLatin1String(GroupChange::kAdd), ConversationId(3), UserId(9), {}}.encode(), 15);
    write(dir, QStringLiteral("error"),
          ErrorReply{QStringLiteral("forbidden"), QStringLiteral("not a member")}.encode(), 15);
    QCborMap push = QCborMap{{QStringLiteral("t"), QLatin1String(msgtype::kMessagePush)}};
    push.insert(QLatin1String("message"), fileMessage.toCbor());
    write(dir, QStringLiteral("message_push"), push, 0);
    write(dir, QStringLiteral("file_offer"),
          FileOffer{ConversationId(3), uuid, QStringLiteral("报告.pdf"), 1234, sha}.encode(), 16);
    write(dir, QStringLiteral("file_offer_ok"), FileOfferOk{TransferId(5), 0, false, 0, 0}.encode(), 16);
    write(dir, QStringLiteral("file_chunk"), FileChunk{TransferId(5), 0, QByteArray(64, 'x')}.encode(), 17);
    write(dir, QStringLiteral("file_chunk_ok"), FileChunkOk{1234, true, 43, 1763779200000}.encode(), 17);
    write(dir, QStringLiteral("file_cancel"), FileCancel{TransferId(5)}.encode(), 18);
    write(dir, QStringLiteral("file_read"), FileRead{ConversationId(3), sha, 0, 262144}.encode(), 19);
    write(dir, QStringLiteral("file_data"), FileData{0, 1234, QByteArray(64, 'y')}.encode(), 19);
    return 0;
}
