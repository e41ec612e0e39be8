// ReadReceipts and the MessagesModel roles built on it: who of the current members other than the sender has
// read a message, positions only forwards, names for the list. Pure unit tests, no server.

#include "contactsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "readreceipts.h"

#include <QSignalSpy>
#include <QTest>

using namespace lanchat;

namespace {

const UserId kMe(1);
const UserId kAmy(2);
const UserId kWei(3);
const UserId kZed(4);
const ConversationId kConv(7);

MessageRecord record(Seq seq, UserId sender, const QString& text)
{
    MessageRecord m;
    m.seq = seq;
    m.conversation = kConv;
    m.sender = sender;
    m.timestampMs = 1'700'000'000'000 + seq;
    m.clientMsgId = QUuid::createUuid();
    m.text = text;
    return m;
}

} // namespace

class tst_ReadReceipts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsMembersOtherThanSender();
    void positionsOnlyMoveForwards();
    void formerMembersDoNotCount();
    void withoutMemberListEveryKnownPositionCounts();
    void modelRolesAndNames();
};

void tst_ReadReceipts::countsMembersOtherThanSender()
{
    ReadReceipts r;
    r.setMembers({kWei, kMe, kAmy});
    QCOMPARE(r.othersCount(kMe), 2);
    QCOMPARE(r.readCount(5, kMe), 0);
    QCOMPARE(r.nonReaders(5, kMe), (QList<UserId>{kAmy, kWei}));
    QVERIFY(r.setPosition(kAmy, 5));
    QVERIFY(r.setPosition(kMe, 9)); // the sender's own position never counts for their message
    QCOMPARE(r.readCount(5, kMe), 1);
    QCOMPARE(r.readers(5, kMe), QList<UserId>{kAmy});
    QCOMPARE(r.nonReaders(5, kMe), QList<UserId>{kWei});
    QCOMPARE(r.readCount(6, kMe), 0);
    // Someone else's message: the user counts as a reader of it, its sender does not.
    QCOMPARE(r.readers(5, kAmy), QList<UserId>{kMe});
    QCOMPARE(r.othersCount(kZed), 3); // a sender who left: every current member is another one
}

void tst_ReadReceipts::positionsOnlyMoveForwards()
{
    ReadReceipts r;
    r.setMembers({kMe, kAmy});
    QVERIFY(r.setPosition(kAmy, 8));
    QVERIFY(!r.setPosition(kAmy, 3));
    QVERIFY(!r.setPosition(kAmy, 8));
    QCOMPARE(r.position(kAmy), Seq(8));
    QVERIFY(!r.setPosition(UserId(), 9));
}

void tst_ReadReceipts::formerMembersDoNotCount()
{
    ReadReceipts r;
    r.setMembers({kMe, kAmy, kWei});
    r.setPosition(kWei, 10);
    QCOMPARE(r.readCount(4, kMe), 1);
    QVERIFY(r.setMembers({kAmy, kMe}));
    QVERIFY(!r.setMembers({kMe, kAmy})); // the same members in another order
    QCOMPARE(r.readCount(4, kMe), 0);
    QCOMPARE(r.othersCount(kMe), 1);
}

void tst_ReadReceipts::withoutMemberListEveryKnownPositionCounts()
{
    ReadReceipts r;
    r.setPosition(kWei, 4);
    r.setPosition(kAmy, 2);
    QCOMPARE(r.readers(2, kMe), (QList<UserId>{kAmy, kWei}));
    QCOMPARE(r.othersCount(kMe), 0);
    QVERIFY(r.nonReaders(2, kMe).isEmpty());
}

void tst_ReadReceipts::modelRolesAndNames()
{
    ContactsModel contacts;
    contacts.setUsers({UserInfo{kMe, QStringLiteral("me"), QStringLiteral("Me"), true},
                       UserInfo{kAmy, QStringLiteral("amy"), QStringLiteral("Amy"), true},
                       UserInfo{kWei, QStringLiteral("wei"), QStringLiteral("Wei"), false},
                       UserInfo{kZed, QStringLiteral("zed"), QStringLiteral("Zed"), false}});
    MessagesModel model(kConv, &contacts);
    model.setOwnUser(kMe);
    model.addMessage(record(1, kMe, QStringLiteral("mine")));
    model.addMessage(record(2, kAmy, QStringLiteral("amy's")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setMembers({kMe, kAmy, kWei, kZed});
    QCOMPARE(changed.count(), 1);
    const QModelIndex mine = model.index(0);
    QCOMPARE(mine.data(roles::MessageReadTotal).toInt(), 3);
    QCOMPARE(mine.data(roles::MessageReadCount).toInt(), 0);
    QCOMPARE(mine.data(roles::MessageNonReaderNames).toStringList(),
             (QStringList{QStringLiteral("Amy"), QStringLiteral("Wei"), QStringLiteral("Zed")}));
    model.setReadPosition(kZed, 1);
    model.setReadPosition(kWei, 2);
    QCOMPARE(changed.count(), 3);
    model.setReadPosition(kWei, 1); // backwards: nothing changes, nothing is announced
    QCOMPARE(changed.count(), 3);
    QCOMPARE(mine.data(roles::MessageReadCount).toInt(), 2);
    QCOMPARE(mine.data(roles::MessageReaderNames).toStringList(),
             (QStringList{QStringLiteral("Wei"), QStringLiteral("Zed")}));
    QCOMPARE(mine.data(roles::MessageNonReaderNames).toStringList(), QStringList{QStringLiteral("Amy")});
    QCOMPARE(model.index(1).data(roles::MessageReaderNames).toStringList(), QStringList{QStringLiteral("Wei")});
    QCOMPARE(model.roleNames().value(roles::MessageReadTotal), QByteArray("readTotal"));
}

QTEST_GUILESS_MAIN(tst_ReadReceipts)
#include "tst_readreceipts.moc"
