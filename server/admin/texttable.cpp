#include "texttable.h"

#include <QChar>

#include <algorithm>
#include <iterator>

namespace lanchat {

namespace {

struct Range
{
    char32_t first;
    char32_t last;
};

// East Asian Wide and Fullwidth code points, as in Markus Kuhn's wcwidth(): the libc one needs a UTF-8
// locale, which a server host often has not generated.
constexpr Range kWide[] = {{0x1100, 0x115f},   {0x2329, 0x232a},  {0x2e80, 0x303e},   {0x3040, 0xa4cf},
                           {0xac00, 0xd7a3},   {0xf900, 0xfaff},  {0xfe10, 0xfe19},   {0xfe30, 0xfe6f},
                           {0xff00, 0xff60},   {0xffe0, 0xffe6},  {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff},
                           {0x20000, 0x2fffd}, {0x30000, 0x3fffd}};

int codePointWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Other_Control:
        return 0;
    default:
        break;
    }
    const bool wide =
        std::any_of(std::begin(kWide), std::end(kWide), [c](const Range& r) { return c >= r.first && c <= r.last; });
    return wide ? 2 : 1;
}

} // namespace

TextTable::TextTable(int gap)
    : m_gap(gap)
{}

void TextTable::addRow(const QStringList& cells)
{
    m_rows.append(cells);
}

QStringList TextTable::lines() const
{
    QList<int> widths;
    for (const QStringList& row : m_rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths.at(i), displayWidth(row.at(i)));
        }
    }
    QStringList out;
    for (const QStringList& row : m_rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            line += row.at(i);
            if (i + 1 < row.size())
                line += QString(widths.at(i) - displayWidth(row.at(i)) + m_gap, QLatin1Char(' '));
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out.append(line);
    }
    return out;
}

int TextTable::displayWidth(QStringView text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += codePointWidth(c);
    return width;
}

} // namespace lanchat
