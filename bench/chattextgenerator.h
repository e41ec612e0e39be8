#pragma once

#include "corpusrandom.h"
#include "zipfsampler.h"

#include <QString>

namespace lanchat::bench {

/**
 * One line of generated office chat at a time, from CorpusWords with Zipf-like word frequencies: 40 % pure Chinese
 * (2–14 words, with Chinese punctuation), 20 % pure English, 40 % mixed (Chinese with English terms, numbers,
 * "Q3", times, versions, percentages between them, as people write "明天 deploy 到 staging"), and file names
 * ("季度报告_v2.pdf", "meeting-notes_20261207.docx") for file messages. Deterministic for a given CorpusRandom.
 */
class ChatTextGenerator
{
public:
    explicit ChatTextGenerator(CorpusRandom& random);

    QString text();
    QString fileName();

private:
    QString chinese();
    QString english();
    QString mixed();
    /** A Latin token of a mixed line: an English word, a number, a quarter, a time, a version or a percentage. */
    QString latinToken();
    QString chineseWord(const QString& previous = {}) const;
    QString englishWord(const QString& previous = {}) const;

    CorpusRandom& m_random;
    ZipfSampler m_chinese;
    ZipfSampler m_english;
    ZipfSampler m_stems;
};

} // namespace lanchat::bench
