#pragma once

#include "mentionmatcher.h"

#include <QList>
#include <QListWidget>

#include <optional>

namespace lanchat {

/**
 * The list of members the @ completer offers, shown over the message input. A plain child widget of the
 * window, never focused: the input keeps the keyboard, and MentionController moves the selection (Up/Down) and
 * picks (Enter/Tab) for it; a mouse click picks directly (picked()). GUI thread only.
 */
class MentionCompleter : public QListWidget
{
    Q_OBJECT

public:
    /** Most rows shown at once; more scroll. */
    static constexpr int kVisibleRows = 6;

    explicit MentionCompleter(QWidget* parent);

    /** Shows @p candidates (not empty) with the first selected, its bottom-left corner at @p bottomLeft. */
    void showCandidates(const QList<MentionCandidate>& candidates, const QPoint& bottomLeft);
    /** Moves the selection by @p delta rows, wrapping around. */
    void moveSelection(int delta);
    /** The selected entry; nullopt when hidden or empty. */
    std::optional<MentionCandidate> current() const;
    const QList<MentionCandidate>& candidates() const { return m_candidates; }

Q_SIGNALS:
    /** The user clicked @p candidate. */
    void picked(const lanchat::MentionCandidate& candidate);

private:
    QList<MentionCandidate> m_candidates;
};

} // namespace lanchat
