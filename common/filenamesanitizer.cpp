#include "filenamesanitizer.h"

#include "protocol.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace lanchat {

namespace {

// Longest extension kept apart when the stem is cut; a longer "extension" is just part of the name.
constexpr qsizetype kMaxExtensionChars = 16;

bool isForbiddenChar(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    // Format characters (Cf) are invisible but reorder or hide text: U+202E RIGHT-TO-LEFT OVERRIDE shows
    // "invoice\u202Efdp.exe" as "invoiceexe.pdf". Line and paragraph separators break a name over lines.
    switch (QChar::category(c)) {
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

bool isReplacedChar(char32_t c)
{
    switch (c) {
    case '/':
    case '\\':
    case '<':
    case '>':
    case ':':
    case '"':
    case '|':
    case '?':
    case '*':
        return true;
    default:
        return false;
    }
}

bool isDeviceName(const QString& name)
{
    // Windows treats "CON.txt" like "CON": the part before the first dot counts, trailing spaces ignored.
    const QString base = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList kFixed{QStringLiteral("CON"),   QStringLiteral("PRN"),    QStringLiteral("AUX"),
                                    QStringLiteral("NUL"),   QStringLiteral("CONIN$"), QStringLiteral("CONOUT$"),
                                    QStringLiteral("CLOCK$")};
    if (kFixed.contains(base))
        return true;
    if (base.size() != 4 || !(base.startsWith(QLatin1String("COM")) || base.startsWith(QLatin1String("LPT"))))
        return false;
    // COM0-COM9 and LPT0-LPT9, and the superscript digits 1-3 (U+00B9, U+00B2, U+00B3), which Windows also maps
    // to ports.
    const QChar digit = base.at(3);
    return (digit >= QLatin1Char('0') && digit <= QLatin1Char('9')) || digit == QChar(0x00b9) ||
           digit == QChar(0x00b2) || digit == QChar(0x00b3);
}

QString stripEdges(QString s)
{
    qsizetype start = 0;
    while (start < s.size() && (s.at(start) == QLatin1Char('.') || s.at(start) == QLatin1Char(' ')))
        ++start;
    qsizetype end = s.size();
    while (end > start && (s.at(end - 1) == QLatin1Char('.') || s.at(end - 1) == QLatin1Char(' ')))
        --end;
    return s.mid(start, end - start);
}

} // namespace

std::pair<QString, QString> FileNameSanitizer::splitExtension(const QString& name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || name.size() - dot > kMaxExtensionChars)
        return {name, QString()};
    return {name.left(dot), name.mid(dot)};
}

QString FileNameSanitizer::fitStem(const QString& stem, const QString& suffix, qsizetype maxBytes)
{
    const qsizetype budget = maxBytes - suffix.toUtf8().size();
    if (budget <= 0)
        return {};
    if (stem.toUtf8().size() <= budget)
        return stem;
    // Walk whole code points so a surrogate pair is never split.
    QString out;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < stem.size();) {
        const qsizetype len = (stem.at(i).isHighSurrogate() && i + 1 < stem.size()) ? 2 : 1;
        const QString cp = stem.mid(i, len);
        const qsizetype n = cp.toUtf8().size();
        if (bytes + n > budget)
            break;
        out += cp;
        bytes += n;
        i += len;
    }
    return out;
}

QString FileNameSanitizer::sanitize(const QString& name)
{
    const QString cleaned = clean(name);
    return cleaned.isEmpty() ? QStringLiteral("file") : cleaned;
}

QString FileNameSanitizer::clean(const QString& name)
{
    QString cleaned;
    cleaned.reserve(name.size());
    for (const char32_t c : name.toUcs4()) {
        if (isForbiddenChar(c))
            continue;
        if (isReplacedChar(c))
            cleaned += QLatin1Char('_');
        else
            cleaned += QString::fromUcs4(&c, 1);
    }
    cleaned = stripEdges(cleaned);
    if (cleaned.isEmpty())
        return {};
    if (isDeviceName(cleaned))
        cleaned.prepend(QLatin1Char('_'));
    auto [stem, ext] = splitExtension(cleaned);
    stem = fitStem(stem, ext, protocol::kMaxFileNameBytes);
    // Cutting may leave trailing dots or spaces in the stem; strip again so the result is stable.
    return stripEdges(stem + ext);
}

QString FileNameSanitizer::uniquePath(const QString& dir, const QString& name)
{
    const QDir d(dir);
    const QString safe = sanitize(name);
    if (!QFileInfo::exists(d.filePath(safe)))
        return d.filePath(safe);
    const auto [stem, ext] = splitExtension(safe);
    for (int i = 1; i < 10000; ++i) {
        const QString suffix = QStringLiteral(" (%1)").arg(i) + ext;
        const QString candidate = fitStem(stem, suffix, protocol::kMaxFileNameBytes) + suffix;
        if (!QFileInfo::exists(d.filePath(candidate)))
            return d.filePath(candidate);
    }
    const QString suffix = QStringLiteral(" (%1)").arg(QDateTime::currentMSecsSinceEpoch()) + ext;
    return d.filePath(fitStem(stem, suffix, protocol::kMaxFileNameBytes) + suffix);
}

} // namespace lanchat
