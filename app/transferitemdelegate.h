#pragma once

#include "itembackgrounddelegate.h"

namespace lanchat {

/**
 * Renders the transfers table from TransferManager's roles, so every visible text is translated here:
 * a progress bar with percentage and bytes, speed, remaining time, and the state (with the translated
 * reason when failed, ErrorText).
 */
class TransferItemDelegate : public ItemBackgroundDelegate
{
    Q_OBJECT

public:
    explicit TransferItemDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

    /** Translated name of a TransferManager::State value. */
    static QString stateText(int state);
};

} // namespace lanchat
