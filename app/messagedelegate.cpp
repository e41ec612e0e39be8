#include "messagedelegate.h"

#include "actionmarkpainter.h"
#include "avatarpainter.h"
#include "avatarpixmaps.h"
#include "displayformat.h"
#include "errorcode.h"
#include "filebubblepainter.h"
#include "icons.h"
#include "mentionhighlighter.h"
#include "messagerecord.h"
#include "modelroles.h"
#include "noticecardpainter.h"
#include "quotepainter.h"
#include "readreceiptlabel.h"
#include "textselection.h"
#include "theme.h"
#include "transfermanager.h"

#include <QAbstractScrollArea>
#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>

#include <cmath>

namespace lanchat {

namespace {

constexpr int kMargin = 12;
constexpr int kAvatar = 32;
constexpr int kPadH = 10;
constexpr int kPadV = 7;
constexpr int kStatusWidth = 96;
constexpr int kGroupGapSecs = 5 * 60;
constexpr QSize kThumbMax(240, 180);
// The Theme's current colours: they change with a light/dark switch.
const QColor& kOwnBubble = Theme::colors().ownBubble;
const QColor& kOtherBubble = Theme::colors().otherBubble;
const QColor& kBorder = Theme::colors().bubbleBorder;
const QColor& kMuted = Theme::colors().muted;
const QColor& kLink = Theme::colors().link;
const QColor& kError = Theme::colors().error;
const QColor& kText = Theme::colors().text;

bool isImageName(const QString& name)
{
    const QByteArray suffix = QFileInfo(name).suffix().toLower().toLatin1();
    return QImageReader::supportedImageFormats().contains(suffix);
}

// QListView asks sizeHint() with an empty rect; the row is as wide as the viewport.
QRect rowRect(const QStyleOptionViewItem& option)
{
    QRect rect = option.rect;
    if (const auto* view = qobject_cast<const QAbstractScrollArea*>(option.widget))
        rect.setWidth(view->viewport()->width());
    return rect;
}

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8.5);
    return f;
}

} // namespace

struct MessageDelegate::Layout
{
    QRect day;
    QRect header;
    QRect avatar;
    QRect bubble;
    QRect content;
    QRect quote; ///< a reply's quote block (QuotePainter), above the content
    QRect thumb;
    FileBubblePainter::Line fileLine; ///< file messages: state, progress and actions under the name
    QRect status;
    QRect retry; ///< the "Retry" link of a refused message, inside status
    bool own = false;
    bool system = false;
    bool notice = false; ///< an administrator's notice in the announcement channel: drawn as a card
    bool file = false;
    int height = 0;
};

MessageDelegate::MessageDelegate(TransferManager* transfers, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_transfers(transfers)
    , m_textSizes(20000)
    , m_thumbnails(64 * 1024) // cost in KiB of pixels: about 64 MiB of thumbnails
{}

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::clearCaches()
{
    m_textSizes.clear();
    m_thumbnails.clear();
}

void MessageDelegate::prepareDocument(QTextDocument& doc, const QModelIndex& index, const QFont& font) const
{
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"]+|www\.[^\s<>"]+))"));
    QString html = index.data(roles::MessageText).toString().toHtmlEscaped();
    html.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    html = MentionHighlighter::highlight(html, index);
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(QStringLiteral("a { color: %1; }").arg(kLink.name()));
    doc.setHtml(QStringLiteral("<span style=\"white-space: pre-wrap\">") + html + QStringLiteral("</span>"));
}

QString MessageDelegate::downloadedPath(const QModelIndex& index) const
{
    if (!m_transfers)
        return {};
    const QString path = m_transfers->downloadedPath(index.data(roles::MessageFileSha256).toByteArray());
    // A download may have been moved or deleted since; then offer the download again.
    if (!path.isEmpty() && !QFileInfo::exists(path))
        return {};
    return path;
}

const QPixmap* MessageDelegate::thumbnail(const QString& path) const
{
    if (const QPixmap* cached = m_thumbnails.object(path))
        return cached;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    // Decoded at the screen's scale (2× at 200 %, as far as the picture has the pixels) so the thumbnail is
    // as sharp as the text around it, at the same logical size.
    const QSize logical = full.isValid() ? full.scaled(kThumbMax.boundedTo(full), Qt::KeepAspectRatio) : QSize();
    if (full.isValid())
        reader.setScaledSize((QSizeF(logical) * qApp->devicePixelRatio()).toSize().boundedTo(full));
    const QImage image = reader.read();
    if (image.isNull())
        return nullptr;
    auto* pixmap = new QPixmap(QPixmap::fromImage(image));
    if (!logical.isEmpty())
        pixmap->setDevicePixelRatio(qreal(image.width()) / logical.width());
    const QPixmap* result = pixmap;
    m_thumbnails.insert(path, pixmap, qMax(1, int(image.sizeInBytes() / 1024)));
    return result;
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Layout l;
    const QRect row = rowRect(option);
    const QFontMetrics fm(option.font);
    const QFontMetrics sfm(smallFont(option.font));
    const int width = row.width();
    const QDateTime ts = index.data(roles::MessageTimestamp).toDateTime();
    const qint64 sender = index.data(roles::MessageSenderId).toLongLong();
    const QModelIndex prev = index.sibling(index.row() - 1, 0);
    const QDateTime prevTs = prev.isValid() ? prev.data(roles::MessageTimestamp).toDateTime() : QDateTime();
    const bool newDay = !prev.isValid() || prevTs.date() != ts.date();
    const bool groupStart = newDay || prev.data(roles::MessageSenderId).toLongLong() != sender ||
                            prevTs.secsTo(ts) > kGroupGapSecs ||
                            prev.data(roles::MessageKind).toInt() == int(MessageKind::System);
    l.own = index.data(roles::MessageIsOwn).toBool();
    l.system = index.data(roles::MessageKind).toInt() == int(MessageKind::System) ||
               index.data(roles::MessageRecalled).toBool();
    l.file = index.data(roles::MessageKind).toInt() == int(MessageKind::File);

    int y = row.top() + (groupStart ? 6 : 2);
    if (newDay) {
        l.day = QRect(row.left(), y, width, sfm.height() + 14);
        y = l.day.bottom() + 1;
    }
    if (l.system && index.data(roles::MessageIsAnnouncement).toBool()) {
        l.notice = true;
        l.content = NoticeCardPainter::cardRect(option, row, y + 4, index.data(roles::MessageText).toString());
        l.height = l.content.bottom() + 8 - row.top();
        return l;
    }
    if (l.system) {
        l.content = QRect(row.left() + kMargin, y + 4, width - 2 * kMargin, sfm.height());
        l.height = l.content.bottom() + 6 - row.top();
        return l;
    }
    if (groupStart) {
        l.header = QRect(row.left() + kMargin + kAvatar + 8, y, width - 2 * (kMargin + kAvatar + 8), sfm.height() + 2);
        y = l.header.bottom() + 3;
    }
    // A line of at most about 70 characters at any font size, else all the room beside avatar and status: a
    // larger font must not wrap sooner than the default one does.
    const int room = width - 2 * kMargin - kAvatar - 8 - kStatusWidth - 2 * kPadH;
    const int maxContent = qMax(120, qMin(room, fm.averageCharWidth() * 70));
    QSize content;
    if (l.file) {
        const QString path = downloadedPath(index);
        const QPixmap* thumb = (!path.isEmpty() && isImageName(path)) ? thumbnail(path) : nullptr;
        const QSize thumbSize = thumb ? thumb->deviceIndependentSize().toSize() : QSize();
        content = QSize(qMin(maxContent, qMax(240, thumbSize.width())), 3 * fm.height() + 6);
        if (thumb) {
            l.thumb = QRect(0, 0, thumbSize.width(), thumbSize.height());
            content.rheight() += thumbSize.height() + 6;
        }
    } else {
        const QString key = index.data(roles::MessageClientId).toString() + QLatin1Char('|') +
                            QString::number(index.data(roles::MessageSeq).toLongLong()) + QLatin1Char('|') +
                            QString::number(maxContent) + QLatin1Char('|') + option.font.toString() +
                            index.data(roles::MessageEditedTime).toString();
        if (const QSize* cached = m_textSizes.object(key)) {
            content = *cached;
        } else {
            QTextDocument doc;
            prepareDocument(doc, index, option.font);
            doc.setTextWidth(maxContent);
            const int w = qMin(maxContent, int(std::ceil(doc.idealWidth())));
            doc.setTextWidth(w);
            content = QSize(w, int(std::ceil(doc.size().height())));
            m_textSizes.insert(key, new QSize(content));
        }
    }
    const int quote = QuotePainter::height(index, option.font);
    if (quote > 0)
        content = QSize(qMax(content.width(), qMin(maxContent, QuotePainter::preferredWidth(index, option.font))),
                        content.height() + quote);
    const QSize bubble = content + QSize(2 * kPadH, 2 * kPadV);
    const int left =
        l.own ? row.right() - kMargin - kAvatar - 8 - bubble.width() + 1 : row.left() + kMargin + kAvatar + 8;
    l.bubble = QRect(QPoint(left, y), bubble);
    l.content = l.bubble.adjusted(kPadH, kPadV, -kPadH, -kPadV);
    if (quote > 0) {
        l.quote = QRect(l.content.topLeft(), QSize(l.content.width(), quote - QuotePainter::kGap));
        l.content.setTop(l.content.top() + quote);
    }
    if (groupStart) {
        const int ax = l.own ? row.right() - kMargin - kAvatar + 1 : row.left() + kMargin;
        l.avatar = QRect(ax, l.header.top(), kAvatar, kAvatar);
    }
    if (l.file) {
        l.thumb.moveTopLeft(l.content.topLeft());
        const QRect line(l.content.left(), l.content.bottom() - fm.height() + 1, l.content.width(), fm.height());
        l.fileLine = FileBubblePainter::layout(index, line, option.font, !downloadedPath(index).isEmpty());
    }
    const bool refused = DeliveryState(index.data(roles::MessageDeliveryState).toInt()) == DeliveryState::Failed;
    if (l.own && refused) {
        // The reason needs more room than the slot beside the bubble: a line of its own under it.
        const int top = l.bubble.bottom() + 3;
        l.status = QRect(row.left() + kMargin, top, l.bubble.right() - row.left() - kMargin + 1, sfm.height());
        const int retryWidth = sfm.horizontalAdvance(tr("Retry")) + 2;
        l.retry = QRect(l.status.right() - retryWidth + 1, top, retryWidth, sfm.height());
    } else if (l.own) {
        l.status =
            QRect(l.bubble.left() - kStatusWidth - 6, l.bubble.bottom() - sfm.height(), kStatusWidth, sfm.height());
    }
    l.height = qMax(l.bubble.bottom(), l.avatar.isNull() ? 0 : l.avatar.bottom());
    if (!l.retry.isNull())
        l.height = qMax(l.height, l.status.bottom());
    l.height += 3 - row.top();
    return l;
}

QRect MessageDelegate::senderRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout l = layoutFor(option, index);
    if (l.avatar.isNull() || l.own)
        return l.avatar;
    const QFontMetrics sfm(smallFont(option.font));
    const int name = sfm.horizontalAdvance(index.data(roles::MessageSenderName).toString());
    return l.avatar.united(QRect(l.header.topLeft(), QSize(qMin(name, l.header.width()), l.header.height())));
}

bool MessageDelegate::fileAction(FileBubblePainter::Action action, const QModelIndex& index, const QString& path)
{
    using Action = FileBubblePainter::Action;
    if (FileBubblePainter::runOnTransfer(action, m_transfers, index.data(roles::MessageFileTransferKey).toInt()))
        return true;
    if (action == Action::Download)
        Q_EMIT downloadRequested(index);
    else if (action == Action::Open)
        Q_EMIT openRequested(path);
    else if (action == Action::ShowInFolder)
        Q_EMIT showInFolderRequested(path);
    return action != Action::None;
}

QString MessageDelegate::statusText(const QModelIndex& index) const
{
    const auto state = DeliveryState(index.data(roles::MessageDeliveryState).toInt());
    switch (state) {
    case DeliveryState::Pending:
        // A file's upload progress is in its bubble (FileBubblePainter).
        return index.data(roles::MessageKind).toInt() == int(MessageKind::File) ? QString() : tr("Sending…");
    case DeliveryState::Waiting:
        //: under an own message the client will send by itself as soon as it can (offline, server busy)
        return tr("Waiting to send…");
    case DeliveryState::Failed:
        break;
    case DeliveryState::Sent:
        return ReadReceiptLabel::text(index, m_group);
    }
    const auto code = ErrorCode(index.data(roles::MessageDeliveryError).toInt());
    switch (code) {
    case ErrorCode::Forbidden:
        return m_group ? tr("Not sent: you are not a member of this group")
                       : tr("Not sent: you may not post in this conversation");
    case ErrorCode::NotFound:
        return tr("Not sent: this conversation no longer exists");
    case ErrorCode::InvalidArgument:
        return tr("Not sent: the server does not accept this message (too long?)");
    default:
        //: %1 is a technical error code such as "storage_full"
        return tr("Not sent: refused by the server (%1)").arg(errorCodeName(code));
    }
}
QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return {rowRect(option).width(), layoutFor(option, index).height};
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout l = layoutFor(option, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont small = smallFont(option.font);
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, Theme::colors().selection);
    if (!l.day.isNull()) {
        const QString day = DisplayFormat::day(index.data(roles::MessageTimestamp).toDate());
        painter->setFont(small);
        painter->setPen(kMuted);
        const int tw = QFontMetrics(small).horizontalAdvance(day) + 24;
        const int cy = l.day.center().y();
        painter->drawLine(l.day.left() + kMargin, cy, l.day.center().x() - tw / 2, cy);
        painter->drawLine(l.day.center().x() + tw / 2, cy, l.day.right() - kMargin, cy);
        painter->drawText(l.day, Qt::AlignCenter, day);
    }
    if (l.notice) {
        NoticeCardPainter::paint(painter, option, l.content, index.data(roles::MessageText).toString(),
                                 index.data(roles::MessageTimestamp).toDateTime());
        painter->restore();
        return;
    }
    if (l.system) {
        ActionMarkPainter::paintRecallLine(painter, l.content, index, small);
        painter->restore();
        return;
    }
    const QString time = DisplayFormat::messageTime(index.data(roles::MessageTimestamp).toDateTime());
    if (!l.header.isNull()) {
        painter->setFont(small);
        painter->setPen(kMuted);
        const QString head =
            l.own ? time : index.data(roles::MessageSenderName).toString() + QStringLiteral("  ") + time;
        painter->drawText(l.header, (l.own ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, head);
    }
    if (!l.avatar.isNull()) {
        const QString name = index.data(roles::MessageSenderName).toString();
        AvatarPixmaps::paint(m_avatars, painter, l.avatar, index.data(roles::MessageSenderAvatar).toByteArray(),
                             AvatarPainter::initials(name, AvatarPainter::Kind::Person),
                             index.data(roles::MessageSenderId).toLongLong());
    }
    painter->setPen(l.own ? Qt::NoPen : QPen(kBorder));
    painter->setBrush(l.own ? kOwnBubble : kOtherBubble);
    painter->drawRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    if (!l.quote.isNull())
        QuotePainter::paint(painter, l.quote, index, option.font);
    if (l.file) {
        paintFileCard(painter, l, index, option);
    } else {
        QTextDocument doc;
        prepareDocument(doc, index, option.font);
        doc.setTextWidth(l.content.width());
        painter->translate(l.content.topLeft());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette.setColor(QPalette::Text, kText);
        if (m_selection)
            ctx.selections = m_selection->selectionsFor(index, doc, option.palette);
        doc.documentLayout()->draw(painter, ctx);
        painter->translate(-l.content.topLeft());
    }
    ActionMarkPainter::paintEditedMark(painter, l.bubble, l.own, index, small);
    if (l.own)
        paintStatus(painter, l, index, option);
    painter->restore();
}

void MessageDelegate::paintFileCard(QPainter* painter, const Layout& l, const QModelIndex& index,
                                    const QStyleOptionViewItem& option) const
{
    const QFontMetrics fm(option.font);
    const QString path = downloadedPath(index);
    int y = l.content.top();
    if (!l.thumb.isNull()) {
        if (const QPixmap* thumb = thumbnail(path))
            painter->drawPixmap(l.thumb, *thumb);
        y = l.thumb.bottom() + 7;
    }
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(kText);
    const int iconSide = 2 * fm.height() + 3;
    Icons::fileIcon(index.data(roles::MessageFileName).toString(), Icons::Tone::Link)
        .paint(painter, QRect(l.content.left(), y, iconSide, iconSide));
    const QRect nameRect(l.content.left() + iconSide + 8, y, l.content.width() - iconSide - 8, fm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data(roles::MessageFileName).toString(), Qt::ElideMiddle,
                                                    nameRect.width()));
    painter->setFont(option.font);
    painter->setPen(kMuted);
    painter->drawText(nameRect.translated(0, fm.height() + 3), Qt::AlignLeft | Qt::AlignVCenter,
                      DisplayFormat::size(index.data(roles::MessageFileSize).toLongLong()));
    FileBubblePainter::paint(painter, l.fileLine, option);
}

void MessageDelegate::paintStatus(QPainter* painter, const Layout& l, const QModelIndex& index,
                                  const QStyleOptionViewItem& option) const
{
    const QString text = statusText(index);
    if (text.isEmpty())
        return;
    const QFont small = smallFont(option.font);
    painter->setFont(small);
    if (l.retry.isNull()) {
        painter->setPen(ReadReceiptLabel::opensList(index, m_group) ? kLink : kMuted);
        painter->drawText(l.status, Qt::AlignRight | Qt::AlignVCenter, text);
        return;
    }
    const QFontMetrics sfm(small);
    const QString separator = QStringLiteral(" · ");
    const QRect reason = l.status.adjusted(0, 0, -l.retry.width(), 0);
    painter->setPen(kError);
    painter->drawText(reason, Qt::AlignRight | Qt::AlignVCenter,
                      sfm.elidedText(text, Qt::ElideRight, reason.width() - sfm.horizontalAdvance(separator)) +
                          separator);
    QFont link = small;
    link.setUnderline(true);
    painter->setFont(link);
    painter->setPen(kLink);
    painter->drawText(l.retry, Qt::AlignRight | Qt::AlignVCenter, tr("Retry"));
}

QRect MessageDelegate::readLabelRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return ReadReceiptLabel::linkRect(layoutFor(option, index).status, index, m_group, smallFont(option.font));
}

bool MessageDelegate::activate(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const Layout l = layoutFor(option, index);
    if (!l.file || l.fileLine.primaryAction == FileBubblePainter::Action::None)
        return false;
    return fileAction(l.fileLine.primaryAction, index, downloadedPath(index));
}

QRect MessageDelegate::textRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout l = layoutFor(option, index);
    return l.file || l.system ? QRect() : l.content;
}

bool MessageDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                                  const QModelIndex& index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    const QPoint pos = mouse->position().toPoint();
    const Layout l = layoutFor(option, index);
    if (l.quote.contains(pos)) {
        Q_EMIT quoteClicked(index);
        return true;
    }
    if (l.own && l.retry.contains(pos) &&
        DeliveryState(index.data(roles::MessageDeliveryState).toInt()) == DeliveryState::Failed) {
        Q_EMIT retryRequested(index.data(roles::MessageClientId).toUuid());
        return true;
    }
    if (l.own && readLabelRect(option, index).contains(pos)) {
        Q_EMIT readersRequested(index, readLabelRect(option, index));
        return true;
    }
    if (l.file) {
        const QString path = downloadedPath(index);
        if (const auto action = FileBubblePainter::actionAt(l.fileLine, pos); action != FileBubblePainter::Action::None)
            return fileAction(action, index, path);
        if (l.thumb.contains(pos) && !path.isEmpty()) {
            Q_EMIT openRequested(path);
            return true;
        }
        return false;
    }
    if (l.system && ActionMarkPainter::reEditRect(l.content, index, smallFont(option.font)).contains(pos)) {
        Q_EMIT reEditRequested(index);
        return true;
    }
    if (!l.system && l.content.contains(pos)) {
        QTextDocument doc;
        prepareDocument(doc, index, option.font);
        doc.setTextWidth(l.content.width());
        const QString anchor = doc.documentLayout()->anchorAt(pos - l.content.topLeft());
        if (!anchor.isEmpty()) {
            Q_EMIT linkActivated(QUrl::fromUserInput(anchor));
            return true;
        }
    }
    return false;
}

} // namespace lanchat
