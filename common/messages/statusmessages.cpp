#include "statusmessages.h"

#include "../protocol.h"
#include "messagecodec.h"

namespace lanchat {

using detail::finish;
using detail::typed;

bool status::isSettable(const QString& name)
{
    return name == QLatin1String(kOnline) || name == QLatin1String(kAway) || name == QLatin1String(kBusy) ||
           name == QLatin1String(kDnd);
}

bool status::isValidText(const QString& text)
{
    qsizetype codePoints = 0;
    for (const char32_t c : text.toUcs4()) {
        if (++codePoints > protocol::kMaxStatusTextChars)
            return false;
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            return false;
    }
    return true;
}

QCborMap SetStatus::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("status"), status);
    if (!statusText.isEmpty())
        m.insert(QLatin1String("status_text"), statusText);
    return m;
}

std::optional<SetStatus> SetStatus::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    SetStatus x;
    x.status = r.text("status", protocol::kMaxStatusNameBytes);
    // Bytes bound only against abuse; the character limit is the handler's rule (4 bytes per code point at most).
    x.statusText = r.text("status_text", protocol::kMaxStatusTextChars * 4, false);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
