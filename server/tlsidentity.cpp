#include "tlsidentity.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace lanchat {

namespace {

template <auto Free> struct OsslDeleter
{
    template <typename T> void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, OsslDeleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OsslDeleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, OsslDeleter<BIO_free>>;

constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

/**
 * The names a client may check the certificate against: this host's name, localhost and the loopback
 * addresses. Clients pin the fingerprint rather than verify names, but tools (openssl s_client, browsers,
 * a future client verifying names) expect a subjectAltName, and RFC 6125 leaves the CN behind.
 */
QByteArray subjectAltNames()
{
    QByteArray names = "DNS:localhost,IP:127.0.0.1,IP:::1";
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    // Only a plain DNS label or name: anything else would make the extension invalid.
    static const QRegularExpression dnsName(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$"));
    if (!host.isEmpty() && host != "localhost" && dnsName.match(QString::fromUtf8(host)).hasMatch())
        names = "DNS:" + host + ',' + names;
    return names;
}

bool addSubjectAltNames(X509* cert)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, subjectAltNames().constData());
    const bool ok = extension && X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

X509Ptr makeCertificate(EVP_PKEY* key, const QString& commonName)
{
    X509Ptr cert(X509_new());
    if (!cert)
        return {};
    X509_set_version(cert.get(), 2); // v3
    // A random serial: RFC 5280 §4.1.2.2 asks for uniqueness per issuer.
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return {};
    serial[0] &= 0x7f; // positive
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1,
                               -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (!addSubjectAltNames(cert.get()))
        return {};
    if (X509_sign(cert.get(), key, EVP_sha256()) == 0)
        return {};
    return cert;
}

bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions, QString* error)
{
    QFile file(path);
    // Permissions are set on the empty file before the secret is written into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.setPermissions(permissions) ||
        file.write(data) != data.size() || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool TlsIdentity::generate(const QString& certPath, const QString& keyPath, const QString& commonName, QString* error)
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert = key ? makeCertificate(key.get(), commonName) : X509Ptr();
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!cert || !certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        *error = QStringLiteral("OpenSSL could not generate an ECDSA P-256 certificate");
        return false;
    }
    return writeFile(keyPath, bioBytes(keyBio.get()), QFileDevice::ReadOwner | QFileDevice::WriteOwner, error) &&
           writeFile(certPath, bioBytes(certBio.get()), QFileDevice::ReadOwner | QFileDevice::WriteOwner, error);
}

std::optional<TlsIdentity> TlsIdentity::loadOrGenerate(const QString& certFile, const QString& keyFile,
                                                       const QString& dataDir, QString* error)
{
    QString certPath = certFile;
    QString keyPath = keyFile;
    if (certPath.isEmpty() && keyPath.isEmpty()) {
        certPath = QDir(dataDir).filePath(QStringLiteral("server.crt"));
        keyPath = QDir(dataDir).filePath(QStringLiteral("server.key"));
        if (!QFileInfo::exists(certPath) || !QFileInfo::exists(keyPath)) {
            if (!generate(certPath, keyPath, QStringLiteral("LanChat server"), error))
                return std::nullopt;
            qCInfo(lcServer) << "generated a self-signed ECDSA P-256 certificate" << certPath;
        }
    } else if (certPath.isEmpty() || keyPath.isEmpty()) {
        *error = QStringLiteral("cert_file and key_file must be given together");
        return std::nullopt;
    }
    QFile certIn(certPath);
    QFile keyIn(keyPath);
    if (!certIn.open(QIODevice::ReadOnly) || !keyIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1 or %2").arg(certPath, keyPath);
        return std::nullopt;
    }
    TlsIdentity identity;
    identity.m_certificate = QSslCertificate(certIn.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyIn.readAll();
    identity.m_key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (identity.m_key.isNull())
        identity.m_key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (identity.m_certificate.isNull() || identity.m_key.isNull()) {
        *error = QStringLiteral("%1 / %2: not a PEM certificate and private key").arg(certPath, keyPath);
        return std::nullopt;
    }
    return identity;
}

QString TlsIdentity::fingerprint() const
{
    return QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex());
}

} // namespace lanchat
