#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lanchat {

/**
 * How a name is read aloud in Mandarin: its syllables, in order, from ICU's Han-Latin transliteration (no
 * hand-made table). A Han character is one syllable ("王小明" → wang, xiao, ming); any other run of letters and
 * digits is one syllable as it is written ("Alice 王" → alice, wang); spaces and punctuation only separate.
 *
 * Person names are read with "Han-Latin/Names", which gives polyphonic surnames their surname reading
 * (单 shan, 曾 zeng, 解 xie; plain Han-Latin says dan, ceng, jie); titles (group names) use plain "Han-Latin".
 *
 * Creating an ICU transliterator takes about half a second and one instance must not be used by two threads at
 * once, so each thread creates its own on first use and keeps it. Readings are cached (shared by all threads, at
 * most 20,000 texts), so a contact list is transliterated once, not at every keystroke, and prepare() can do it
 * in the background before the user types. Callable from any thread.
 */
class PinyinReading
{
public:
    /** Which transliteration the text gets. */
    enum class Style
    {
        PersonName, ///< "Han-Latin/Names": a user's display name
        Title,      ///< "Han-Latin": a group title or any other text
    };

    /** One syllable of a reading. */
    struct Syllable
    {
        QString latin; ///< never empty: pinyin in lowercase ASCII without tones ("lü" → "lu") for a Han character,
                       ///< the case-folded word for anything else
        QString han;   ///< the Han character it was read from, case folded; empty for a Latin word
    };

    /** The syllables of @p text (at most 256 characters are read), in order; empty if it has no letters. */
    static QList<Syllable> syllables(const QString& text, Style style);

    /**
     * Reads @p texts into the cache on a QThreadPool thread and returns at once, so the first keystroke of a
     * search does not wait for ICU (about half a second to set up, then ~0.1 ms per name).
     */
    static void prepare(const QStringList& texts, Style style);
};

} // namespace lanchat
