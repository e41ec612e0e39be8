#include "transfertestenv.h"

#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "relayserver.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>

namespace lanchat {

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}
} // namespace

TransferTestEnv::TransferTestEnv() = default;

TransferTestEnv::~TransferTestEnv()
{
    stopServer();
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool TransferTestEnv::startServer(quint16 port)
{
    if (!m_server.start(port ? port : m_port))
        return false;
    m_port = m_server.port();
    return true;
}

void TransferTestEnv::stopServer()
{
    m_server.stop();
}

bool TransferTestEnv::startServerProcess()
{
    if (m_port == 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return false;
        m_port = probe.serverPort();
    }
    const QString config = QDir(dataDir()).filePath(QStringLiteral("test.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) || file.write("[server]\nregistration=open\n") < 0)
        return false;
    file.close();
    const QString binary = qEnvironmentVariable("LANCHAT_TEST_BINARY_DIR") + QStringLiteral("/server/lanchat-server");
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(binary, {QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir(),
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                              QString::number(m_port), QStringLiteral("--insecure-plaintext"),
                              QStringLiteral("--no-discovery"), QStringLiteral("--config"), config});
    if (!m_process->waitForStarted(10000))
        return false;
    // Ready once it accepts connections.
    return waitFor(
        [this] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            return probe.waitForConnected(200);
        },
        15000);
}

void TransferTestEnv::killServerProcess()
{
    if (!m_process)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(5000);
    m_process.reset();
}

std::unique_ptr<TestUser> TransferTestEnv::connectUser(const QString& name, std::optional<QStringList> features)
{
    auto user = std::make_unique<TestUser>();
    user->name = name;
    user->connection = std::make_unique<ClientConnection>();
    if (features)
        user->connection->setFeatures(*features);
    user->connection->connectToServer(QStringLiteral("127.0.0.1"), m_port, false);
    if (!waitFor([&] { return user->connection->isReady(); }, 15000))
        return nullptr;
    Register reg{name, kPassword, name, {}};
    const QCborMap reply = call(*user->connection, reg.encode());
    const auto ok = AuthOk::decode(reply, nullptr);
    if (!ok)
        return nullptr;
    user->id = ok->user.id;
    ClientConnection* connection = user->connection.get();
    QObject::connect(connection, &ClientConnection::ready, connection, [connection, name] {
        connection->request(Login{name, kPassword}.encode(), [](const QCborMap&) {});
    });
    user->transfers = std::make_unique<TransferManager>(connection);
    user->downloadDir = QDir(m_scratch.path()).filePath(QStringLiteral("downloads-") + name);
    user->transfers->setDownloadDirectory(user->downloadDir);
    return user;
}

ConversationId TransferTestEnv::openPrivate(TestUser& a, const TestUser& b)
{
    const auto ok = ConversationOk::decode(call(*a.connection, OpenPrivate{b.id}.encode()), nullptr);
    return ok ? ok->conversation.id : ConversationId();
}

ConversationId TransferTestEnv::createGroup(TestUser& owner, const QList<const TestUser*>& members)
{
    GroupCreate create;
    create.name = QStringLiteral("Files group");
    for (const TestUser* m : members)
        create.members.append(m->id);
    const auto ok = ConversationOk::decode(call(*owner.connection, create.encode()), nullptr);
    return ok ? ok->conversation.id : ConversationId();
}

QList<MessageRecord> TransferTestEnv::history(TestUser& user, ConversationId conversation)
{
    History request;
    request.conversation = conversation;
    request.limit = 100;
    const auto page = MessagesPage::decode(call(*user.connection, request.encode()), nullptr);
    return page ? page->messages : QList<MessageRecord>();
}

QByteArray TransferTestEnv::newestFileSha(TestUser& user, ConversationId conversation)
{
    QByteArray sha;
    waitFor(
        [&] {
            const QList<MessageRecord> page = history(user, conversation);
            if (!page.isEmpty() && page.first().file)
                sha = page.first().file->sha256;
            return !sha.isEmpty();
        },
        15000);
    return sha;
}

QCborMap TransferTestEnv::call(ClientConnection& connection, const QCborMap& request)
{
    bool done = false;
    QCborMap result;
    const quint64 id = connection.request(request, [&](const QCborMap& reply) {
        result = reply;
        done = true;
    });
    if (id == 0 || !waitFor([&] { return done; }, 30000))
        return {};
    return result;
}

QByteArray TransferTestEnv::writeRandomFile(const QString& path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    Sha256 hash;
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin<qint64>(block.size(), size - done);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
        if (file.write(block.constData(), n) != n)
            return {};
        hash.addData(block.constData(), n);
        done += n;
    }
    return hash.result();
}

int TransferTestEnv::waitFinished(const TransferManager& manager, int key, int timeoutMs)
{
    const auto finished = [&] {
        const int state = stateOf(manager, key);
        return state == int(TransferManager::State::Done) || state == int(TransferManager::State::Failed) ||
               state == int(TransferManager::State::Cancelled);
    };
    waitFor(finished, timeoutMs);
    return stateOf(manager, key);
}

int TransferTestEnv::stateOf(const TransferManager& manager, int key)
{
    const QVariant v = roleOf(manager, key, TransferManager::StateRole);
    return v.isValid() ? v.toInt() : -1;
}

QVariant TransferTestEnv::roleOf(const TransferManager& manager, int key, int role)
{
    for (int row = 0; row < manager.rowCount(); ++row) {
        const QModelIndex index = manager.index(row, 0);
        if (manager.data(index, TransferManager::TransferKeyRole).toInt() == key)
            return manager.data(index, role);
    }
    return {};
}

} // namespace lanchat
