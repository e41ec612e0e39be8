#include "filesscenario.h"

#include "sha256.h"
#include "uuidv7.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace lanchat::bench {

namespace {

constexpr qint64 kChunk = 256 * 1024;
constexpr int kWindow = 16;

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
    return true;
}

RunResult FilesScenario::upload(BenchConnection* connection, qint64 conversation)
{
    RunResult result;
    result.scenario = QStringLiteral("files upload");
    result.unit = QStringLiteral("MB/s");
    QFile file(m_source);
    file.open(QIODevice::ReadOnly);
    m_harness.beginMeasure();
    const QCborMap offer =
        m_harness.call(connection, QCborMap{{QStringLiteral("t"), QStringLiteral("file_offer")},
                                            {QStringLiteral("conversation"), conversation},
                                            {QStringLiteral("client_msg_id"), createUuidV7().toRfc4122()},
                                            {QStringLiteral("name"), QStringLiteral("bench.bin")},
                                            {QStringLiteral("size"), m_bytes},
                                            {QStringLiteral("sha256"), m_sha256}});
    const qint64 transfer = offer.value(QLatin1String("transfer")).toInteger();
    if (transfer == 0) {
        result.note = QStringLiteral("file_offer: %1").arg(offer.value(QLatin1String("code")).toString());
        return result;
    }
    qint64 offset = offer.value(QLatin1String("offset")).toInteger();
    int inFlight = 0;
    bool complete = false;
    QString failure;
    std::function<void()> pump = [&] {
        while (inFlight < kWindow && offset < m_bytes && failure.isEmpty()) {
            const QByteArray data = file.read(qMin(kChunk, m_bytes - offset));
            ++inFlight;
            connection->request(QCborMap{{QStringLiteral("t"), QStringLiteral("file_chunk")},
                                         {QStringLiteral("transfer"), transfer},
                                         {QStringLiteral("offset"), offset},
                                         {QStringLiteral("data"), data}},
                                [&](const QCborMap& reply) {
                                    --inFlight;
                                    if (reply.value(QLatin1String("t")).toString() != QLatin1String("ok"))
                                        failure = reply.value(QLatin1String("code")).toString();
                                    complete = complete || reply.value(QLatin1String("complete")).toBool();
                                    pump();
                                });
            offset += data.size();
        }
    };
    pump();
    result.ok = BenchHarness::waitUntil([&] { return complete || !failure.isEmpty(); }, 300000) && failure.isEmpty();
    result.rate = megabytesPerSecond(m_bytes, m_harness.endMeasure(&result));
    result.note = failure;
    return result;
}

RunResult FilesScenario::download(BenchConnection* connection, qint64 conversation)
{
    RunResult result;
    result.scenario = QStringLiteral("files download");
    result.unit = QStringLiteral("MB/s");
    const QString target = m_source + QStringLiteral(".download");
    const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    qint64 requested = 0;
    qint64 received = 0;
    int inFlight = 0;
    QString failure;
    Sha256 hash; // replies arrive in request order on one connection, so the hash runs in order
    m_harness.beginMeasure();
    std::function<void()> pump = [&] {
        while (inFlight < kWindow && requested < m_bytes && failure.isEmpty()) {
            ++inFlight;
            connection->request(QCborMap{{QStringLiteral("t"), QStringLiteral("file_read")},
                                         {QStringLiteral("conversation"), conversation},
                                         {QStringLiteral("sha256"), m_sha256},
                                         {QStringLiteral("offset"), requested},
                                         {QStringLiteral("length"), qMin(kChunk, m_bytes - requested)}},
                                [&](const QCborMap& reply) {
                                    --inFlight;
                                    const QByteArray data = reply.value(QLatin1String("data")).toByteArray();
                                    const qint64 at = reply.value(QLatin1String("offset")).toInteger();
                                    if (data.isEmpty() ||
                                        ::pwrite(fd, data.constData(), size_t(data.size()), at) != data.size())
                                        failure = reply.value(QLatin1String("code")).toString();
                                    hash.addData(data);
                                    received += data.size();
                                    pump();
                                });
            requested += kChunk;
        }
    };
    pump();
    result.ok = BenchHarness::waitUntil([&] { return received >= m_bytes || !failure.isEmpty(); }, 300000);
    ::fsync(fd);
    ::close(fd);
    result.rate = megabytesPerSecond(received, m_harness.endMeasure(&result));
    result.ok = result.ok && failure.isEmpty() && hash.result() == m_sha256;
    result.note = failure.isEmpty() ? QString() : QStringLiteral("file_read: %1").arg(failure);
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
            r->note = QStringLiteral("%1× plain copy").arg(r->rate / plain.rate, 0, 'f', 2);
    }
    m_harness.closeAll();
    m_harness.server().stop();
    QFile::remove(m_source);
    return {plain, up, down};
}

} // namespace lanchat::bench
