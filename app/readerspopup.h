#pragma once

#include <QFrame>
#include <QPersistentModelIndex>
#include <QStringList>

class QLabel;
class QListWidget;
class QMenu;

namespace lanchat {

/**
 * Who has read an own group message and who has not (MessagesModel's MessageReaderNames and
 * MessageNonReaderNames): a small popup with two sections, "Read" and "Not read yet", each a count and the
 * names. It follows read receipts that arrive while it is open and closes on a click outside or Escape. Opened
 * by a click on the "N/M read" label (ReadReceiptLabel) or from the message's context menu. GUI thread only.
 */
class ReadersPopup : public QFrame
{
    Q_OBJECT

public:
    /** Opens the list of message @p index at @p globalPos (kept on the screen); deletes itself when closed. */
    static ReadersPopup* open(const QModelIndex& index, QWidget* parent, const QPoint& globalPos);
    /**
     * Adds "Who has read it" to @p menu when message @p index opens the list (ReadReceiptLabel::opensList), to
     * open it at @p globalPos.
     */
    static void addMenuAction(QMenu& menu, const QModelIndex& index, bool group, QWidget* parent,
                              const QPoint& globalPos);

    /** The names shown in the "Read" section, in display order. */
    QStringList readers() const { return m_readers; }
    /** The names shown in the "Not read yet" section, in display order. */
    QStringList nonReaders() const { return m_nonReaders; }

private:
    ReadersPopup(const QModelIndex& index, QWidget* parent);
    void refresh();
    void changeEvent(QEvent* event) override;

    QPersistentModelIndex m_index;
    QStringList m_readers;
    QStringList m_nonReaders;
    QLabel* m_readHeader;
    QListWidget* m_readList;
    QLabel* m_readEmpty;
    QLabel* m_unreadHeader;
    QListWidget* m_unreadList;
    QLabel* m_unreadEmpty;
};

} // namespace lanchat
