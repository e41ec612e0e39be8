#pragma once

#include <QStringList>

namespace lanchat::bench {

/**
 * The vocabulary of the search benchmark's generated office chat (CorpusGenerator). Each list is ordered from the
 * most to the least frequent word: the generator draws from it with a Zipf-like weight by rank, so a few words
 * (会议, 项目, the) are everywhere and most are rare, as in real chat.
 */
struct CorpusWords
{
    /** Chinese words of 1–4 characters, about 400. */
    static const QStringList& chinese();
    /** English words, lower case, about 200. */
    static const QStringList& english();
    /** Stems of file names ("季度报告", "meeting-notes"); the generator adds a version and an extension. */
    static const QStringList& fileStems();
    /** File extensions without the dot. */
    static const QStringList& fileExtensions();
    /** Chinese sentence ends and separators ("，", "。", "？", "！", "～"), and a few full-width forms. */
    static const QStringList& chinesePunctuation();
};

} // namespace lanchat::bench
