// Recall and edit in the client library: MessagesModel applies the records in seq order, and ChatClient keeps the
// message list and the conversation preview true live, on the user's second device, and after an offline sync,
// against the real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir). No sleeps.

#include "chatclient.h"
#include "clientsteps.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 10000;

MessageRecord text(Seq seq, UserId sender, const QString& body)
{
    MessageRecord m;
    m.seq = seq;
    m.conversation = ConversationId(1);
    m.sender = sender;
    m.timestampMs = 1000 * seq;
    m.text = body;
    return m;
}

MessageRecord record(MessageKind kind, Seq seq, UserId actor, Seq target, const QString& body = {})
{
    MessageRecord m = text(seq, actor, body);
    m.kind = kind;
    m.target = target;
    return m;
}

QVariant last(MessagesModel* model, int role)
{
    return model->index(model->rowCount() - 1).data(role);
}

QString preview(ChatClient& client, ConversationId conversation)
{
    const int row = client.conversations()->rowOf(conversation);
    return row < 0 ? QString() : client.conversations()->index(row).data(roles::ConversationLastText).toString();
}

} // namespace

class tst_RecallEdit : public QObject
{
    Q_OBJECT

private slots:
    void modelAppliesRecordsInOrder();
    void liveOnEveryDeviceWithPreview();
    void offlineDeviceSeesTheCurrentState();
    void refusalIsReported();
};

void tst_RecallEdit::modelAppliesRecordsInOrder()
{
    MessagesModel model(ConversationId(1), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const UserId me(7);
    const UserId other(8);
    model.setOwnUser(me);
    QCOMPARE(model.addMessage(text(1, me, QStringLiteral("first"))), MessagesModel::AddResult::Added);
    QCOMPARE(model.addMessage(text(2, other, QStringLiteral("second"))), MessagesModel::AddResult::Added);
    QVERIFY(model.applyAction(record(MessageKind::Edit, 3, me, 1, QStringLiteral("first, fixed"))));
    QCOMPARE(model.index(0).data(roles::MessageText).toString(), QStringLiteral("first, fixed"));
    QCOMPARE(model.index(0).data(roles::MessageEditedTime).toDateTime().toMSecsSinceEpoch(), 3000);
    // An older edit arriving late does not undo a newer one.
    QVERIFY(!model.applyAction(record(MessageKind::Edit, 2, me, 1, QStringLiteral("stale"))));
    QCOMPARE(model.index(0).data(roles::MessageText).toString(), QStringLiteral("first, fixed"));

    QVERIFY(model.applyAction(record(MessageKind::Recall, 4, me, 1)));
    QVERIFY(model.index(0).data(roles::MessageRecalled).toBool());
    QCOMPARE(model.index(0).data(roles::MessageRecalledBy).toLongLong(), me.value());
    QCOMPARE(model.index(0).data(roles::MessageText).toString(), QStringLiteral("You recalled a message"));
    QCOMPARE(model.index(0).data(roles::MessageReEditText).toString(), QStringLiteral("first, fixed"));
    // Recalled is final; records are never rows; a record for a message not loaded changes nothing.
    QVERIFY(!model.applyAction(record(MessageKind::Edit, 5, me, 1, QStringLiteral("back"))));
    QVERIFY(!model.applyAction(record(MessageKind::Recall, 6, other, 99)));
    QVERIFY(model.applyAction(record(MessageKind::Recall, 7, UserId(), 2)));
    QCOMPARE(model.index(1).data(roles::MessageText).toString(), QStringLiteral("An administrator recalled a message"));
    QVERIFY(model.index(1).data(roles::MessageReEditText).toString().isEmpty());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.newestSeq(), Seq(2));
}

void tst_RecallEdit::liveOnEveryDeviceWithPreview()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    auto bobLaptop = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*bobLaptop, relay, QStringLiteral("bob"), false));
    QVERIFY(alice->canRecallAndEdit());
    QCOMPARE(alice->recallWindowSeconds(), qint64(120));
    QCOMPARE(alice->editWindowSeconds(), qint64(86400));

    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    MessagesModel* aliceModel = alice->messages(conv);
    alice->sendText(conv, QStringLiteral("lunch at 12?"));
    MessagesModel* bobModel = bob->messages(conv);
    MessagesModel* laptopModel = bobLaptop->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(bobModel->storedCount(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(laptopModel->storedCount(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(aliceModel->storedCount(), 1, kWaitMs);
    const Seq seq = aliceModel->newestSeq();
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->unread(conv), 1, kWaitMs);
    QSignalSpy received(bob.get(), &ChatClient::messageReceived);

    alice->editMessage(conv, seq, QStringLiteral("lunch at 12:30?"));
    for (auto* model : {aliceModel, bobModel, laptopModel}) {
        QTRY_COMPARE_WITH_TIMEOUT(last(model, roles::MessageText).toString(), QStringLiteral("lunch at 12:30?"),
                                  kWaitMs);
        QVERIFY(last(model, roles::MessageEditedTime).toDateTime().isValid());
    }
    QTRY_COMPARE_WITH_TIMEOUT(preview(*bob, conv), QStringLiteral("lunch at 12:30?"), kWaitMs);

    alice->recallMessage(conv, seq);
    QTRY_COMPARE_WITH_TIMEOUT(last(aliceModel, roles::MessageText).toString(), QStringLiteral("You recalled a message"),
                              kWaitMs);
    QCOMPARE(last(aliceModel, roles::MessageReEditText).toString(), QStringLiteral("lunch at 12:30?"));
    for (auto* model : {bobModel, laptopModel}) {
        QTRY_VERIFY_WITH_TIMEOUT(last(model, roles::MessageRecalled).toBool(), kWaitMs);
        QCOMPARE(last(model, roles::MessageText).toString(), QStringLiteral("ALICE recalled a message"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(preview(*bob, conv), QStringLiteral("ALICE recalled a message"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(preview(*alice, conv), QStringLiteral("You recalled a message"), kWaitMs);
    // Neither record is news: no notification, no row; and the recalled message no longer counts as unread.
    QCOMPARE(received.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->unread(conv), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(bobLaptop->conversations()->unread(conv), 0, kWaitMs);
    QCOMPARE(bobModel->rowCount(), 1);
}

void tst_RecallEdit::offlineDeviceSeesTheCurrentState()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    MessagesModel* aliceModel = alice->messages(conv);
    alice->sendText(conv, QStringLiteral("v1"));
    alice->sendText(conv, QStringLiteral("oops"));
    QTRY_COMPARE_WITH_TIMEOUT(aliceModel->storedCount(), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(bob->messages(conv)->storedCount(), 2, kWaitMs);
    bob.reset(); // offline

    const Seq edited = aliceModel->index(0).data(roles::MessageSeq).toLongLong();
    const Seq recalled = aliceModel->index(1).data(roles::MessageSeq).toLongLong();
    alice->editMessage(conv, edited, QStringLiteral("v2"));
    alice->recallMessage(conv, recalled);
    QTRY_VERIFY_WITH_TIMEOUT(aliceModel->index(1).data(roles::MessageRecalled).toBool(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(aliceModel->index(0).data(roles::MessageText).toString(), QStringLiteral("v2"), kWaitMs);

    for (int round = 0; round < 2; ++round) {
        if (round == 1) {
            alice.reset();
            QVERIFY(relay.restart());
        }
        auto again = newClient();
        QVERIFY(enter(*again, relay, QStringLiteral("bob"), false));
        MessagesModel* model = again->messages(conv);
        QTRY_COMPARE_WITH_TIMEOUT(model->storedCount(), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0).data(roles::MessageText).toString(), QStringLiteral("v2"), kWaitMs);
        QVERIFY(model->index(0).data(roles::MessageEditedTime).toDateTime().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(model->index(1).data(roles::MessageRecalled).toBool(), kWaitMs);
        QCOMPARE(model->index(1).data(roles::MessageText).toString(), QStringLiteral("ALICE recalled a message"));
        QTRY_COMPARE_WITH_TIMEOUT(preview(*again, conv), QStringLiteral("ALICE recalled a message"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(again->conversations()->unread(conv), 1, kWaitMs); // "v2"; the recalled one is gone
    }
}

void tst_RecallEdit::refusalIsReported()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    alice->sendText(conv, QStringLiteral("mine"));
    MessagesModel* bobModel = bob->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(bobModel->storedCount(), 1, kWaitMs);
    QSignalSpy failed(bob.get(), &ChatClient::requestFailed);
    bob->recallMessage(conv, bobModel->newestSeq());
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("recall"));
    QCOMPARE(failed.at(0).at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    QCOMPARE(bobModel->index(0).data(roles::MessageText).toString(), QStringLiteral("mine"));
}

QTEST_GUILESS_MAIN(tst_RecallEdit)
#include "tst_recalledit.moc"
