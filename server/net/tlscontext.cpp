#include "tlscontext.h"

#include <cerrno>
#include <cstring>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

namespace lanchat {

namespace {

QString lastOpenSslError(const char* what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), TlsContext::lastError());
}

struct BioDeleter
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

BioPtr memoryBio(const QByteArray& pem)
{
    return BioPtr(BIO_new_mem_buf(pem.constData(), int(pem.size())));
}

bool loadCertificate(SSL_CTX* ctx, const QByteArray& pem, QString* error)
{
    BioPtr bio = memoryBio(pem);
    X509* certificate = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!certificate || SSL_CTX_use_certificate(ctx, certificate) != 1) {
        X509_free(certificate);
        *error = lastOpenSslError("TLS certificate");
        return false;
    }
    X509_free(certificate);
    // Intermediate certificates of an admin's own chain follow the leaf in the same PEM.
    while (X509* extra = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        if (SSL_CTX_add0_chain_cert(ctx, extra) != 1) {
            X509_free(extra);
            break;
        }
    }
    ERR_clear_error(); // the loop ends on "no start line"
    return true;
}

bool loadKey(SSL_CTX* ctx, const QByteArray& pem, QString* error)
{
    BioPtr bio = memoryBio(pem);
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    const bool ok = key && SSL_CTX_use_PrivateKey(ctx, key) == 1 && SSL_CTX_check_private_key(ctx) == 1;
    EVP_PKEY_free(key);
    if (!ok)
        *error = lastOpenSslError("TLS private key");
    return ok;
}

// TLS 1.2 only with forward secrecy and AEAD: ECDHE key exchange with AES-GCM or ChaCha20-Poly1305, for an
// ECDSA (generated) or RSA (an admin's own) certificate. Both ends are ours, so nothing older is needed;
// CBC suites (Lucky13-style padding oracles) and SHA-1 MACs are refused. TLS 1.3 keeps OpenSSL's defaults
// (all AEAD).
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";

} // namespace

std::unique_ptr<TlsContext> TlsContext::create(const QByteArray& certificatePem, const QByteArray& keyPem,
                                               QString* error)
{
    ERR_clear_error();
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        *error = lastOpenSslError("SSL_CTX_new");
        return nullptr;
    }
    std::unique_ptr<TlsContext> context(new TlsContext(ctx));
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1) {
        *error = lastOpenSslError("SSL_CTX_set_cipher_list");
        return nullptr;
    }
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_TICKET |
                                 SSL_OP_IGNORE_UNEXPECTED_EOF);
    SSL_CTX_set_num_tickets(ctx, 0);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_mode(ctx,
                     SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // Reads take whole kernel buffers instead of one record header and body at a time (two syscalls per
    // 16 KiB record during a file upload); Connection drains what OpenSSL holds (SSL_has_pending).
    SSL_CTX_set_read_ahead(ctx, 1);
    if (!loadCertificate(ctx, certificatePem, error) || !loadKey(ctx, keyPem, error))
        return nullptr;
    return context;
}

QString TlsContext::lastError(int sslError)
{
    if (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        return QString::fromLatin1(text);
    }
    if (sslError == SSL_ERROR_SYSCALL)
        return errno != 0 ? QString::fromLocal8Bit(std::strerror(errno)) : QStringLiteral("unexpected end of stream");
    return sslError == 0 ? QStringLiteral("unknown error") : QStringLiteral("TLS error %1").arg(sslError);
}

TlsContext::TlsContext(SSL_CTX* ctx)
    : m_ctx(ctx)
{}

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx);
}

} // namespace lanchat
