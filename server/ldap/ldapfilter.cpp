#include "ldapfilter.h"

namespace lanchat {

QString LdapFilter::escapeValue(const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '*':
            out += "\\2a";
            break;
        case '(':
            out += "\\28";
            break;
        case ')':
            out += "\\29";
            break;
        case '\\':
            out += "\\5c";
            break;
        case '\0':
            out += "\\00";
            break;
        default:
            // Every other byte, those of multi-byte UTF-8 sequences included, may stand as it is (RFC 4515,
            // "valueencoding"); the escapes above are ASCII, so the result stays valid UTF-8.
            out += c;
        }
    }
    return QString::fromUtf8(out);
}

QString LdapFilter::forUser(const QString& filterTemplate, const QString& username)
{
    QString filter = filterTemplate;
    return filter.replace(QLatin1String("%u"), escapeValue(username));
}

QString LdapFilter::forEveryone(const QString& filterTemplate)
{
    QString filter = filterTemplate;
    return filter.replace(QLatin1String("%u"), QLatin1String("*"));
}

} // namespace lanchat
