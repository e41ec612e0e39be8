#include "messagecommand.h"

#include "admincontext.h"
#include "logging.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace lanchat {

namespace {

/** No server runs: the change and its Recall record in one transaction. */
int recallOffline(Storage& storage, const MessageRecord& message)
{
    if (storage.beginTransaction()) {
        NewMessage record;
        record.conversation = message.conversation;
        record.kind = MessageKind::Recall;
        record.target = message.seq;
        std::optional<AppendResult> stored;
        if (storage.recallMessage(message.seq, UserId(), QDateTime::currentMSecsSinceEpoch()))
            stored = storage.appendMessage(record);
        if (stored && storage.commitTransaction()) {
            qCInfo(lcServer) << "admin: message recalled, record seq" << stored->seq;
            //: %1 is the sequence number of the recalled message
            AdminContext::print(MessageCommand::tr("message %1 recalled").arg(message.seq));
            return AdminContext::kOk;
        }
        if (storage.inTransaction())
            storage.rollbackTransaction();
    }
    return AdminContext::fail(MessageCommand::tr("cannot store the recall"));
}

} // namespace

int MessageCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Recall a message as the administrator.") +
                                     QStringLiteral("\n  message recall CONVERSATION SEQ"));
    AdminContext context;
    context.addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("action"), tr("recall."));
    if (const int code = context.parse(parser, arguments, 3, 3); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    bool conversationOk = false;
    bool seqOk = false;
    const ConversationId conversation(args.at(1).toLongLong(&conversationOk));
    const Seq seq = args.at(2).toLongLong(&seqOk);
    if (args.at(0) != QLatin1String("recall") || !conversationOk || !seqOk)
        //: the words after "usage:" are commands: keep them as they are
        return AdminContext::fail(tr("usage: message recall CONVERSATION SEQ (see message --help)"),
                                  AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const std::optional<MessageRecord> message = storage->message(seq);
    if (!message || message->conversation != conversation || message->isAction() ||
        message->kind == MessageKind::System)
        return AdminContext::fail(tr("no message %1 in conversation %2").arg(seq).arg(conversation.value()));
    if (message->recalledBy)
        return AdminContext::fail(tr("message %1 is already recalled").arg(seq));
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("recall"));
    request.insert(QLatin1String("conversation"), conversation.value());
    request.insert(QLatin1String("seq"), seq);
    if (const std::optional<QCborMap> reply = context.notifyServer(request)) {
        if (reply->value(QLatin1String("t")).toString() != QLatin1String("ok"))
            //: %1 is the server's (English) reason
            return AdminContext::fail(
                tr("the server could not recall it: %1").arg(reply->value(QLatin1String("message")).toString()));
        AdminContext::print(tr("message %1 recalled").arg(seq));
        return AdminContext::kOk;
    }
    return recallOffline(*storage, *message);
}

} // namespace lanchat
