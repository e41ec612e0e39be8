#pragma once

#include "framecodec.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QSslSocket;

namespace lanchat::test {

/**
 * A minimal protocol client for end-to-end tests: speaks raw frames over QSslSocket (TLS, certificate not
 * verified, or plaintext), so tests can send anything, including garbage. Replies are matched by `id`;
 * pushes (frames without id) are queued. Every wait is bounded by a timeout and processes events (no sleeps).
 */
class RawClient : public QObject
{
    Q_OBJECT
public:
    explicit RawClient(QObject* parent = nullptr);
    ~RawClient() override;

    /** Connects to 127.0.0.1:@p port (TLS handshake included when @p tls). */
    bool connectTo(quint16 port, bool tls, int timeoutMs = 5000);
    /** Sends @p request with a fresh `id` (unless it has one) and returns the id. */
    quint64 send(QCborMap request);
    /** Writes bytes as they are (hostile input). */
    void sendRaw(const QByteArray& bytes);
    /** Sends and waits for the reply with the same id; an empty map on timeout. */
    QCborMap request(const QCborMap& request, int timeoutMs = 5000);
    /** Waits for the reply to @p id. */
    QCborMap waitReply(quint64 id, int timeoutMs = 5000);
    /** Waits for the next frame without id (push or connection-level error) of type @p type; empty on timeout. */
    QCborMap waitPush(const QString& type, int timeoutMs = 5000);
    /** Every reply received and not yet taken, by id (for pipelined bursts). */
    QHash<quint64, QCborMap> takeReplies() { return std::exchange(m_replies, {}); }
    /** Number of replies received and not yet taken. */
    qsizetype replyCount() const { return m_replies.size(); }
    /** Pushes received and not yet taken, oldest first. */
    QList<QCborMap> pushes() const { return m_pushes; }
    void clearPushes() { m_pushes.clear(); }
    bool waitDisconnected(int timeoutMs = 5000);
    bool isConnected() const;
    /** Stops reading from the socket (a slow reader) / resumes. */
    void setReading(bool reading);
    void abort();

    // --- protocol shortcuts; each returns the reply map
    QCborMap hello();
    QCborMap registerUser(const QString& username, const QString& password, const QString& displayName = {});
    QCborMap login(const QString& username, const QString& password);
    /** hello + register (or login when the name is taken) and returns the user id, 0 on failure. */
    qint64 signUp(const QString& username, const QString& password = QStringLiteral("password123"));
    QCborMap sendText(qint64 conversation, const QString& text, const QByteArray& clientMsgId = {});

    /** The user id of the last successful signUp(), 0 before. */
    qint64 userId() const { return m_userId; }

    /**
     * Runs the event loop until @p predicate holds or @p timeoutMs passed; returns the predicate. Unlike
     * QTest::qWaitFor it does not sleep between checks: it wakes on every event (and a 20 ms tick).
     */
    static bool waitUntil(const std::function<bool()>& predicate, int timeoutMs);

    /** `code` of an error reply, empty for ok. */
    static QString errorCode(const QCborMap& reply);

private:
    void onReadyRead();

    QSslSocket* m_socket;
    FrameCodec m_codec;
    quint64 m_nextId = 1;
    QHash<quint64, QCborMap> m_replies;
    QList<QCborMap> m_pushes;
    bool m_reading = true;
    qint64 m_userId = 0;
};

} // namespace lanchat::test
