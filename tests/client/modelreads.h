#pragma once

// What the ChatClient tests read back from a conversation's MessagesModel and from the relay's storage.

#include "errorcode.h"
#include "ids.h"

#include <QList>
#include <QStringList>
#include <QUuid>

namespace lanchat {
class MessagesModel;
}

namespace lanchat::test {

class TestServer;

/** How long a ChatClient test waits for one condition (a safety net, not a time limit on the code). */
constexpr int kWaitMs = 10000;

/** The seqs of the model's rows, oldest first. */
QList<Seq> seqs(const MessagesModel* model);
/** The texts of the users' messages, oldest first; the server's system lines of group changes left out. */
QStringList texts(const MessagesModel* model);
/** The MessageDeliveryState of the message with client id @p id; -1 when it is not in the model. */
int deliveryState(const MessagesModel* model, const QUuid& id);
/** The error that refused the message with client id @p id; ErrorCode::Unknown when it is not in the model. */
ErrorCode deliveryError(const MessagesModel* model, const QUuid& id);
/** Copies of the message @p id in the server's history of @p conversation. */
int storedCopies(const TestServer& relay, ConversationId conversation, const QUuid& id);

} // namespace lanchat::test
