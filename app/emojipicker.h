#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QTabWidget;

namespace lanchat {

/**
 * A popup grid of emoji (EmojiCatalog) in tabs by group, under a "Recently used" row. Click, or Enter on the
 * current one, picks an emoji (emojiPicked()) and closes the popup; arrow keys move in a grid, Tab moves between
 * the recent row, the tabs and the grid, Esc closes without picking. GUI thread only.
 */
class EmojiPicker : public QFrame
{
    Q_OBJECT

public:
    explicit EmojiPicker(QWidget* parent = nullptr);
    ~EmojiPicker() override;

    /** Fills the "Recently used" row (most recent first); hidden while @p recent is empty. */
    void setRecent(const QStringList& recent);
    /** Shows the popup with its bottom-left corner at @p globalBottomLeft (kept on the screen), focus in a grid. */
    void popup(const QPoint& globalBottomLeft);

    QListWidget* recentList() const { return m_recent; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void emojiPicked(const QString& emoji);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QListWidget* makeGrid(const QStringList& emoji);
    void retranslateUi();
    void onActivated(QListWidgetItem* item);

    QLabel* m_recentLabel = nullptr;
    QListWidget* m_recent = nullptr;
    QTabWidget* m_tabs = nullptr;
};

} // namespace lanchat
