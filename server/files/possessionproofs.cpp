#include "possessionproofs.h"

#include "filestore.h"
#include "logging.h"
#include "protocol.h"
#include "session.h"

#include <QPointer>
#include <QRandomGenerator>

namespace lanchat {

namespace {

/** Compares in time independent of where the bytes differ, so a wrong answer tells nothing about the right one. */
bool sameBytes(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

PossessionProofs::PossessionProofs(FileStore& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    m_clock.start();
}

PossessionProofs::~PossessionProofs() = default;

FileOfferOk PossessionProofs::makeChallenge(qint64 size)
{
    FileOfferOk challenge;
    QRandomGenerator* random = QRandomGenerator::system(); // unpredictable: the ranges must not be guessable
    challenge.nonce.resize(protocol::kProofNonceBytes);
    random->fillRange(reinterpret_cast<quint32*>(challenge.nonce.data()), protocol::kProofNonceBytes / 4);
    if (size <= protocol::kProofRanges * protocol::kProofRangeBytes) {
        // A small file: every byte of it, in ranges of at most kProofRangeBytes.
        for (qint64 offset = 0; offset < size; offset += protocol::kProofRangeBytes)
            challenge.ranges.append({offset, qMin(protocol::kProofRangeBytes, size - offset)});
        return challenge;
    }
    for (int i = 0; i < protocol::kProofRanges; ++i) {
        const qint64 offset = qint64(random->bounded(quint64(size - protocol::kProofRangeBytes + 1)));
        challenge.ranges.append({offset, protocol::kProofRangeBytes});
    }
    return challenge;
}

QList<PossessionProofs::Open>& PossessionProofs::openOf(Session& session)
{
    const auto it = m_open.find(&session);
    if (it != m_open.end())
        return *it;
    const Session* key = &session;
    connect(&session, &Session::closed, this, [this, key] { m_open.remove(key); });
    return m_open[key];
}

void PossessionProofs::challenge(Session& session, const FileOffer& offer, qint64 size,
                                 std::function<void(std::optional<FileOfferOk>)> done)
{
    FileOfferOk reply = makeChallenge(size);
    reply.challenge = m_nextId++;
    QPointer<Session> guard(&session);
    const QList<ByteRange> ranges = reply.ranges;
    m_store.proof(offer.sha256, reply.nonce, ranges, [this, guard, offer, reply, done](const QByteArray& expected) {
        if (!guard || guard->isClosed())
            return; // closed (its deleteLater may be pending): no entry that its closed() would not remove
        if (expected.isEmpty()) {
            done(std::nullopt);
            return;
        }
        QList<Open>& open = openOf(*guard);
        if (open.size() >= kMaxOpen)
            open.removeFirst();
        open.append({reply.challenge, guard->user(), offer, expected, m_clock.elapsed() + kLifetimeMs});
        done(reply);
    });
}

PossessionProofs::Verdict PossessionProofs::verify(Session& session, quint64 id, const QByteArray& answer,
                                                   FileOffer* offer)
{
    const auto it = m_open.find(&session);
    if (it == m_open.end())
        return Verdict::Unknown;
    for (qsizetype i = 0; i < it->size(); ++i) {
        if (it->at(i).id != id)
            continue;
        const Open challenge = it->takeAt(i); // used up, whatever the answer
        // Also the user: a session that logged in as someone else since has not proved anything for them.
        if (challenge.deadlineMs < m_clock.elapsed() || challenge.user != session.user())
            return Verdict::Unknown;
        if (!sameBytes(answer, challenge.expected)) {
            qCWarning(lcServer) << "wrong proof of possession from" << session.peer() << "user"
                                << session.user().value();
            return Verdict::Wrong;
        }
        *offer = challenge.offer;
        return Verdict::Proved;
    }
    return Verdict::Unknown;
}

} // namespace lanchat
