#include "replyquote.h"

#include "cborfieldreader.h"
#include "cborframewriter.h"
#include "messagerecord.h"
#include "protocol.h"

namespace lanchat {

QString ReplyQuote::excerptOf(const QString& text)
{
    qsizetype end = text.indexOf(u'\n');
    if (end < 0)
        end = text.size();
    qsizetype cut = 0;
    for (int points = 0; cut < end && points < kMaxExcerptChars; ++points)
        cut += (text.at(cut).isHighSurrogate() && cut + 1 < end && text.at(cut + 1).isLowSurrogate()) ? 2 : 1;
    QString line = text.left(cut);
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

ReplyQuote ReplyQuote::seqOnly(Seq seq)
{
    ReplyQuote quote;
    quote.seq = seq;
    return quote;
}

int ReplyQuote::fieldCount() const
{
    return 1 + (available ? 3 : 0) + (recalled ? 1 : 0);
}

void ReplyQuote::write(CborFrameWriter& w) const
{
    w.key("seq");
    w.number(seq);
    if (available) {
        w.key("sender");
        w.number(sender.value());
        w.key("kind");
        w.text(messageKindName(kind));
        w.key("excerpt");
        w.text(QStringView(excerpt));
    }
    if (recalled) {
        w.key("recalled");
        w.boolean(true);
    }
}

QCborMap ReplyQuote::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("seq"), seq);
    if (available) {
        m.insert(QLatin1String("sender"), sender.value());
        m.insert(QLatin1String("kind"), messageKindName(kind));
        m.insert(QLatin1String("excerpt"), excerpt);
    }
    if (recalled)
        m.insert(QLatin1String("recalled"), true);
    return m;
}

std::optional<ReplyQuote> ReplyQuote::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ReplyQuote q;
    q.seq = r.uint("seq");
    q.recalled = r.boolean("recalled", false);
    // Without kind and excerpt the original is gone (recalled or removed): show no content.
    q.available = !q.recalled && r.has("kind") && r.has("excerpt");
    if (q.available) {
        q.sender = UserId(r.uint("sender", false));
        q.kind = messageKindFromName(r.text("kind", 16));
        // 100 code points are at most 400 bytes of UTF-8; a file name at most 255 bytes.
        q.excerpt = r.text("excerpt", 4 * kMaxExcerptChars);
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return q;
}

} // namespace lanchat
