#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct ssl_ctx_st SSL_CTX;

namespace lanchat {

/**
 * The relay's one OpenSSL server context, shared by every TLS connection (Connection): the certificate
 * and key of TlsIdentity, TLS 1.2 or later, renegotiation off, no session tickets (clients pin the
 * certificate and open one long-lived connection, so resumption would only cost memory and CPU), and
 * SSL_MODE_RELEASE_BUFFERS so that an idle connection gives its 17 KiB read and write buffers back.
 *
 * Qt's QSslSocket builds a private SSL_CTX for every socket; sharing one is what makes an idle TLS
 * connection cost a few KiB instead of ~100 KiB (measured by bench idle). TLS 1.2 is limited to ECDHE with AES-GCM or
 * ChaCha20-Poly1305 (no CBC, no SHA-1 MAC, no static RSA key exchange); TLS 1.3 keeps OpenSSL's suites, all
 * AEAD. Immutable after create(); any thread.
 */
class TlsContext
{
public:
    /**
     * Builds the context from PEM @p certificatePem and @p keyPem. nullptr with @p error set when OpenSSL
     * refuses either or they do not match.
     */
    static std::unique_ptr<TlsContext> create(const QByteArray& certificatePem, const QByteArray& keyPem,
                                              QString* error);
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    /**
     * Text for the failure OpenSSL just reported on this thread: the first entry of its error queue (taken off
     * it), else for SSL_ERROR_SYSCALL (@p sslError, from SSL_get_error()) errno's text or "unexpected end of
     * stream", else "TLS error N" / "unknown error" for 0. For logs; English.
     */
    static QString lastError(int sslError = 0);

    /** The context for SSL_new(); owned by this object. */
    SSL_CTX* handle() const { return m_ctx; }

private:
    explicit TlsContext(SSL_CTX* ctx);
    SSL_CTX* m_ctx;
};

} // namespace lanchat
