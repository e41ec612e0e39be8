#pragma once

#include "ids.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

class CborFrameWriter;
enum class MessageKind;

/**
 * What a reply shows of the message it answers (wire: the `reply` map of a Message, docs/protocol.md 6.7):
 * `{seq, sender, kind, excerpt}` while the original can be shown, `{seq, recalled: true}` once it was recalled,
 * `{seq}` alone once retention removed it. Filled by the server when it reads the reply, never stored.
 */
struct ReplyQuote
{
    /** Longest excerpt, in Unicode code points. */
    static constexpr int kMaxExcerptChars = 100;

    Seq seq = 0;            ///< the original's seq, in the same conversation
    bool available = false; ///< sender, kind and excerpt are known (false when recalled or removed)
    UserId sender;          ///< invalid (0) for a system message
    MessageKind kind{};     ///< only when available
    QString excerpt;        ///< first line of the text, at most kMaxExcerptChars; the file name for a file
    bool recalled = false;  ///< the original was recalled: nothing of its content may be shown

    /**
     * The first line of @p text, cut to at most kMaxExcerptChars code points (never inside a surrogate pair);
     * an ellipsis is not added: the client decides how to mark a cut.
     */
    static QString excerptOf(const QString& text);
    /** A quote of @p seq alone: what storage holds before the relay fills it, or an original that is gone. */
    static ReplyQuote seqOnly(Seq seq);

    QCborMap toCbor() const;
    /** Entries of the wire map, then write() them (the push encoder, CborFrameWriter). */
    int fieldCount() const;
    void write(CborFrameWriter& writer) const;
    static std::optional<ReplyQuote> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const ReplyQuote&) const = default;
};

} // namespace lanchat
