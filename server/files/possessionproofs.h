#pragma once

#include "messages/filemessages.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace lanchat {

class FileStore;
class Session;

/**
 * Proof of possession for instant uploads (docs/protocol.md 10.2a). Knowing a stored file's SHA-256 must not be
 * enough to post the file: when the store holds an offered content and the uploader is not known to have it, the
 * offer is answered with a challenge — a random nonce and random byte ranges of the file — and the content is
 * posted only once the uploader answers with SHA-256(nonce ‖ those bytes), which only someone holding the bytes
 * can compute.
 *
 * The expected answer is computed from the blob on the FileStore's I/O thread when the challenge is made, so a
 * proof is checked at once (constant time). A challenge belongs to one connection, is used up by one answer, right
 * or wrong, and expires after kLifetimeMs; a connection has at most kMaxOpen (an older one is dropped), and only
 * the user it was made for (the session's at the time) can answer it.
 * Server thread only.
 */
class PossessionProofs : public QObject
{
    Q_OBJECT

public:
    /** How long a challenge can be answered, ms. */
    static constexpr qint64 kLifetimeMs = 60 * 1000;
    /** Open challenges per connection. */
    static constexpr int kMaxOpen = 8;

    explicit PossessionProofs(FileStore& store, QObject* parent = nullptr);
    ~PossessionProofs() override;

    /**
     * Makes a challenge for @p offer (whose content the store holds, @p size bytes) on @p session and calls
     * @p done with the reply to send: FileOfferOk with `challenge`, `nonce` and `ranges`, or nullopt when the blob
     * could not be read. @p done is not called if the session closes first.
     */
    void challenge(Session& session, const FileOffer& offer, qint64 size,
                   std::function<void(std::optional<FileOfferOk>)> done);

    enum class Verdict
    {
        Proved,  ///< the answer is right: post the offer
        Unknown, ///< no such open challenge on this connection (or expired)
        Wrong,   ///< the answer is wrong; the challenge is used up
    };
    /** Checks @p answer to challenge @p id of @p session; on Proved, @p offer gets the offer it was made for. */
    Verdict verify(Session& session, quint64 id, const QByteArray& answer, FileOffer* offer);

    /** Nonce and ranges for a file of @p size bytes: kProofRanges ranges at random offsets, or all of a small file. */
    static FileOfferOk makeChallenge(qint64 size);

private:
    struct Open
    {
        quint64 id = 0;
        UserId user;
        FileOffer offer;
        QByteArray expected;
        qint64 deadlineMs = 0;
    };
    QList<Open>& openOf(Session& session);

    FileStore& m_store;
    QHash<const Session*, QList<Open>> m_open;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
};

} // namespace lanchat
