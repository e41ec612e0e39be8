#include "modelreads.h"

#include "messagerecord.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "relayserver.h"
#include "storage.h"
#include "testserver.h"

namespace lanchat::test {

QList<Seq> seqs(const MessagesModel* model)
{
    QList<Seq> out;
    for (int i = 0; i < model->rowCount(); ++i)
        out.append(model->index(i).data(roles::MessageSeq).toLongLong());
    return out;
}

QStringList texts(const MessagesModel* model)
{
    QStringList out;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i).data(roles::MessageKind).toInt() != int(MessageKind::System))
            out.append(model->index(i).data(roles::MessageText).toString());
    }
    return out;
}

int deliveryState(const MessagesModel* model, const QUuid& id)
{
    const int row = model->rowOfClientId(id);
    return row < 0 ? -1 : model->index(row).data(roles::MessageDeliveryState).toInt();
}

ErrorCode deliveryError(const MessagesModel* model, const QUuid& id)
{
    const int row = model->rowOfClientId(id);
    return row < 0 ? ErrorCode::Unknown : ErrorCode(model->index(row).data(roles::MessageDeliveryError).toInt());
}

int storedCopies(const TestServer& relay, ConversationId conversation, const QUuid& id)
{
    int n = 0;
    for (const MessageRecord& m : relay.server().storage().history(conversation, 0, 1000))
        n += m.clientMsgId == id ? 1 : 0;
    return n;
}

} // namespace lanchat::test
