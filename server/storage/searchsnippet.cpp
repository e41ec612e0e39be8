#include "searchsnippet.h"

#include "protocol.h"
#include "searchtokenizer.h"

#include <QByteArray>

#include <algorithm>
#include <utility>
#include <vector>

namespace lanchat {

namespace {

using Range = std::pair<int, int>; // [first, last) in code points

/** Code point index of every UTF-8 byte offset of @p utf8 (and of its end). */
std::vector<int> codePointIndexes(const QByteArray& utf8)
{
    std::vector<int> indexes(static_cast<size_t>(utf8.size()) + 1, 0);
    int index = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        indexes[static_cast<size_t>(i)] = index;
        // Every byte that is not a continuation byte starts a code point (QString::toUtf8 makes valid UTF-8).
        if (i + 1 >= utf8.size() || (static_cast<unsigned char>(utf8.at(i + 1)) & 0xC0) != 0x80)
            ++index;
    }
    indexes[static_cast<size_t>(utf8.size())] = index;
    return indexes;
}

/** Where the parts of @p query occur in @p tokens, in byte offsets, sorted and merged. */
std::vector<Range> matchedBytes(const std::vector<SearchToken>& tokens, const SearchQuery& query)
{
    std::vector<Range> ranges;
    for (const SearchQuery::Part& part : query.parts()) {
        const size_t length = part.terms.size();
        for (size_t i = 0; i + length <= tokens.size(); ++i) {
            bool matched = true;
            for (size_t k = 0; k < length && matched; ++k) {
                const std::string& term = tokens[i + k].term;
                matched =
                    part.prefix ? term.compare(0, part.terms[k].size(), part.terms[k]) == 0 : term == part.terms[k];
            }
            if (matched)
                ranges.emplace_back(tokens[i].start, tokens[i + length - 1].end);
        }
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<Range> merged;
    for (const Range& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, range.second);
        else
            merged.push_back(range);
    }
    return merged;
}

} // namespace

QStringList SearchSnippet::make(const QString& text, const SearchQuery& query)
{
    const QByteArray utf8 = text.toUtf8();
    const std::vector<SearchToken> tokens =
        SearchTokenizer::tokenize(QStringView(text)); // offsets are into text.toUtf8(), i.e. into utf8
    const std::vector<int> toCodePoint = codePointIndexes(utf8);
    const QList<uint> codePoints = text.toUcs4();
    const int total = static_cast<int>(codePoints.size());

    std::vector<Range> matches;
    for (const Range& bytes : matchedBytes(tokens, query))
        matches.emplace_back(toCodePoint[static_cast<size_t>(bytes.first)],
                             toCodePoint[static_cast<size_t>(bytes.second)]);

    // The window: the whole text when it fits, else kLeadChars before the first match (less at the end).
    int first = 0;
    int last = total;
    if (total > protocol::kSearchSnippetChars) {
        const int hit = matches.empty() ? 0 : matches.front().first;
        first = std::clamp(hit - kLeadChars, 0, total - protocol::kSearchSnippetChars);
        last = first + protocol::kSearchSnippetChars;
    }
    const auto piece = [&codePoints](int from, int to) {
        return from < to
                   ? QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()) + from, to - from)
                   : QString();
    };

    QStringList pieces;
    QString plain = first > 0 ? QStringLiteral("…") : QString();
    int at = first;
    for (const Range& match : matches) {
        const int from = std::max(match.first, first);
        const int to = std::min(match.second, last);
        if (from >= to || from < at)
            continue;
        plain += piece(at, from);
        pieces << plain << piece(from, to);
        plain.clear();
        at = to;
    }
    plain += piece(at, last);
    if (last < total)
        plain += QStringLiteral("…");
    if (!plain.isEmpty() || pieces.isEmpty())
        pieces << plain;
    return pieces;
}

} // namespace lanchat
