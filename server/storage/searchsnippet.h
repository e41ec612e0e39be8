#pragma once

#include "searchquery.h"

#include <QString>
#include <QStringList>

namespace lanchat {

/**
 * The excerpt of a search hit (docs/protocol.md 14.1 `snippet`): at most protocol::kSearchSnippetChars code points
 * of the text around its first match, "…" where it was cut, split into pieces whose odd indexes are the matched
 * parts. Computed by tokenizing the text again with SearchTokenizer (never from FTS5 markers, which could collide
 * with the text itself). Thread-safe.
 */
class SearchSnippet
{
public:
    /** Code points of context kept before the first match when the text must be cut. */
    static constexpr int kLeadChars = 20;

    /**
     * The pieces for @p text and @p query; the whole (cut) text as one plain piece when nothing matches (a message
     * found through a part of it that is not shown, which cannot happen today).
     */
    static QStringList make(const QString& text, const SearchQuery& query);
};

} // namespace lanchat
