#include "tlscontext.h"

#include <openssl/ssl.h>

namespace lanchat::bench {

TlsContext::TlsContext()
    : m_ctx(SSL_CTX_new(TLS_client_method()))
{
    if (!m_ctx)
        return;
    SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(m_ctx, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_mode(m_ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // Read-ahead with a 64 KiB buffer: one read() takes several records (a 256 KiB file chunk in four calls
    // instead of two per 16 KiB record: header, then body).
    SSL_CTX_set_read_ahead(m_ctx, 1);
    SSL_CTX_set_default_read_buffer_len(m_ctx, 64 * 1024);
    // Every connection is new and short-lived; a session cache would only cost memory.
    SSL_CTX_set_session_cache_mode(m_ctx, SSL_SESS_CACHE_OFF);
}

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx);
}

ssl_st* TlsContext::newSession(int fd) const
{
    SSL* ssl = m_ctx ? SSL_new(m_ctx) : nullptr;
    if (!ssl)
        return nullptr;
    SSL_set_fd(ssl, fd);
    SSL_set_connect_state(ssl);
    return ssl;
}

} // namespace lanchat::bench
