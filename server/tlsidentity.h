#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * The server's TLS certificate and private key. Either the admin's own PEM pair (cert_file/key_file) or,
 * when none is configured, a self-signed ECDSA P-256 pair generated once with OpenSSL (EVP_PKEY/X509 APIs)
 * into the data dir as `server.crt` and `server.key` (mode 0600) and reused on later starts. Clients pin
 * the SHA-256 fingerprint (trust on first use). A value type.
 */
class TlsIdentity
{
public:
    /**
     * Loads @p certFile/@p keyFile, or when both are empty loads or generates `<dataDir>/server.crt|key`.
     * nullopt with @p error set when a file is unreadable or not PEM, or generation fails.
     */
    static std::optional<TlsIdentity> loadOrGenerate(const QString& certFile, const QString& keyFile,
                                                     const QString& dataDir, QString* error);
    /**
     * Writes a new self-signed ECDSA P-256 certificate (SHA-256 signature, CN = @p commonName, valid
     * 10 years, subjectAltName: this host's name, localhost, 127.0.0.1 and ::1) and its PKCS#8 key to PEM
     * files; both files are created with mode 0600 whatever the umask.
     */
    static bool generate(const QString& certPath, const QString& keyPath, const QString& commonName, QString* error);

    const QSslCertificate& certificate() const { return m_certificate; }
    const QSslKey& key() const { return m_key; }
    /** Lowercase hex SHA-256 of the DER certificate, 64 characters. */
    QString fingerprint() const;

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace lanchat
