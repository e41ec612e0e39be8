// Proof of possession for instant uploads (docs/protocol.md 10.2a) through an in-process relay on 127.0.0.1: a
// user who knows only a stored file's SHA-256 cannot post it; one who has the bytes still gets an instant upload;
// and only a user who can read the file somewhere learns that the server holds it.

#include "messages/filemessages.h"
#include "protocol.h"
#include "sha256.h"
#include "transfertestenv.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using State = TransferManager::State;

namespace {
constexpr qint64 kFileBytes = 1024 * 1024 + 7;

QString codeOf(const QCborMap& reply)
{
    return reply.value(QLatin1String("t")).toString() == QLatin1String("error")
               ? reply.value(QLatin1String("code")).toString()
               : QString();
}

/** The documented answer, computed from the bytes of the file at @p path. */
QByteArray honestProof(const QString& path, const FileOfferOk& challenge)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> bytes;
    for (const auto& [offset, length] : challenge.ranges) {
        file.seek(offset);
        bytes << file.read(length);
    }
    return FileOfferOk::proofOf(challenge.nonce, bytes);
}
} // namespace

class tst_PossessionProofs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ownerAnswersChallengeAndPosts();
    void knowingOnlyTheHashCannotPost();
    void strangerUploadsLikeNewContent();
    void olderClientMustSendTheBytes();
    void smallFileChallengeCoversEveryByte();
    void atMostEightOpenChallenges();

private:
    FileOffer offerOf(ConversationId conversation) const;
    std::optional<FileOfferOk> offer(TestUser& user, ConversationId conversation);

    std::unique_ptr<TransferTestEnv> m_env;
    std::unique_ptr<TestUser> m_alice;
    std::unique_ptr<TestUser> m_bob;
    std::unique_ptr<TestUser> m_carol;
    QString m_path;
    QByteArray m_sha;
};

void tst_PossessionProofs::init()
{
    m_env = std::make_unique<TransferTestEnv>();
    QVERIFY(m_env->startServer());
    m_alice = m_env->connectUser(QStringLiteral("alice"));
    m_bob = m_env->connectUser(QStringLiteral("bob"));
    m_carol = m_env->connectUser(QStringLiteral("carol"));
    QVERIFY(m_alice && m_bob && m_carol);
    QVERIFY(m_alice->connection->serverFeatures().contains(QString::fromLatin1(protocol::kFeatureFileProof)));
    // Alice sends a file to her team, Bob and Carol: its bytes are now in the store, and they may read it.
    m_path = QDir(m_env->scratchDir()).filePath(QStringLiteral("plan.xlsx"));
    m_sha = TransferTestEnv::writeRandomFile(m_path, kFileBytes);
    const ConversationId team = m_env->createGroup(*m_alice, {m_bob.get(), m_carol.get()});
    QVERIFY(team.isValid());
    const int key = m_alice->transfers->upload(team, m_path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Done));
}

void tst_PossessionProofs::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_env.reset();
}

FileOffer tst_PossessionProofs::offerOf(ConversationId conversation) const
{
    return FileOffer{conversation, QUuid::createUuid(), QStringLiteral("plan.xlsx"), kFileBytes, m_sha};
}

std::optional<FileOfferOk> tst_PossessionProofs::offer(TestUser& user, ConversationId conversation)
{
    return FileOfferOk::decode(TransferTestEnv::call(*user.connection, offerOf(conversation).encode()), nullptr);
}

void tst_PossessionProofs::ownerAnswersChallengeAndPosts()
{
    // Carol saved the team's file and forwards it to Dave: the store has it, she has never posted it.
    auto dave = m_env->connectUser(QStringLiteral("dave"));
    QVERIFY(dave);
    TestUser* carol = m_carol.get();
    const ConversationId chat = m_env->openPrivate(*carol, *dave);
    const auto challenge = offer(*carol, chat);
    QVERIFY(challenge);
    QVERIFY(!challenge->complete);
    QVERIFY(challenge->challenge != 0);
    QCOMPARE(challenge->transfer, TransferId());
    QCOMPARE(challenge->nonce.size(), protocol::kProofNonceBytes);
    QCOMPARE(challenge->ranges.size(), protocol::kProofRanges);
    for (const auto& [offset, length] : challenge->ranges) {
        QCOMPARE(length, protocol::kProofRangeBytes);
        QVERIFY(offset >= 0 && offset + length <= kFileBytes);
    }
    const QCborMap proved = TransferTestEnv::call(
        *carol->connection, FileProve{challenge->challenge, honestProof(m_path, *challenge)}.encode());
    const auto ok = FileOfferOk::decode(proved, nullptr);
    QVERIFY2(ok && ok->complete && ok->seq > 0, qPrintable(codeOf(proved)));
    QCOMPARE(m_env->newestFileSha(*dave, chat), m_sha);

    // Having posted it, she is known to have the bytes: the next offer completes without a challenge.
    const auto again = offer(*carol, m_env->openPrivate(*carol, *m_alice));
    QVERIFY(again && again->complete && again->challenge == 0);
}

void tst_PossessionProofs::knowingOnlyTheHashCannotPost()
{
    // Bob may read the file in the team but deleted his copy; he read its SHA-256 and size in the message.
    auto dave = m_env->connectUser(QStringLiteral("dave"));
    QVERIFY(dave);
    const ConversationId chat = m_env->openPrivate(*m_bob, *dave);
    const auto challenge = offer(*m_bob, chat);
    QVERIFY(challenge && !challenge->complete && challenge->challenge != 0);

    // His best guess is wrong, and uses the challenge up: even the right answer is too late for it.
    const QByteArray guess = FileOfferOk::proofOf(challenge->nonce, {});
    QCOMPARE(codeOf(TransferTestEnv::call(*m_bob->connection, FileProve{challenge->challenge, guess}.encode())),
             QStringLiteral("forbidden"));
    const FileProve late{challenge->challenge, honestProof(m_path, *challenge)};
    QCOMPARE(codeOf(TransferTestEnv::call(*m_bob->connection, late.encode())), QStringLiteral("not_found"));
    // Nor can he answer a challenge that was never made, or one made on another connection.
    QCOMPARE(codeOf(TransferTestEnv::call(*m_bob->connection, FileProve{999999, guess}.encode())),
             QStringLiteral("not_found"));
    const auto carols = offer(*m_carol, m_env->openPrivate(*m_carol, *dave));
    QVERIFY(carols && carols->challenge != 0);
    const FileProve stolen{carols->challenge, honestProof(m_path, *carols)};
    QCOMPARE(codeOf(TransferTestEnv::call(*m_bob->connection, stolen.encode())), QStringLiteral("not_found"));

    QVERIFY(m_env->history(*dave, chat).isEmpty()); // nothing was posted
}

void tst_PossessionProofs::strangerUploadsLikeNewContent()
{
    // Mallory is in no conversation with the file: the answer to her offer must not tell that the server holds it.
    auto mallory = m_env->connectUser(QStringLiteral("mallory"));
    QVERIFY(mallory);
    const ConversationId chat = m_env->openPrivate(*mallory, *m_bob);
    const auto stored = offer(*mallory, chat);
    QVERIFY(stored && !stored->complete && stored->challenge == 0 && stored->transfer.isValid());
    QCOMPARE(stored->offset, 0);
    // Exactly what content the server has never seen gets.
    const QString otherPath = QDir(m_env->scratchDir()).filePath(QStringLiteral("other.bin"));
    const FileOffer unknown{chat, QUuid::createUuid(), QStringLiteral("other.bin"), kFileBytes,
                            TransferTestEnv::writeRandomFile(otherPath, kFileBytes)};
    const QCborMap unknownReply = TransferTestEnv::call(*mallory->connection, unknown.encode());
    const QCborMap storedReply = TransferTestEnv::call(*mallory->connection, offerOf(chat).encode());
    QVERIFY(storedReply.keys() == unknownReply.keys()); // t, id, transfer, offset, complete: no challenge
    QCOMPARE(storedReply.value(QLatin1String("complete")), QCborValue(false));
    QCOMPARE(storedReply.value(QLatin1String("offset")), unknownReply.value(QLatin1String("offset")));

    // Bytes that are not the file fail its hash; the real bytes are taken in full and stored once.
    QCborMap reply;
    for (qint64 offset = 0; offset < kFileBytes; offset += protocol::kChunkBytes) {
        const QByteArray garbage(qMin(protocol::kChunkBytes, kFileBytes - offset), 'x');
        reply = TransferTestEnv::call(*mallory->connection, FileChunk{stored->transfer, offset, garbage}.encode());
    }
    QCOMPARE(codeOf(reply), QStringLiteral("hash_mismatch"));
    QVERIFY(m_env->history(*m_bob, chat).isEmpty());
    const int key = mallory->transfers->upload(chat, m_path);
    QCOMPARE(TransferTestEnv::waitFinished(*mallory->transfers, key), int(State::Done));
    QCOMPARE(mallory->transfers->chunkBytesSent(), kFileBytes);
    QCOMPARE(m_env->newestFileSha(*m_bob, chat), m_sha);
}

void tst_PossessionProofs::olderClientMustSendTheBytes()
{
    // A client without `file_proof` is not challenged: it proves possession the long way, with every byte.
    auto oldie = m_env->connectUser(QStringLiteral("oldie"), QStringList());
    QVERIFY(oldie);
    const ConversationId chat = m_env->openPrivate(*oldie, *m_bob);
    const auto started = offer(*oldie, chat);
    QVERIFY(started && !started->complete && started->challenge == 0);
    QVERIFY(started->transfer.isValid());
    QCOMPARE(started->offset, 0);
    // Posing as an old client does not help Mallory either: bytes that are not the file fail its hash.
    QCborMap reply;
    for (qint64 offset = 0; offset < kFileBytes; offset += protocol::kChunkBytes) {
        const QByteArray garbage(qMin(protocol::kChunkBytes, kFileBytes - offset), 'x');
        reply = TransferTestEnv::call(*oldie->connection, FileChunk{started->transfer, offset, garbage}.encode());
    }
    QCOMPARE(codeOf(reply), QStringLiteral("hash_mismatch"));
    QVERIFY(m_env->history(*m_bob, chat).isEmpty());

    // With the real bytes an old client's upload goes through, sending all of them.
    const int key = oldie->transfers->upload(chat, m_path);
    QCOMPARE(TransferTestEnv::waitFinished(*oldie->transfers, key), int(State::Done));
    QCOMPARE(oldie->transfers->chunkBytesSent(), kFileBytes);
    QCOMPARE(m_env->newestFileSha(*m_bob, chat), m_sha);
}

void tst_PossessionProofs::smallFileChallengeCoversEveryByte()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("note.txt"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 10 * 1024);
    const int key = m_alice->transfers->upload(m_env->openPrivate(*m_alice, *m_bob), path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Done));
    // Bob got it from Alice and forwards it to Carol.
    const FileOffer small{m_env->openPrivate(*m_bob, *m_carol), QUuid::createUuid(), QStringLiteral("note.txt"),
                          10 * 1024, sha};
    const auto challenge = FileOfferOk::decode(TransferTestEnv::call(*m_bob->connection, small.encode()), nullptr);
    QVERIFY(challenge && challenge->challenge != 0);
    const QList<ByteRange> whole{{0, 4096}, {4096, 4096}, {8192, 2048}};
    QCOMPARE(challenge->ranges, whole);
}

void tst_PossessionProofs::atMostEightOpenChallenges()
{
    TestUser* carol = m_carol.get();
    const ConversationId chat = m_env->openPrivate(*carol, *m_bob);
    QList<FileOfferOk> challenges;
    for (int i = 0; i <= 8; ++i) {
        const auto challenge = offer(*carol, chat);
        QVERIFY(challenge && challenge->challenge != 0);
        challenges << *challenge;
    }
    // The ninth pushed the first out; the last one still works.
    const FileProve first{challenges.first().challenge, honestProof(m_path, challenges.first())};
    QCOMPARE(codeOf(TransferTestEnv::call(*carol->connection, first.encode())), QStringLiteral("not_found"));
    const FileProve last{challenges.last().challenge, honestProof(m_path, challenges.last())};
    QVERIFY(FileOfferOk::decode(TransferTestEnv::call(*carol->connection, last.encode()), nullptr)->complete);
}

QTEST_GUILESS_MAIN(tst_PossessionProofs)
#include "tst_possessionproofs.moc"
