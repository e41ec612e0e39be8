#pragma once

#include <QString>
#include <QStringView>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace lanchat {

/** One token of a text: its folded term and where it came from. */
struct SearchToken
{
    std::string term;       ///< NFKC case-folded, UTF-8
    int start = 0;          ///< byte offset of its first byte in the UTF-8 input
    int end = 0;            ///< byte offset just past its last byte
    bool ideograph = false; ///< one Han/Hiragana/Katakana/Hangul character (else a word of letters and digits)
};

/**
 * The tokenizer of the search index (docs/protocol.md 14 "What matches"), used by FTS5 for documents and queries,
 * and directly by SearchQuery and SearchSnippet so that highlighting agrees with the index.
 *
 * Text is compared after Unicode NFKC case folding (ICU). Every letter or number of the Han, Hiragana, Katakana or
 * Hangul scripts is a token of its own: a phrase of consecutive tokens then finds any run of them, inside words
 * too. Any other run of letters, numbers and the marks that follow them is one word token. Everything else
 * (whitespace, punctuation, symbols, invalid UTF-8) only separates tokens.
 *
 * Thread-safe (no state; ICU's normalizer instance is shared and immutable).
 */
class SearchTokenizer
{
public:
    /** The name the FTS5 table is created with (`tokenize = 'lanchat'`, 0010_search_index.sql). */
    static constexpr const char* kName = "lanchat";

    /** Called per token, in text order; return false to stop. */
    using Sink = std::function<bool(const SearchToken&)>;

    /** Tokenizes the UTF-8 text @p utf8, calling @p sink per token. */
    static void tokenize(std::string_view utf8, const Sink& sink);
    /** Every token of @p text (offsets are into text.toUtf8()). */
    static std::vector<SearchToken> tokenize(QStringView text);

    /**
     * Registers the tokenizer with FTS5 on the connection @p db (through fts5_api, `SELECT fts5(?1)`). Must run on
     * every connection that writes messages or reads the index, before the migrations: the index's table and
     * triggers need it. False with @p error set when FTS5 is missing.
     */
    static bool registerWith(sqlite3* db, QString* error);
};

} // namespace lanchat
