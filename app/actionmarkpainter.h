#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QRect>

class QModelIndex;
class QPainter;

namespace lanchat {

/**
 * What recall and edit add to a message row: the centred grey line that stands where a recalled message was
 * ("You recalled a message", with a "Re-edit" link after the user's own recalled text message, as WeChat does) and
 * the small "edited" mark beside an edited bubble. Stateless; GUI thread only.
 */
class ActionMarkPainter
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::ActionMarkPainter)

public:
    /** Paints the recall line of @p index centred in @p line, in @p font (the delegate's small font). */
    static void paintRecallLine(QPainter* painter, const QRect& line, const QModelIndex& index, const QFont& font);
    /** Where the "Re-edit" link of paintRecallLine() is; null when the row offers none. */
    static QRect reEditRect(const QRect& line, const QModelIndex& index, const QFont& font);
    /**
     * Paints "edited" beside @p bubble when the message of @p index was edited: to its left for the user's own
     * messages (@p own), to its right for others'. Nothing for a message never edited.
     */
    static void paintEditedMark(QPainter* painter, const QRect& bubble, bool own, const QModelIndex& index,
                                const QFont& font);

private:
    static QString reEditLabel() { return tr("Re-edit"); }
};

} // namespace lanchat
