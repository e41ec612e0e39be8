#pragma once

struct ssl_ctx_st;
struct ssl_st;

namespace lanchat::bench {

/**
 * The OpenSSL client context shared by every bench connection: TLS 1.2 or later, no certificate verification
 * (the server's certificate is self-signed and the bench talks to its own child on 127.0.0.1), partial and
 * moving-buffer writes so a non-blocking SSL_write can be retried from a grown output buffer.
 * Not thread-safe beyond what OpenSSL gives; the generator uses it from its one thread.
 */
class TlsContext
{
public:
    TlsContext();
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    /** False if OpenSSL could not make the context (then every connection fails). */
    bool isValid() const { return m_ctx != nullptr; }
    /** A new client session on @p fd (SSL_set_fd, connect state); the caller owns it (SSL_free). */
    ssl_st* newSession(int fd) const;

private:
    ssl_ctx_st* m_ctx = nullptr;
};

} // namespace lanchat::bench
