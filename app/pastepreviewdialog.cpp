#include "pastepreviewdialog.h"

#include "displayformat.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanchat {

namespace {

const QSize kThumbMax(360, 240);
// Decoding a huge image only for a thumbnail would stall the window; such a file is listed like any other.
constexpr qint64 kThumbFileMax = 40 * 1000 * 1000;
constexpr int kMaxProblemLines = 3;
constexpr int kListRows = 6;

} // namespace

PastePreviewDialog::PastePreviewDialog(const QString& title, qint64 maxFileBytes, QWidget* parent)
    : QDialog(parent)
    , m_title(title)
    , m_maxFileBytes(maxFileBytes)
{
    setObjectName(QStringLiteral("pastePreviewDialog"));
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setWordWrap(true);
    m_thumbnail = new QLabel(this);
    m_thumbnail->setObjectName(QStringLiteral("pasteThumbnail"));
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->hide();
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pasteFiles"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("pasteSummary"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("errorLabel"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_buttons = new QDialogButtonBox(this);
    m_send = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("pasteSendButton"));
    m_cancel = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAutoDefault(false);
    m_send->setDefault(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_thumbnail, 1);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(380);
    retranslateUi();
}

void PastePreviewDialog::setImage(const QImage& image)
{
    m_image = image;
    m_png.clear();
    QBuffer buffer(&m_png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        m_png.clear();
    m_files.clear();
    m_skipped.clear();
    m_list->hide();
    showThumbnail(image);
    retranslateUi();
}

void PastePreviewDialog::setFiles(const QStringList& paths)
{
    m_image = QImage();
    m_png.clear();
    m_files.clear();
    m_skipped.clear();
    for (const QString& path : paths) {
        if (QFileInfo(path).isFile())
            m_files.append(path);
        else
            m_skipped.append(path);
    }
    m_thumbnail->hide();
    if (m_files.size() == 1 && QFileInfo(m_files.first()).size() <= kThumbFileMax) {
        QImageReader reader(m_files.first());
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (full.isValid())
            reader.setScaledSize(full.scaled(kThumbMax.boundedTo(full), Qt::KeepAspectRatio));
        const QImage thumb = reader.read();
        if (!thumb.isNull())
            showThumbnail(thumb);
    }
    m_list->clear();
    const QFileIconProvider icons;
    for (const QString& path : std::as_const(m_files)) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(icons.icon(info), QString(), m_list);
        item->setData(Qt::UserRole, path);
    }
    m_list->setVisible(!m_files.isEmpty());
    // Up to kListRows rows are shown whole; more scroll.
    const int rows = qBound(1, int(m_files.size()), kListRows);
    m_list->setFixedHeight(rows * qMax(m_list->sizeHintForRow(0), 1) + 2 * m_list->frameWidth() + 4);
    retranslateUi();
}

bool PastePreviewDialog::tooLarge(qint64 bytes) const
{
    return m_maxFileBytes > 0 && bytes > m_maxFileBytes;
}

bool PastePreviewDialog::canSend() const
{
    if (!m_png.isEmpty())
        return !tooLarge(m_png.size());
    if (m_files.isEmpty())
        return false;
    for (const QString& path : m_files) {
        if (tooLarge(QFileInfo(path).size()))
            return false;
    }
    return true;
}

QString PastePreviewDialog::problemText() const
{
    QStringList lines;
    const QString limit = DisplayFormat::size(m_maxFileBytes);
    if (!m_image.isNull() && m_png.isEmpty())
        lines << tr("The image could not be prepared for sending.");
    if (!m_png.isEmpty() && tooLarge(m_png.size()))
        lines
            << tr("The image is %1; this server accepts files up to %2.").arg(DisplayFormat::size(m_png.size()), limit);
    for (const QString& path : m_files) {
        const QFileInfo info(path);
        if (tooLarge(info.size()))
            lines << tr("“%1” is %2; this server accepts files up to %3.")
                         .arg(info.fileName(), DisplayFormat::size(info.size()), limit);
    }
    if (lines.size() > kMaxProblemLines) {
        const int more = int(lines.size()) - kMaxProblemLines;
        lines = lines.mid(0, kMaxProblemLines);
        lines << tr("… and %n more file(s) too large.", nullptr, more);
    }
    QStringList folders;
    QStringList missing;
    for (const QString& path : m_skipped) {
        const QFileInfo info(path);
        (info.isDir() ? folders : missing) << info.fileName();
    }
    if (!folders.isEmpty())
        lines << tr("Only files can be sent, not folders: %1").arg(folders.join(QStringLiteral(", ")));
    if (!missing.isEmpty())
        lines << tr("Not found, so not sent: %1").arg(missing.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

void PastePreviewDialog::showThumbnail(const QImage& image)
{
    if (image.isNull()) {
        m_thumbnail->hide();
        return;
    }
    const qreal dpr = devicePixelRatioF();
    QImage scaled = image;
    if (image.width() > kThumbMax.width() * dpr || image.height() > kThumbMax.height() * dpr)
        scaled = image.scaled(kThumbMax * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPixmap pixmap = QPixmap::fromImage(scaled);
    pixmap.setDevicePixelRatio(dpr);
    m_thumbnail->setPixmap(pixmap);
    m_thumbnail->show();
}

void PastePreviewDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // QDialogButtonBox makes its first accept button the default when it is shown, enabled or not.
    updateDefaultButton();
}

void PastePreviewDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PastePreviewDialog::retranslateUi()
{
    setWindowTitle(tr("Send to %1").arg(m_title));
    m_send->setText(tr("Send"));
    m_cancel->setText(tr("Cancel"));
    if (!m_image.isNull()) {
        m_heading->setText(tr("Send this image to %1?").arg(m_title));
        m_summary->setText(tr("PNG image · %1 × %2 pixels · %3")
                               .arg(m_image.width())
                               .arg(m_image.height())
                               .arg(DisplayFormat::size(m_png.size())));
    } else {
        m_heading->setText(tr("Send %n file(s) to %1?", nullptr, int(m_files.size())).arg(m_title));
        qint64 total = 0;
        for (int row = 0; row < m_list->count(); ++row) {
            QListWidgetItem* item = m_list->item(row);
            const QFileInfo info(item->data(Qt::UserRole).toString());
            total += info.size();
            item->setText(QStringLiteral("%1 · %2").arg(info.fileName(), DisplayFormat::size(info.size())));
        }
        m_summary->setText(m_files.size() > 1 ? tr("Total: %1").arg(DisplayFormat::size(total)) : QString());
    }
    m_summary->setVisible(!m_summary->text().isEmpty());
    const QString problem = problemText();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_send->setEnabled(canSend());
    updateDefaultButton();
}

void PastePreviewDialog::updateDefaultButton()
{
    // With Send disabled nothing is the default: Enter does nothing rather than fall through to Cancel, and the
    // style does not draw a disabled default button as a live one.
    m_send->setAutoDefault(m_send->isEnabled());
    m_send->setDefault(m_send->isEnabled());
}

} // namespace lanchat
