#include "emojipicker.h"

#include "emojicatalog.h"

#include <QEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lanchat {

namespace {

constexpr int kColumns = 12;
constexpr int kCell = 36;
constexpr int kGridRows = 5;

QFont emojiFont(const QFont& base)
{
    QFont font = base;
    // The colour font first: plain fonts (DejaVu) have black-and-white glyphs for some of these characters.
    font.setFamilies({QStringLiteral("Noto Color Emoji"), base.family()});
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 1.6 : 16);
    return font;
}

} // namespace

EmojiPicker::EmojiPicker(QWidget* parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("emojiPicker"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_StyledBackground);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(4);
    m_recentLabel = new QLabel(this);
    m_recent = makeGrid({});
    m_recent->setObjectName(QStringLiteral("recentEmoji"));
    layout->addWidget(m_recentLabel);
    layout->addWidget(m_recent);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    for (const EmojiCatalog::Group group : EmojiCatalog::groups()) {
        QListWidget* grid = makeGrid(EmojiCatalog::emoji(group));
        grid->setFixedHeight(kGridRows * kCell + 2 * grid->frameWidth() + 2);
        m_tabs->addTab(grid, QString());
    }
    layout->addWidget(m_tabs);
    setRecent({});
    retranslateUi();
}

EmojiPicker::~EmojiPicker() = default;

QListWidget* EmojiPicker::makeGrid(const QStringList& emoji)
{
    auto* grid = new QListWidget(this);
    grid->setViewMode(QListView::IconMode);
    grid->setFlow(QListView::LeftToRight);
    grid->setWrapping(true);
    grid->setResizeMode(QListView::Adjust);
    grid->setMovement(QListView::Static);
    grid->setUniformItemSizes(true);
    grid->setGridSize(QSize(kCell, kCell));
    grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    grid->setFont(emojiFont(font()));
    grid->setFixedWidth(kColumns * kCell + grid->style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                        2 * grid->frameWidth() + 4);
    for (const QString& e : emoji) {
        auto* item = new QListWidgetItem(e, grid);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(kCell, kCell));
    }
    // Enter and double-click emit activated; a single click picks as well, as in every emoji picker.
    connect(grid, &QListWidget::itemActivated, this, &EmojiPicker::onActivated);
    connect(grid, &QListWidget::itemClicked, this, &EmojiPicker::onActivated);
    return grid;
}

void EmojiPicker::setRecent(const QStringList& recent)
{
    m_recent->clear();
    for (const QString& e : recent) {
        auto* item = new QListWidgetItem(e, m_recent);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint(QSize(kCell, kCell));
    }
    const int rows = (int(recent.size()) + kColumns - 1) / kColumns;
    m_recent->setFixedHeight(qMax(rows, 1) * kCell + 2 * m_recent->frameWidth() + 2);
    m_recentLabel->setVisible(!recent.isEmpty());
    m_recent->setVisible(!recent.isEmpty());
    adjustSize();
}

void EmojiPicker::popup(const QPoint& globalBottomLeft)
{
    adjustSize();
    QPoint topLeft = globalBottomLeft - QPoint(0, height());
    if (const QScreen* screen = QGuiApplication::screenAt(globalBottomLeft)) {
        const QRect area = screen->availableGeometry();
        topLeft.setX(qBound(area.left(), topLeft.x(), area.right() - width()));
        topLeft.setY(qBound(area.top(), topLeft.y(), area.bottom() - height()));
    }
    move(topLeft);
    show();
    QListWidget* first = m_recent->count() > 0 ? m_recent : qobject_cast<QListWidget*>(m_tabs->currentWidget());
    first->setFocus();
    if (!first->currentItem() && first->count() > 0)
        first->setCurrentRow(0);
}

void EmojiPicker::onActivated(QListWidgetItem* item)
{
    // A click can arrive as both clicked and activated (single-click styles): pick once.
    if (!item || !isVisible())
        return;
    const QString emoji = item->text();
    close();
    Q_EMIT emojiPicked(emoji);
}

void EmojiPicker::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

void EmojiPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void EmojiPicker::retranslateUi()
{
    //: heading of the emoji picker's row of emoji the user picked lately
    m_recentLabel->setText(tr("Recently used"));
    const QList<EmojiCatalog::Group> groups = EmojiCatalog::groups();
    for (int i = 0; i < groups.size(); ++i)
        m_tabs->setTabText(i, EmojiCatalog::title(groups.at(i)));
}

} // namespace lanchat
