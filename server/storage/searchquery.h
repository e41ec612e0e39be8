#pragma once

#include <QString>
#include <QStringView>

#include <string>
#include <vector>

namespace lanchat {

/**
 * A user's search text turned into an FTS5 MATCH expression built only from quoted tokens of SearchTokenizer,
 * so nothing the user types is FTS5 syntax (quotes, `*`, NEAR, `-`, parentheses, AND/OR are plain text).
 *
 * Parts (docs/protocol.md 14): a run of adjacent ideograph tokens is one phrase ("开会" → `"开 会"`), matched
 * anywhere; every other token is a word matched by prefix (`"deploy"*`); the parts are ANDed. Only the first
 * protocol::kSearchQueryChars code points of the text count.
 */
class SearchQuery
{
public:
    /** One part: the terms of a phrase of ideographs (consecutive), or one word (a prefix). */
    struct Part
    {
        std::vector<std::string> terms; ///< folded UTF-8 terms
        bool prefix = false;            ///< a word: matches terms that start with terms.front()
    };

    explicit SearchQuery(QStringView text);

    /** True when the text has no letter, digit or ideograph: it matches nothing. */
    bool isEmpty() const { return m_parts.empty(); }
    const std::vector<Part>& parts() const { return m_parts; }

    /**
     * The MATCH expression for the columns @p columns (an FTS5 column filter such as `{body name}` or `name`):
     * `columns : ("开 会" AND "deploy"*)`. Empty when isEmpty().
     */
    QString matchExpression(const QString& columns) const;

private:
    std::vector<Part> m_parts;
};

} // namespace lanchat
