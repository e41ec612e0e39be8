#pragma once

#include "itembackgrounddelegate.h"

#include <QStringList>

namespace lanchat {

/**
 * A row of the search results (SearchResultsModel): the conversation's title and the message's time on the first
 * line (a file icon in front of a file hit), the sender and the excerpt on the second, the matched parts in bold on
 * an accent background. When the excerpt is wider than the row, plain text before the first match is cut (with "…")
 * so the match stays in sight. GUI thread.
 */
class SearchHitDelegate : public ItemBackgroundDelegate
{
    Q_OBJECT

public:
    explicit SearchHitDelegate(QObject* parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /**
     * @p pieces (even: plain, odd: matched) shortened at the front so that the text up to the end of the first
     * match is at most @p width pixels wide in @p metrics of the bold font, or as short as it gets ("…" + match).
     */
    static QStringList keepFirstMatchInSight(QStringList pieces, const QFontMetrics& metrics, int width);

private:
    void paintSnippet(QPainter* painter, const QRect& rect, const QStringList& pieces,
                      const QStyleOptionViewItem& option) const;
};

} // namespace lanchat
