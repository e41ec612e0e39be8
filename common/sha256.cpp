#include "sha256.h"

#include <QFile>

#include <openssl/evp.h>

namespace lanchat {

void Sha256::CtxDeleter::operator()(evp_md_ctx_st* ctx) const
{
    EVP_MD_CTX_free(ctx);
}

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::addData(const char* data, qsizetype size)
{
    EVP_DigestUpdate(m_ctx.get(), data, size_t(size));
}

QByteArray Sha256::result()
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len);
    EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
    return out;
}

QByteArray Sha256::hash(const QByteArray& data)
{
    Sha256 h;
    h.addData(data);
    return h.result();
}

QByteArray Sha256::hashFile(const QString& path, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 total = length < 0 ? file.size() : length;
    if (file.size() < total)
        return {};
    Sha256 h;
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    qint64 left = total;
    while (left > 0) {
        const qint64 n = file.read(block.data(), qMin<qint64>(left, block.size()));
        if (n <= 0)
            return {};
        h.addData(block.constData(), n);
        left -= n;
    }
    return h.result();
}

} // namespace lanchat
