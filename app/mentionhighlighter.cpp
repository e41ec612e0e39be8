#include "mentionhighlighter.h"

#include "modelroles.h"

#include <QRegularExpression>
#include <QStringList>

namespace lanchat {

namespace {

const QString kOtherStyle = QStringLiteral("color: #1a5fb4;");
const QString kOwnStyle = QStringLiteral("color: #1f1f1f; background-color: #ffe27a; font-weight: 600;");

/** Wraps every `@name` of @p html that ends at a space, punctuation or the end in a span of @p style. */
void wrap(QString& html, const QString& name, const QString& style)
{
    if (name.isEmpty())
        return;
    const QRegularExpression token(
        QStringLiteral("(@%1)(?=$|[\\s,.;:!?，。！？、<&])").arg(QRegularExpression::escape(name.toHtmlEscaped())));
    html.replace(token, QStringLiteral("<span style=\"%1\">\\1</span>").arg(style));
}

} // namespace

QString MentionHighlighter::highlight(QString html, const QModelIndex& index)
{
    const QString ownName = index.data(roles::MessageMentionOwnName).toString();
    for (const QString& name : index.data(roles::MessageMentionNames).toStringList()) {
        if (name != ownName)
            wrap(html, name, kOtherStyle);
    }
    wrap(html, ownName, kOwnStyle);
    if (index.data(roles::MessageMentionAll).toBool()) {
        const bool mine = index.data(roles::MessageMentionsMe).toBool();
        wrap(html, QStringLiteral("all"), mine ? kOwnStyle : kOtherStyle);
        if (everyoneWord() != QLatin1String("all"))
            wrap(html, everyoneWord(), mine ? kOwnStyle : kOtherStyle);
    }
    return html;
}

QString MentionHighlighter::everyoneWord()
{
    //: the word after @ that mentions every member of a group, as typed in a message: "@all"
    return tr("all");
}

} // namespace lanchat
