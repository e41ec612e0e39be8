// Replies and jumps through ChatClient against the real relay (docs/protocol.md 6.3): the quote a reply shows on
// the sender's pending row, on the other members' devices live and after an offline sync, and the history window
// a jump to an unloaded original loads, which scrolling down joins to the live tail.
#include "chatclient.h"
#include "clientsteps.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 20000;

int rowOfText(const MessagesModel* model, const QString& text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i).data(roles::MessageText).toString() == text)
            return i;
    }
    return -1;
}

QVariant replyRole(const MessagesModel* model, const QString& text, int role)
{
    const int row = rowOfText(model, text);
    return row < 0 ? QVariant() : model->index(row).data(role);
}

QList<Seq> seqs(const MessagesModel* model)
{
    QList<Seq> out;
    for (int i = 0; i < model->storedCount(); ++i)
        out.append(model->index(i).data(roles::MessageSeq).toLongLong());
    return out;
}

} // namespace

class tst_ReplyClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replyIsQuotedOnEveryDevice();
    void jumpLoadsAWindowThatJoinsTheLiveTail();
};

void tst_ReplyClient::replyIsQuotedOnEveryDevice()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    auto carol = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*carol, relay, QStringLiteral("carol"), true));
    QVERIFY(bob->supportsReplies());
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    QVERIFY(conv.isValid());

    const QUuid question = alice->sendText(conv, QStringLiteral("Ship on Friday?\nOr Monday"));
    MessagesModel* bobModel = bob->messages(conv);
    QAbstractItemModelTester tester(bobModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(bobModel->rowOfClientId(question) >= 0, kWaitMs);
    const Seq original = bobModel->index(bobModel->rowOfClientId(question)).data(roles::MessageSeq).toLongLong();

    // Bob's own row shows the quote at once, before the server answered.
    bob->sendReply(conv, QStringLiteral("Friday"), original);
    QCOMPARE(replyRole(bobModel, QStringLiteral("Friday"), roles::MessageReplySeq).toLongLong(), original);
    QCOMPARE(replyRole(bobModel, QStringLiteral("Friday"), roles::MessageReplyState).toInt(),
             int(ReplyQuoteState::Shown));
    QCOMPARE(replyRole(bobModel, QStringLiteral("Friday"), roles::MessageReplyText).toString(),
             QStringLiteral("Ship on Friday?"));
    QCOMPARE(replyRole(bobModel, QStringLiteral("Friday"), roles::MessageReplySenderName).toString(),
             QStringLiteral("ALICE"));

    // Alice gets it live with the server's quote.
    MessagesModel* aliceModel = alice->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(replyRole(aliceModel, QStringLiteral("Friday"), roles::MessageReplyText).toString(),
                              QStringLiteral("Ship on Friday?"), kWaitMs);
    QCOMPARE(replyRole(aliceModel, QStringLiteral("Friday"), roles::MessageReplySenderId).toLongLong(),
             alice->currentUser().id.value());
    // The original itself is no reply.
    QCOMPARE(aliceModel->index(aliceModel->rowOfClientId(question)).data(roles::MessageReplyState).toInt(),
             int(ReplyQuoteState::None));

    // Bob's second device, logging in after the reply was sent, syncs it with the quote.
    auto bobPhone = newClient();
    QVERIFY(enter(*bobPhone, relay, QStringLiteral("bob"), false));
    MessagesModel* phoneModel = bobPhone->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(replyRole(phoneModel, QStringLiteral("Friday"), roles::MessageReplyText).toString(),
                              QStringLiteral("Ship on Friday?"), kWaitMs);

    // A reply_to the server does not know there fails for good with invalid_argument.
    const QUuid bad = bob->sendReply(conv, QStringLiteral("to nothing"), original + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(bobModel->index(bobModel->rowOfClientId(bad)).data(roles::MessageDeliveryError).toInt(),
                              int(ErrorCode::InvalidArgument), kWaitMs);
}

void tst_ReplyClient::jumpLoadsAWindowThatJoinsTheLiveTail()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    auto alice = newClient();
    auto bob = newClient(&settings);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    constexpr int kCount = 180;
    for (int i = 0; i < kCount; ++i)
        alice->sendText(conv, QStringLiteral("m%1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(bob->messages(conv)->storedCount(), kCount, kWaitMs);
    const QList<Seq> all = seqs(bob->messages(conv));
    bob.reset();

    // Bob restarted: his sync brings nothing, the model holds the newest page; a quote's original is far above.
    auto bobLater = newClient(&settings);
    QVERIFY(enter(*bobLater, relay, QStringLiteral("bob"), false));
    MessagesModel* model = bobLater->messages(conv);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(model->storedCount() > 0 && model->rowOfSeq(all.last()) >= 0, kWaitMs);
    QCOMPARE(model->rowOfSeq(all.at(60)), -1);

    QSignalSpy loaded(bobLater.get(), &ChatClient::messageLoaded);
    bobLater->loadAround(conv, all.at(60));
    QVERIFY(loaded.count() == 1 || loaded.wait(kWaitMs));
    QCOMPARE(loaded.at(0).at(1).toLongLong(), all.at(60));
    QVERIFY(model->rowOfSeq(all.at(60)) >= 0);
    QVERIFY(model->gapAfter() > all.at(60));
    QVERIFY(!model->atStart());
    // Loaded already: answered at once.
    bobLater->loadAround(conv, all.at(61));
    QCOMPARE(loaded.count(), 2);

    // A message arriving meanwhile goes to the live tail, above the gap.
    alice->sendText(conv, QStringLiteral("live"));
    QTRY_VERIFY_WITH_TIMEOUT(rowOfText(model, QStringLiteral("live")) == model->rowCount() - 1, kWaitMs);

    // Scrolling down loads newer pages until the window joins the tail: every message once, in order.
    QSignalSpy gap(model, &MessagesModel::gapChanged);
    for (int pages = 0; model->gapAfter() > 0 && pages < 10; ++pages) {
        const Seq before = model->gapAfter();
        bobLater->loadNewer(conv);
        QTRY_VERIFY_WITH_TIMEOUT(model->gapAfter() != before, kWaitMs);
    }
    QCOMPARE(model->gapAfter(), Seq(0));
    // And up to the start.
    while (!model->atStart()) {
        const int rows = model->rowCount();
        bobLater->loadOlder(conv);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > rows || model->atStart(), kWaitMs);
    }
    QList<Seq> expected = all;
    expected.append(model->newestSeq());
    QCOMPARE(seqs(model), expected);
    QCOMPARE(model->index(model->rowCount() - 1).data(roles::MessageText).toString(), QStringLiteral("live"));
}

QTEST_GUILESS_MAIN(tst_ReplyClient)
#include "tst_replyclient.moc"
