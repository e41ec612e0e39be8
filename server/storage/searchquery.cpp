#include "searchquery.h"

#include "protocol.h"
#include "searchtokenizer.h"

namespace lanchat {

namespace {

/** @p text cut to its first @p maxChars code points. */
QStringView firstCodePoints(QStringView text, int maxChars)
{
    qsizetype i = 0;
    for (int count = 0; i < text.size() && count < maxChars; ++count)
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
    return text.first(i);
}

/** An FTS5 string: in double quotes, a quote inside doubled. */
void appendQuoted(QString& out, const std::string& term)
{
    out += u'"';
    out += QString::fromStdString(term).replace(u'"', QStringLiteral("\"\""));
    out += u'"';
}

} // namespace

SearchQuery::SearchQuery(QStringView text)
{
    const std::vector<SearchToken> tokens =
        SearchTokenizer::tokenize(firstCodePoints(text, protocol::kSearchQueryChars));
    const SearchToken* previous = nullptr;
    for (const SearchToken& token : tokens) {
        // Ideographs continue the current phrase only when nothing stood between them in the query.
        const bool continues = token.ideograph && previous && previous->ideograph && previous->end == token.start;
        if (continues)
            m_parts.back().terms.push_back(token.term);
        else
            m_parts.push_back(Part{{token.term}, !token.ideograph});
        previous = &token;
    }
}

QString SearchQuery::matchExpression(const QString& columns) const
{
    if (m_parts.empty())
        return {};
    QString expression = columns + QStringLiteral(" : (");
    bool first = true;
    for (const Part& part : m_parts) {
        if (!first)
            expression += QStringLiteral(" AND ");
        first = false;
        if (part.prefix) {
            appendQuoted(expression, part.terms.front());
            expression += u'*';
            continue;
        }
        // A phrase: the terms are joined by spaces inside one quoted string; FTS5 tokenizes it again into the same
        // terms (folding is idempotent) and requires them consecutive.
        std::string phrase;
        for (const std::string& term : part.terms) {
            if (!phrase.empty())
                phrase += ' ';
            phrase += term;
        }
        appendQuoted(expression, phrase);
    }
    expression += u')';
    return expression;
}

} // namespace lanchat
