#include "searchtokenizer.h"

#include <QByteArray>

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace lanchat {

namespace {

const icu::Normalizer2* foldingNormalizer()
{
    static const icu::Normalizer2* const normalizer = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
        return U_SUCCESS(status) ? instance : nullptr;
    }();
    return normalizer;
}

/** NFKC case folding of the UTF-8 @p text into @p out. */
void fold(std::string_view text, std::string& out)
{
    out.clear();
    const icu::Normalizer2* normalizer = foldingNormalizer();
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (!normalizer) {
        source.toUTF8String(out);
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = normalizer->normalize(source, status);
    (U_SUCCESS(status) ? folded : source).toUTF8String(out);
}

enum class CharClass
{
    Separator,
    Ideograph,
    WordChar,
    Mark,
};

bool isLetterOrNumber(UChar32 c)
{
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

CharClass classify(UChar32 c)
{
    if (c < 0x80) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return alnum ? CharClass::WordChar : CharClass::Separator;
    }
    if (isLetterOrNumber(c)) {
        // Script extensions, so that marks used by several of these scripts (ー, 々) count as ideographs too.
        if (uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
            uscript_hasScript(c, USCRIPT_KATAKANA) || uscript_hasScript(c, USCRIPT_HANGUL))
            return CharClass::Ideograph;
        return CharClass::WordChar;
    }
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)
        return CharClass::Mark;
    return CharClass::Separator;
}

bool isAscii(std::string_view text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

struct FtsContext
{
    void* ctx;
    int (*xToken)(void*, int, const char*, int, int, int);
    int rc = SQLITE_OK;
};

int createTokenizer(void*, const char**, int, Fts5Tokenizer** out)
{
    // Stateless: any non-null pointer will do.
    static int instance = 0;
    *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer*) {}

int ftsTokenize(Fts5Tokenizer*, void* ctx, int, const char* text, int length,
                int (*xToken)(void*, int, const char*, int, int, int))
{
    FtsContext context{ctx, xToken};
    SearchTokenizer::tokenize(
        std::string_view(text, length > 0 ? static_cast<size_t>(length) : 0), [&context](const SearchToken& token) {
            context.rc = context.xToken(context.ctx, 0, token.term.data(), static_cast<int>(token.term.size()),
                                        token.start, token.end);
            return context.rc == SQLITE_OK;
        });
    return context.rc;
}

} // namespace

void SearchTokenizer::tokenize(std::string_view utf8, const Sink& sink)
{
    const char* s = utf8.data();
    const auto n = static_cast<int32_t>(utf8.size());
    SearchToken token;
    int32_t wordStart = -1;
    // Ends the word being collected at byte @p end; false when the sink asked to stop.
    const auto flushWord = [&](int32_t end) {
        if (wordStart < 0)
            return true;
        const std::string_view word = utf8.substr(static_cast<size_t>(wordStart), static_cast<size_t>(end - wordStart));
        if (isAscii(word)) {
            token.term.assign(word);
            for (char& c : token.term)
                c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else {
            fold(word, token.term);
        }
        token.start = wordStart;
        token.end = end;
        token.ideograph = false;
        wordStart = -1;
        return token.term.empty() || sink(token);
    };
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        const CharClass cls = c < 0 ? CharClass::Separator : classify(c);
        if (cls == CharClass::WordChar || (cls == CharClass::Mark && wordStart >= 0)) {
            if (wordStart < 0)
                wordStart = start;
            continue;
        }
        if (!flushWord(start))
            return;
        if (cls != CharClass::Ideograph)
            continue;
        const std::string_view character = utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
        const icu::Normalizer2* normalizer = foldingNormalizer();
        if (normalizer && normalizer->isInert(c))
            token.term.assign(character);
        else
            fold(character, token.term);
        token.start = start;
        token.end = i;
        token.ideograph = true;
        if (!token.term.empty() && !sink(token))
            return;
    }
    flushWord(n);
}

std::vector<SearchToken> SearchTokenizer::tokenize(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    std::vector<SearchToken> tokens;
    tokenize(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())), [&tokens](const SearchToken& token) {
        tokens.push_back(token);
        return true;
    });
    return tokens;
}

bool SearchTokenizer::registerWith(sqlite3* db, QString* error)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (db && sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!api || api->iVersion < 2) {
        if (error)
            *error = QStringLiteral("this SQLite library has no FTS5 (the search index needs it)");
        return false;
    }
    fts5_tokenizer tokenizer{&createTokenizer, &deleteTokenizer, &ftsTokenize};
    if (api->xCreateTokenizer(api, kName, nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        if (error)
            *error =
                QStringLiteral("cannot register the search tokenizer: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    return true;
}

} // namespace lanchat
