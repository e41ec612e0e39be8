// Unit tests of the client's item models through their public interface (no server needed).

#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace lanchat;

namespace {

const UserId kMe(1);
const UserId kPeer(2);
const ConversationId kConv(7);

MessageRecord record(Seq seq, UserId sender, const QString& text, QUuid clientId = QUuid::createUuid())
{
    MessageRecord m;
    m.seq = seq;
    m.conversation = kConv;
    m.sender = sender;
    m.timestampMs = 1'700'000'000'000 + seq;
    m.clientMsgId = clientId;
    m.text = text;
    return m;
}

QList<Seq> seqs(const MessagesModel& model)
{
    QList<Seq> out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.index(i).data(roles::MessageSeq).toLongLong());
    return out;
}

} // namespace

class tst_MessagesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertsInSeqOrderAndDeduplicates();
    void pendingRowsConfirmedByAckOrEcho();
    void failedAndRetried();
    void prependOlderIsOneInsertion();
    void readReceiptsAndUnread();
    void fileMessageDisplayText();
    void windowsAroundASeqKeepOneGap();
    void contactsSortOnlineFirst();
    void conversationsNewestActivityFirst();
};

void tst_MessagesModel::insertsInSeqOrderAndDeduplicates()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kMe);
    QCOMPARE(model.addMessage(record(10, kPeer, QStringLiteral("a"))), MessagesModel::AddResult::Added);
    QCOMPARE(model.addMessage(record(30, kPeer, QStringLiteral("c"))), MessagesModel::AddResult::Added);
    QCOMPARE(model.addMessage(record(20, kPeer, QStringLiteral("b"))), MessagesModel::AddResult::Added);
    QCOMPARE(model.addMessage(record(20, kPeer, QStringLiteral("b"))), MessagesModel::AddResult::Duplicate);
    QCOMPARE(seqs(model), (QList<Seq>{10, 20, 30}));
    QCOMPARE(model.newestSeq(), 30);
    QCOMPARE(model.oldestSeq(), 10);
    QCOMPARE(model.index(1).data(Qt::DisplayRole).toString(), QStringLiteral("b"));
}

void tst_MessagesModel::pendingRowsConfirmedByAckOrEcho()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kMe);
    model.addMessage(record(10, kPeer, QStringLiteral("first")));
    const QUuid a = QUuid::createUuid();
    const QUuid b = QUuid::createUuid();
    model.appendPending(a, QStringLiteral("mine a"), 5);
    model.appendPending(b, QStringLiteral("mine b"), 6);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2).data(roles::MessageDeliveryState).toInt(), int(DeliveryState::Pending));
    QCOMPARE(model.index(2).data(roles::MessageSeq).toLongLong(), 0);

    // An incoming message goes above the pending rows.
    model.addMessage(record(11, kPeer, QStringLiteral("second")));
    QCOMPARE(model.index(1).data(roles::MessageSeq).toLongLong(), 11);
    QCOMPARE(model.index(2).data(roles::MessageClientId).toUuid(), a);

    // b is acked first (seq 12): it moves above a, which stays pending at the bottom.
    model.markSent(b, 12, 1000);
    QCOMPARE(seqs(model), (QList<Seq>{10, 11, 12, 0}));
    QCOMPARE(model.index(2).data(roles::MessageDeliveryState).toInt(), int(DeliveryState::Sent));
    QVERIFY(model.index(2).data(roles::MessageIsOwn).toBool());
    // a comes back through sync before its ack: matched by client_msg_id, no duplicate row.
    QCOMPARE(model.addMessage(record(13, kMe, QStringLiteral("mine a"), a)), MessagesModel::AddResult::Confirmed);
    model.markSent(a, 13, 1001); // the late ack changes nothing
    QCOMPARE(seqs(model), (QList<Seq>{10, 11, 12, 13}));
    QCOMPARE(model.addMessage(record(12, kMe, QStringLiteral("mine b"), b)), MessagesModel::AddResult::Duplicate);
    QCOMPARE(model.storedCount(), 4);
}

void tst_MessagesModel::failedAndRetried()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    model.setOwnUser(kMe);
    const QUuid a = QUuid::createUuid();
    model.appendPending(a, QStringLiteral("x"), 1);
    model.markFailed(a, ErrorCode::Forbidden);
    QCOMPARE(model.index(0).data(roles::MessageDeliveryState).toInt(), int(DeliveryState::Failed));
    model.markPending(a);
    QCOMPARE(model.index(0).data(roles::MessageDeliveryState).toInt(), int(DeliveryState::Pending));
}

void tst_MessagesModel::prependOlderIsOneInsertion()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kMe);
    model.addMessage(record(100, kPeer, QStringLiteral("newest")));
    QList<MessageRecord> page;
    for (Seq s = 99; s >= 50; --s) // history pages come newest first
        page.append(record(s, kPeer, QString::number(s)));
    page.append(record(100, kPeer, QStringLiteral("newest"))); // overlap is ignored
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.prependOlder(page), 50);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 49);
    QCOMPARE(model.oldestSeq(), 50);
    QCOMPARE(model.rowCount(), 51);
    const QList<Seq> order = seqs(model);
    QVERIFY(std::is_sorted(order.begin(), order.end()));
}

void tst_MessagesModel::readReceiptsAndUnread()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    model.setOwnUser(kMe);
    model.addMessage(record(1, kMe, QStringLiteral("mine")));
    model.addMessage(record(2, kPeer, QStringLiteral("theirs")));
    model.addMessage(record(3, kPeer, QStringLiteral("theirs too")));
    QCOMPARE(model.countFromOthersAfter(0), 2);
    QCOMPARE(model.countFromOthersAfter(2), 1);
    QCOMPARE(model.index(0).data(roles::MessageReadCount).toInt(), 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setReadPosition(kPeer, 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0).data(roles::MessageReadCount).toInt(), 1);
    model.setReadPosition(kMe, 3); // own receipts do not count
    QCOMPARE(model.index(0).data(roles::MessageReadCount).toInt(), 1);
}

void tst_MessagesModel::windowsAroundASeqKeepOneGap()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kMe);
    for (Seq s = 100; s <= 110; ++s)
        model.addMessage(record(s, kPeer, QStringLiteral("tail")));
    const QUuid pending = QUuid::createUuid();
    model.appendPending(pending, QStringLiteral("mine"), 0, model.quoteOf(100));
    QCOMPARE(model.index(model.rowCount() - 1).data(roles::MessageReplyText).toString(), QStringLiteral("tail"));
    QCOMPARE(model.quoteOf(5).available, false);

    // A window far below: a gap above it, pending rows stay at the bottom.
    model.applyWindow({record(12, kPeer, QStringLiteral("c")), record(10, kPeer, QStringLiteral("a")),
                       record(11, kPeer, QStringLiteral("b"))},
                      true, true);
    QCOMPARE(model.gapAfter(), Seq(12));
    QCOMPARE(seqs(model).mid(0, 4), (QList<Seq>{10, 11, 12, 100}));
    QCOMPARE(model.rowOfClientId(pending), model.rowCount() - 1);
    QVERIFY(!model.atStart());

    // A second jump drops the first window: still one gap.
    model.applyWindow({record(50, kPeer, QStringLiteral("x")), record(51, kPeer, QStringLiteral("y"))}, false, true);
    QCOMPARE(model.rowOfSeq(10), -1);
    QCOMPARE(model.gapAfter(), Seq(51));
    QVERIFY(model.atStart());

    // Newer pages fill the gap; reaching the tail closes it.
    model.applyNewer({record(60, kPeer, QStringLiteral("p"))}, true);
    QCOMPARE(model.gapAfter(), Seq(60));
    model.applyNewer({record(99, kPeer, QStringLiteral("q")), record(100, kPeer, QStringLiteral("tail"))}, true);
    QCOMPARE(model.gapAfter(), Seq(0));
    QCOMPARE(model.storedCount(), 2 + 1 + 1 + 11);

    // A window that reaches what is held joins it directly.
    MessagesModel joined(kConv, &contacts);
    joined.addMessage(record(20, kPeer, QStringLiteral("t")));
    joined.applyWindow({record(18, kPeer, QStringLiteral("r")), record(20, kPeer, QStringLiteral("t"))}, true, true);
    QCOMPARE(joined.gapAfter(), Seq(0));
    QCOMPARE(seqs(joined), (QList<Seq>{18, 20}));
}

void tst_MessagesModel::fileMessageDisplayText()
{
    ContactsModel contacts;
    MessagesModel model(kConv, &contacts);
    MessageRecord m = record(5, kPeer, QString());
    m.kind = MessageKind::File;
    m.file = FileRef{QStringLiteral("报告.pdf"), 1234, QByteArray(32, 'x'), false};
    model.addMessage(m);
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("[File] 报告.pdf"));
    QCOMPARE(model.index(0).data(roles::MessageFileSize).toLongLong(), 1234);
    QCOMPARE(model.index(0).data(roles::MessageKind).toInt(), int(MessageKind::File));
}

void tst_MessagesModel::contactsSortOnlineFirst()
{
    ContactsModel contacts;
    QAbstractItemModelTester tester(&contacts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    contacts.setUsers({UserInfo{UserId(1), QStringLiteral("zed"), QStringLiteral("Zed"), true},
                       UserInfo{UserId(2), QStringLiteral("amy"), QStringLiteral("Amy"), false},
                       UserInfo{UserId(3), QStringLiteral("wei"), QStringLiteral("张伟"), false}});
    QCOMPARE(contacts.index(0).data(roles::ContactUsername).toString(), QStringLiteral("zed"));
    QCOMPARE(contacts.index(1).data(roles::ContactUsername).toString(), QStringLiteral("amy"));
    contacts.setOnline(UserId(2), true);
    QCOMPARE(contacts.index(0).data(roles::ContactUsername).toString(), QStringLiteral("amy"));
    contacts.setOnline(UserId(1), false);
    QCOMPARE(contacts.index(1).data(roles::ContactUsername).toString(), QStringLiteral("zed")); // offline, by name
    QCOMPARE(contacts.index(2).data(roles::ContactUsername).toString(), QStringLiteral("wei"));
}

void tst_MessagesModel::conversationsNewestActivityFirst()
{
    ContactsModel contacts;
    contacts.setUsers({UserInfo{kMe, QStringLiteral("me"), QStringLiteral("Me"), true},
                       UserInfo{kPeer, QStringLiteral("peer"), QStringLiteral("Peer"), true}});
    ConversationsModel model(&contacts);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwnUser(kMe);
    ConversationInfo priv{ConversationId(1), ConversationKind::Private, {}, {}, {}, {kMe, kPeer}, 5, 0};
    ConversationInfo group{
        ConversationId(2), ConversationKind::Group, QStringLiteral("Team"), kMe, {}, {kMe, kPeer}, 9, 9};
    model.setConversations({priv, group});
    QCOMPARE(model.index(0).data(roles::ConversationTitle).toString(), QStringLiteral("Team"));
    QCOMPARE(model.index(1).data(roles::ConversationTitle).toString(), QStringLiteral("Peer"));
    QCOMPARE(model.index(1).data(roles::ConversationPeerId).toLongLong(), kPeer.value());
    // Members as documented (QList<qint64>), and usable as a QVariantList by delegates.
    const QVariant members = model.index(1).data(roles::ConversationMembers);
    QCOMPARE(members.value<QList<qint64>>(), (QList<qint64>{kMe.value(), kPeer.value()}));
    QCOMPARE(members.toList().size(), 2);
    QCOMPARE(members.toList().at(1).toLongLong(), kPeer.value());

    MessageRecord m = record(12, kPeer, QStringLiteral("line one\nline two"));
    m.conversation = ConversationId(1);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    model.noteMessage(m, true);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(model.index(0).data(roles::ConversationId).toLongLong(), 1);
    QCOMPARE(model.index(0).data(roles::ConversationLastText).toString(), QStringLiteral("line one line two"));
    QCOMPARE(model.index(0).data(roles::ConversationUnread).toInt(), 1);
    QCOMPARE(model.totalUnread(), 1);
    contacts.setOnline(kPeer, false);
    QCOMPARE(model.index(0).data(roles::ConversationPeerOnline).toBool(), false);
}

QTEST_GUILESS_MAIN(tst_MessagesModel)
#include "tst_messagesmodel.moc"
