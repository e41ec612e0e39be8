#include "tlspeer.h"

#include "net/tlscontext.h"
#include "tlsidentity.h"

#include <QFile>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace lanchat::test {

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

std::unique_ptr<TlsContext> TlsPeer::serverContext(QString* error)
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("server.crt"));
    const QString key = dir.filePath(QStringLiteral("server.key"));
    if (!dir.isValid() || !TlsIdentity::generate(cert, key, QStringLiteral("localhost"), error))
        return nullptr;
    return TlsContext::create(readFile(cert), readFile(key), error);
}

TlsPeer::TlsPeer(SocketPeer socket)
    : m_socket(std::move(socket))
    , m_ctx(SSL_CTX_new(TLS_client_method()))
{
    if (!m_ctx)
        return;
    SSL_CTX_set_verify(m_ctx, SSL_VERIFY_NONE, nullptr);
    m_ssl = SSL_new(m_ctx);
    if (m_ssl && SSL_set_fd(m_ssl, m_socket.descriptor()) == 1)
        SSL_set_connect_state(m_ssl);
}

TlsPeer::~TlsPeer()
{
    m_notifier.reset();
    SSL_free(m_ssl);
    SSL_CTX_free(m_ctx);
}

bool TlsPeer::handshake()
{
    if (!m_ssl)
        return false;
    ERR_clear_error();
    return SSL_do_handshake(m_ssl) == 1;
}

void TlsPeer::readContinuously()
{
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(m_socket.descriptor()), QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        readAvailable();
        if (m_eof)
            m_notifier->setEnabled(false);
    });
}

qsizetype TlsPeer::readAvailable()
{
    char buffer[16 * 1024];
    while (m_ssl && !m_eof) {
        ERR_clear_error();
        const int n = SSL_read(m_ssl, buffer, int(sizeof buffer));
        if (n > 0) {
            m_received.append(buffer, n);
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            break;
        m_eof = true; // close_notify (SSL_ERROR_ZERO_RETURN), end of stream or an error: nothing more comes
    }
    return m_received.size();
}

bool TlsPeer::write(const QByteArray& data)
{
    qsizetype done = 0;
    while (m_ssl && done < data.size()) {
        ERR_clear_error();
        const int n = SSL_write(m_ssl, data.constData() + done, int(data.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return m_ssl != nullptr;
}

} // namespace lanchat::test
