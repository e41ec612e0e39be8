#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QString>

namespace lanchat {

/**
 * Marks the @mentions in a message bubble's HTML (MessageDelegate::prepareDocument): a mention of someone else
 * in the link colour, a mention of the user — by name or `@all` — bold on a yellow background, so it stands out
 * as in the messengers our users know. Reads only the MessagesModel mention roles. GUI thread only.
 */
class MentionHighlighter
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::MentionHighlighter)

public:
    /** @p html: the message text, already HTML-escaped; returns it with the mentions of @p index wrapped in spans. */
    static QString highlight(QString html, const QModelIndex& index);
    /** The word after @ that mentions everyone in this language ("all", "所有人"); "all" is understood in any. */
    static QString everyoneWord();
};

} // namespace lanchat
