#include "noticestatusdialog.h"

#include "contactsmodel.h"
#include "displayformat.h"
#include "errortext.h"
#include "noticecenter.h"
#include "noticecsv.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace lanchat {

NoticeStatusDialog::NoticeStatusDialog(NoticeCenter* center, ContactsModel* contacts, qint64 notice, QWidget* parent)
    : QDialog(parent)
    , m_center(center)
    , m_contacts(contacts)
    , m_notices(new QComboBox(this))
    , m_text(new QLabel(this))
    , m_count(new QLabel(this))
    , m_pendingTitle(new QLabel(this))
    , m_pending(new QListWidget(this))
    , m_feedbackLabel(new QLabel(this))
    , m_remind(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("noticeStatusDialog"));
    m_notices->setObjectName(QStringLiteral("noticeStatusChoice"));
    m_count->setObjectName(QStringLiteral("noticeStatusCount"));
    m_pending->setObjectName(QStringLiteral("noticeStatusPending"));
    m_remind->setObjectName(QStringLiteral("noticeStatusRemind"));
    m_export->setObjectName(QStringLiteral("noticeStatusExport"));
    m_feedbackLabel->setObjectName(QStringLiteral("noticeStatusFeedback"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_feedbackLabel->setWordWrap(true);
    m_pending->setSelectionMode(QAbstractItemView::NoSelection);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_remind);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_notices);
    layout->addWidget(m_text);
    layout->addWidget(m_count);
    layout->addWidget(m_pendingTitle);
    layout->addWidget(m_pending, 1);
    layout->addWidget(m_feedbackLabel);
    layout->addLayout(buttons);
    resize(460, 480);

    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_remind, &QPushButton::clicked, this, [this] { m_center->remind(m_notice); });
    connect(m_export, &QPushButton::clicked, this, &NoticeStatusDialog::chooseExportFile);
    connect(m_notices, &QComboBox::activated, this, [this](int row) { select(m_notices->itemData(row).toLongLong()); });
    connect(m_center, &NoticeCenter::statusReceived, this, &NoticeStatusDialog::onStatus);
    connect(m_center, &NoticeCenter::progressed, this, [this](qint64 id) {
        if (id == m_notice)
            m_center->requestStatus(id); // who, and when: the push carries only one of them
    });
    connect(m_center, &NoticeCenter::reminded, this, [this](qint64 id, int count) {
        if (id != m_notice)
            return;
        m_feedback = tr("Reminded %n person(s).", nullptr, count);
        updateTexts();
    });
    connect(m_center, &NoticeCenter::requestFailed, this, [this](qint64 id, ErrorCode error) {
        if (id != m_notice)
            return;
        m_feedback = error == ErrorCode::RateLimited ? tr("You reminded them less than 10 minutes ago.")
                                                     : ErrorText::message(error);
        updateTexts();
    });
    fillNotices();
    const QList<NoticeInfo> posted = m_center->posted();
    select(notice > 0 ? notice : (posted.isEmpty() ? 0 : posted.first().id));
}

void NoticeStatusDialog::fillNotices()
{
    m_notices->clear();
    for (const NoticeInfo& notice : m_center->posted()) {
        QString excerpt = notice.text.simplified();
        if (excerpt.size() > 40)
            excerpt = excerpt.left(39) + QChar(0x2026);
        m_notices->addItem(DisplayFormat::listTime(QDateTime::fromMSecsSinceEpoch(notice.createdMs)) +
                               QStringLiteral(" · ") + excerpt,
                           notice.id);
    }
}

void NoticeStatusDialog::select(qint64 notice)
{
    m_notice = notice;
    m_receipts.clear();
    m_feedback.clear();
    m_info = m_center->postedNotice(notice).value_or(NoticeInfo());
    m_notices->setCurrentIndex(m_notices->findData(notice));
    updateTexts();
    if (notice > 0)
        m_center->requestStatus(notice);
}

void NoticeStatusDialog::onStatus(const NoticeInfo& notice, const QList<NoticeReceipt>& receipts)
{
    if (notice.id != m_notice)
        return;
    m_info = notice;
    m_receipts = receipts;
    updateTexts();
}

void NoticeStatusDialog::updateTexts()
{
    setWindowTitle(tr("My announcements"));
    m_remind->setText(tr("Remind them"));
    m_remind->setToolTip(tr("Send the announcement again to those who have not acknowledged it"));
    m_export->setText(tr("Export CSV…"));
    m_close->setText(tr("Close"));
    m_text->setText(m_info.text);
    //: %1 how many acknowledged, %2 how many received it
    m_count->setText(m_info.id == 0   ? tr("You have not posted an announcement yet.")
                     : m_info.mustAck ? tr("Acknowledged %1/%2").arg(m_info.acknowledged).arg(m_info.recipients)
                                      : tr("Seen %1/%2").arg(m_info.acknowledged).arg(m_info.recipients));
    m_pending->clear();
    for (const NoticeReceipt& receipt : m_receipts) {
        if (receipt.ackedMs == 0)
            m_pending->addItem(m_contacts->displayName(receipt.user));
    }
    m_pendingTitle->setText(m_info.mustAck ? tr("Not acknowledged yet (%1)").arg(m_pending->count())
                                           : tr("Not seen yet (%1)").arg(m_pending->count()));
    m_pendingTitle->setVisible(m_info.id > 0);
    m_pending->setVisible(m_info.id > 0);
    m_feedbackLabel->setText(m_feedback);
    m_feedbackLabel->setVisible(!m_feedback.isEmpty());
    m_remind->setEnabled(m_pending->count() > 0);
    m_export->setEnabled(!m_receipts.isEmpty());
    m_notices->setVisible(m_notices->count() > 1);
}

bool NoticeStatusDialog::exportCsv(const QString& path) const
{
    QList<NoticeCsvRow> rows;
    for (const NoticeReceipt& receipt : m_receipts) {
        const std::optional<UserInfo> user = m_contacts->user(receipt.user);
        rows.append({user ? user->username : QString::number(receipt.user.value()),
                     user ? user->displayName : QString(), receipt.ackedMs});
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(NoticeCsv::write(rows)) >= 0 &&
           file.flush();
}

void NoticeStatusDialog::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    //: default file name of the acknowledgement export; keep it short, no slashes
    const QString name = tr("announcement-%1.csv").arg(m_notice);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), folder + QLatin1Char('/') + name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!exportCsv(path))
        QMessageBox::warning(this, tr("Export CSV"), tr("Cannot write %1.").arg(path));
}

void NoticeStatusDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QDialog::changeEvent(event);
}

} // namespace lanchat
