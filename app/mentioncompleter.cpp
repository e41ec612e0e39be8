#include "mentioncompleter.h"

#include <QScrollBar>

#include <algorithm>

namespace lanchat {

MentionCompleter::MentionCompleter(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("mentionCompleter"));
    setFocusPolicy(Qt::NoFocus);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(true);
    hide();
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int i = row(item);
        if (i >= 0 && i < m_candidates.size())
            Q_EMIT picked(m_candidates.at(i));
    });
}

void MentionCompleter::showCandidates(const QList<MentionCandidate>& candidates, const QPoint& bottomLeft)
{
    m_candidates = candidates;
    clear();
    for (const MentionCandidate& c : candidates) {
        //: a row of the @ completer: display name and username; everyone reads e.g. "Everyone (@all)"
        const QString text = c.everyone ? tr("Everyone (@%1)").arg(c.username)
                                        : QStringLiteral("%1  (%2)").arg(c.displayName, c.username);
        addItem(text);
    }
    setCurrentRow(0);
    // The style's own row height (a taller guess leaves an empty band under the last row).
    const int hinted = sizeHintForRow(0);
    const int rowHeight = hinted > 0 ? hinted : fontMetrics().height() + 4;
    const int rows = int(std::min<qsizetype>(candidates.size(), kVisibleRows));
    const int width = std::clamp(sizeHintForColumn(0) + 2 * frameWidth() + 24, 220, 420);
    const int height = rows * rowHeight + 2 * frameWidth();
    setGeometry(bottomLeft.x(), std::max(0, bottomLeft.y() - height), width, height);
    show();
    raise();
}

void MentionCompleter::moveSelection(int delta)
{
    if (count() == 0)
        return;
    setCurrentRow(((currentRow() + delta) % count() + count()) % count());
    scrollToItem(currentItem());
}

std::optional<MentionCandidate> MentionCompleter::current() const
{
    const int i = currentRow();
    if (isHidden() || i < 0 || i >= m_candidates.size())
        return std::nullopt;
    return m_candidates.at(i);
}

} // namespace lanchat
