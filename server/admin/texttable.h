#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace lanchat {

/**
 * A plain-text table for the admin commands' terminal output (`user list`, `group list`, `stats`): every
 * column but the last is padded to its widest cell plus a gap. Widths are terminal columns, not characters:
 * CJK ideographs and full-width punctuation take two columns, combining marks none, so the columns stay
 * aligned in Chinese headers and with Chinese display names.
 */
class TextTable
{
public:
    /** @p gap: spaces between two columns. */
    explicit TextTable(int gap = 2);

    /** Appends one row; rows may have different numbers of cells. */
    void addRow(const QStringList& cells);
    /** The rendered lines, without line ends and without trailing spaces. */
    QStringList lines() const;

    /** Terminal columns that @p text takes in a monospace terminal (East Asian Wide and Fullwidth count 2). */
    static int displayWidth(QStringView text);

private:
    int m_gap;
    QList<QStringList> m_rows;
};

} // namespace lanchat
