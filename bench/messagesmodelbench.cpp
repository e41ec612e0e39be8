// lanchat-bench-messagesmodel: how the client's MessagesModel scales to a conversation of 100,000 messages
// (appends, out-of-order arrivals in the middle, a history page at the top, sparse reads). Not a test: it
// prints the times (the point is no quadratic behaviour: 100 inserts in the middle must not cost like 100,000
// appends). Its wall-clock bounds used to be assertions in a unit test, where a loaded machine failed them.

#include "contactsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <cstdio>

using namespace lanchat;

namespace {

constexpr int kRows = 100'000;

MessageRecord makeRecord(qint64 seq, qint64 sender, const char* text)
{
    MessageRecord m;
    m.seq = seq;
    m.conversation = ConversationId(7);
    m.sender = UserId(sender);
    m.timestampMs = 1'700'000'000'000 + seq;
    m.clientMsgId = QUuid::createUuid();
    m.text = QString::fromLatin1(text);
    return m;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ContactsModel contacts;
    MessagesModel model(ConversationId(7), &contacts);
    model.setOwnUser(UserId(1));

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRows; ++i)
        model.addMessage(makeRecord(1000 + 2 * i, 1 + i % 2, "message"));
    const qint64 appendMs = timer.restart();
    for (int i = 0; i < 100; ++i)
        model.addMessage(makeRecord(1001 + 2000 * i, 2, "late"));
    const qint64 middleMs = timer.restart();
    QList<MessageRecord> page;
    for (int i = 0; i < 100; ++i)
        page.append(makeRecord(1 + i, 2, "old"));
    model.prependOlder(page);
    const qint64 prependMs = timer.restart();
    for (int i = 0; i < model.rowCount(); i += 97)
        model.index(i).data(roles::MessageText);
    const qint64 readMs = timer.elapsed();

    std::printf("MessagesModel, %d rows: append %lld ms, 100 middle inserts %lld ms, prepend a page of 100 %lld ms, "
                "sparse reads %lld ms (%d rows)\n",
                kRows, appendMs, middleMs, prependMs, readMs, int(model.rowCount()));
    return model.rowCount() == kRows + 200 ? 0 : 1;
}
