#include "filesscenario.h"

#include "cborwriter.h"
#include "filewriter.h"
#include "sha256.h"
#include "uuidv7.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <arpa/inet.h>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <netinet/in.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace lanchat::bench {

namespace {

constexpr qint64 kChunk = 256 * 1024;
// Chunks in flight each way: the protocol's recommended window (docs/protocol.md 10.1), what the desktop
// client uses. 8 × 256 KiB keeps loopback busy: 16 and 32 measured no faster here, 4 slower.
constexpr int kWindow = 8;

double megabytesPerSecond(qint64 bytes, double seconds)
{
    return seconds > 0 ? double(bytes) / 1e6 / seconds : 0;
}

} // namespace

FilesScenario::FilesScenario(BenchHarness& harness, qint64 bytes)
    : m_harness(harness)
    , m_bytes(bytes)
{}

bool FilesScenario::makeSource(QString* error)
{
    m_source = QDir(m_harness.server().dataDir()).filePath(QStringLiteral("source.bin"));
    QFile file(m_source);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    std::mt19937_64 random(42);
    Sha256 hash;
    QByteArray block(8 * 1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < m_bytes; written += block.size()) {
        auto* words = reinterpret_cast<quint64*>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i)
            words[i] = random();
        const qint64 n = qMin<qint64>(block.size(), m_bytes - written);
        hash.addData(block.constData(), n);
        if (file.write(block.constData(), n) != n) {
            *error = file.errorString();
            return false;
        }
    }
    m_sha256 = hash.result();
    // On disk before anything is measured: otherwise the kernel writes this gigabyte back during the
    // transfers, and page-cache writes measured here (server .part, download) wait behind it.
    if (!file.flush() || ::fsync(file.handle()) != 0) {
        *error = QStringLiteral("fsync of the source file failed");
        return false;
    }
    return true;
}

RunResult FilesScenario::upload(BenchConnection* connection, qint64 conversation)
{
    RunResult result;
    result.scenario = QStringLiteral("files upload");
    result.unit = QStringLiteral("MB/s");
    const int source = ::open(QFile::encodeName(m_source).constData(), O_RDONLY | O_CLOEXEC);
    m_harness.beginMeasure();
    const QCborMap offer =
        m_harness.call(connection, QCborMap{{QStringLiteral("t"), QStringLiteral("file_offer")},
                                            {QStringLiteral("conversation"), conversation},
                                            {QStringLiteral("client_msg_id"), createUuidV7().toRfc4122()},
                                            {QStringLiteral("name"), QStringLiteral("bench.bin")},
                                            {QStringLiteral("size"), m_bytes},
                                            {QStringLiteral("sha256"), m_sha256}});
    const qint64 transfer = offer.value(QLatin1String("transfer")).toInteger();
    if (transfer == 0 || source < 0) {
        result.note = QStringLiteral("file_offer: %1").arg(offer.value(QLatin1String("code")).toString());
        if (source >= 0)
            ::close(source);
        return result;
    }
    qint64 offset = offer.value(QLatin1String("offset")).toInteger();
    int inFlight = 0;
    bool complete = false;
    QString failure;
    std::string head;
    const auto pump = [&] {
        while (inFlight < kWindow && offset < m_bytes && failure.isEmpty()) {
            const auto length = std::uint32_t(qMin(kChunk, m_bytes - offset));
            head.clear();
            head.append(4, '\0');
            CborWriter::mapHead(head, 5);
            CborWriter::text(head, "t");
            CborWriter::text(head, "file_chunk");
            CborWriter::text(head, "id");
            CborWriter::unsignedInt(head, connection->nextId());
            CborWriter::text(head, "transfer");
            CborWriter::unsignedInt(head, std::uint64_t(transfer));
            CborWriter::text(head, "offset");
            CborWriter::unsignedInt(head, std::uint64_t(offset));
            CborWriter::text(head, "data");
            CborWriter::bytesHead(head, length);
            CborWriter::lengthPrefix(head, 0, std::uint32_t(head.size() - 4 + length));
            // The chunk is read from the file straight into the output buffer, behind its CBOR head.
            char* out = connection->reserve(head.size() + length);
            std::memcpy(out, head.data(), head.size());
            if (::pread(source, out + head.size(), length, offset) != ssize_t(length)) {
                failure = QStringLiteral("reading the source file failed");
                return;
            }
            connection->commit(head.size() + length);
            offset += length;
            ++inFlight;
        }
    };
    connection->setFrameHandler([&](const BenchFrame& reply) {
        if (!reply.id)
            return; // pushes
        --inFlight;
        if (reply.type != "ok")
            failure = reply.toMap().value(QLatin1String("code")).toString();
        else if (const std::optional<CborItem> done = reply.field("complete"))
            complete = complete || done->isTrue();
        pump();
    });
    pump();
    result.ok = m_harness.waitUntil([&] { return complete || !failure.isEmpty() || connection->isClosed(); }, 300000) &&
                complete && failure.isEmpty();
    result.rate = megabytesPerSecond(m_bytes, m_harness.endMeasure(&result));
    connection->setFrameHandler({});
    ::close(source);
    result.note = !failure.isEmpty()       ? QStringLiteral("file_chunk: %1").arg(failure)
                  : connection->isClosed() ? connection->closeReason()
                                           : QString();
    return result;
}

RunResult FilesScenario::download(BenchConnection* connection, qint64 conversation)
{
    RunResult result;
    result.scenario = QStringLiteral("files download");
    result.unit = QStringLiteral("MB/s");
    const QString target = m_source + QStringLiteral(".download");
    const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    qint64 requested = 0;
    qint64 received = 0;
    int inFlight = 0;
    QString failure;
    std::function<void()> pump;
    FileWriter writer(m_harness.loop(), fd, [&] { pump(); });
    pump = [&] {
        // Bounded both ways: requests the server has not answered, and chunks the disk has not taken yet.
        while (inFlight < kWindow && writer.queued() < std::size_t(kWindow) && requested < m_bytes &&
               failure.isEmpty()) {
            ++inFlight;
            connection->request(QCborMap{{QStringLiteral("t"), QStringLiteral("file_read")},
                                         {QStringLiteral("conversation"), conversation},
                                         {QStringLiteral("sha256"), m_sha256},
                                         {QStringLiteral("offset"), requested},
                                         {QStringLiteral("length"), qMin(kChunk, m_bytes - requested)}});
            requested += kChunk;
        }
    };
    // Replies are handed to the writer straight from the input buffer, where the connection split them.
    connection->setFrameHandler([&](const BenchFrame& reply) {
        if (!reply.id)
            return;
        --inFlight;
        const std::optional<CborItem> data = reply.field("data");
        const std::optional<CborItem> at = reply.field("offset");
        if (reply.type != "ok" || !data || !at || data->content.empty()) {
            failure = reply.toMap().value(QLatin1String("code")).toString();
            return;
        }
        if (!writer.write(data->content, std::int64_t(at->value))) {
            failure = writer.error();
            return;
        }
        received += qint64(data->content.size());
        pump();
    });
    m_harness.beginMeasure();
    pump();
    result.ok = m_harness.waitUntil([&] { return received >= m_bytes || !failure.isEmpty() || connection->isClosed(); },
                                    300000);
    // The download counts as done once its bytes are on disk: the writes and the fsync are inside the timing.
    if (!writer.finish() && failure.isEmpty())
        failure = writer.error();
    result.rate = megabytesPerSecond(received, m_harness.endMeasure(&result));
    connection->setFrameHandler({});
    ::close(fd);
    // Verified after the measured phase, from the file on disk: what was stored, not what passed by.
    result.ok = result.ok && failure.isEmpty() && received == m_bytes && Sha256::hashFile(target) == m_sha256;
    result.note = !failure.isEmpty()       ? QStringLiteral("file_read: %1").arg(failure)
                  : connection->isClosed() ? connection->closeReason()
                  : result.ok              ? QString()
                                           : QStringLiteral("downloaded bytes differ from the source");
    QFile::remove(target);
    return result;
}

RunResult FilesScenario::plainCopy()
{
    RunResult result;
    result.scenario = QStringLiteral("files plain copy");
    result.unit = QStringLiteral("MB/s");
    result.variant = QStringLiteral("tcp");
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    ::listen(listener, 1);
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    const QString target = m_source + QStringLiteral(".plain");
    qint64 stored = 0;
    const qint64 start = nowNs();
    std::thread receiver([&] {
        const int peer = ::accept(listener, nullptr, nullptr);
        const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<char> buffer(kChunk);
        ssize_t n = 0;
        while ((n = ::recv(peer, buffer.data(), buffer.size(), 0)) > 0)
            stored += ::write(fd, buffer.data(), size_t(n));
        ::fsync(fd);
        ::close(fd);
        ::close(peer);
    });
    const int sender = ::socket(AF_INET, SOCK_STREAM, 0);
    ::connect(sender, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    const int source = ::open(QFile::encodeName(m_source).constData(), O_RDONLY);
    std::vector<char> buffer(kChunk);
    ssize_t n = 0;
    while ((n = ::read(source, buffer.data(), buffer.size())) > 0)
        ::send(sender, buffer.data(), size_t(n), 0);
    ::close(source);
    ::shutdown(sender, SHUT_WR);
    receiver.join();
    ::close(sender);
    ::close(listener);
    result.ok = stored == m_bytes;
    result.rate = megabytesPerSecond(stored, double(nowNs() - start) / 1e9);
    QFile::remove(target);
    return result;
}

QList<RunResult> FilesScenario::run()
{
    RunResult failed;
    failed.scenario = QStringLiteral("files");
    QString error;
    QList<BenchUser> users;
    if (m_harness.startServer(&error) && makeSource(&error))
        users = m_harness.connectUsers({QStringLiteral("sender"), QStringLiteral("receiver")}, false, &error);
    if (users.isEmpty()) {
        failed.note = error;
        return {failed};
    }
    const QCborMap open =
        m_harness.call(users[0].connection, QCborMap{{QStringLiteral("t"), QStringLiteral("open_private")},
                                                     {QStringLiteral("user"), users[1].userId}});
    const qint64 conversation =
        open.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    const RunResult plain = plainCopy();
    RunResult up = upload(users[0].connection, conversation);
    RunResult down = up.ok ? download(users[1].connection, conversation) : RunResult{};
    for (RunResult* r : {&up, &down}) {
        if (r->ok && plain.rate > 0)
            r->baselineRatio = r->rate / plain.rate;
    }
    m_harness.closeAll();
    m_harness.server().stop();
    QFile::remove(m_source);
    return {plain, up, down};
}

} // namespace lanchat::bench
