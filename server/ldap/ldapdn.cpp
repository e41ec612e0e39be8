#include "ldapdn.h"

#include <ldap.h>

namespace lanchat {

namespace {

/** The RDNs of @p text, entry first; each as its (type, value) pairs. False when it does not parse. */
bool parse(const QString& text, QList<QList<QPair<QString, QString>>>* rdns)
{
    LDAPDN dn = nullptr;
    const QByteArray bytes = text.toUtf8();
    if (ldap_str2dn(bytes.constData(), &dn, LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS)
        return false;
    for (int i = 0; dn && dn[i]; ++i) {
        QList<QPair<QString, QString>> rdn;
        for (int j = 0; dn[i][j]; ++j) {
            const LDAPAVA* ava = dn[i][j];
            rdn.append({QString::fromUtf8(ava->la_attr.bv_val, qsizetype(ava->la_attr.bv_len)),
                        QString::fromUtf8(ava->la_value.bv_val, qsizetype(ava->la_value.bv_len))});
        }
        rdns->append(rdn);
    }
    ldap_dnfree(dn);
    return true;
}

} // namespace

QStringList LdapDn::departmentPath(const QString& dn, const QString& base)
{
    QList<QList<QPair<QString, QString>>> entry;
    QList<QList<QPair<QString, QString>>> top;
    if (!parse(dn, &entry) || !parse(base, &top) || entry.size() <= top.size())
        return {};
    const qsizetype below = entry.size() - top.size();
    for (qsizetype i = 0; i < top.size(); ++i) {
        const auto& a = entry.at(below + i);
        const auto& b = top.at(i);
        if (a.size() != b.size())
            return {};
        for (qsizetype j = 0; j < a.size(); ++j) {
            if (a.at(j).first.compare(b.at(j).first, Qt::CaseInsensitive) != 0 ||
                a.at(j).second.compare(b.at(j).second, Qt::CaseInsensitive) != 0)
                return {};
        }
    }
    QStringList path;
    // Index 0 is the entry's own RDN; the containers follow from the innermost out, so prepend to get top first.
    for (qsizetype i = 1; i < below; ++i) {
        const auto& rdn = entry.at(i);
        if (rdn.size() == 1 && rdn.first().first.compare(QLatin1String("ou"), Qt::CaseInsensitive) == 0)
            path.prepend(rdn.first().second);
    }
    return path;
}

} // namespace lanchat
