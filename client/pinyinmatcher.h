#pragma once

#include "pinyinreading.h"

#include <QString>

namespace lanchat {

/**
 * Finds people and groups by what a Chinese user types: letters of the name, pinyin, or pinyin initials.
 *
 * The query is NFKC case folded and its spaces are removed ("Zhang San", "ｚｈａｎｇ ｓａｎ" and "zhangsan" are the
 * same query). A text matches when
 *  - the query is a substring of the text, case folded and without spaces (as before pinyin: "Ali", "三", "张三",
 *    "li lei" for "Li Lei"), or
 *  - the query is consumed by consecutive syllables of the text's PinyinReading, starting at any syllable, each
 *    syllable consuming a non-empty prefix of its pinyin (the full syllable or its first letters) or its Han
 *    character: for 张三 "zhangsan", "zhang san", "zs", "zhangs", "zsan", "san", "张s"; for 王小明 "wangxm", "wxm",
 *    "xm", "xiaoming", "xiaom". "zx" does not find 张三: every letter must belong to the syllable it starts in.
 * An empty query matches everything; a query longer than the reading never matches.
 *
 * Cheap to copy; match() costs a cached PinyinReading look-up and time linear in the syllables times the query
 * length. Use from one thread at a time (readings are cached per thread).
 */
class PinyinMatcher
{
public:
    /** How a text matched, best first, for ordering candidates. */
    enum class Match
    {
        None,    ///< no match
        AtStart, ///< from the first character or syllable on (also: the query is empty)
        Inside,  ///< somewhere after the start
    };

    /** A matcher for @p query (what the user typed, as typed). */
    explicit PinyinMatcher(const QString& query = {});

    /** True if the query has nothing but spaces: everything matches. */
    bool isEmpty() const { return m_query.isEmpty(); }

    /** How @p text, read in @p style (PinyinReading::Style::PersonName for people), matches the query. */
    Match match(const QString& text, PinyinReading::Style style) const;

    /**
     * The syllable rule alone (no substring of the letters): words and pinyin syllables are matched by their
     * beginnings, so "a" does not find "Carol" but "lei" finds "Li Lei" and "xm" 王小明.
     */
    Match matchReading(const QString& text, PinyinReading::Style style) const;

    /** match() != Match::None. */
    bool matches(const QString& text, PinyinReading::Style style) const { return match(text, style) != Match::None; }

    /** Matches @p query from now on; true if that changed what matches (a filter then re-filters). */
    bool setQuery(const QString& query);

    /** The folded query without spaces, as matched. */
    QString foldedQuery() const { return m_query; }

    /** @p text as queries and texts are compared: NFKC case folded, without spaces. */
    static QString fold(const QString& text);

private:
    Match matchSyllables(const QList<PinyinReading::Syllable>& syllables) const;

    QString m_query;
};

} // namespace lanchat
