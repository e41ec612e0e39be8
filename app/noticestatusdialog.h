#pragma once

#include "noticeinfo.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace lanchat {

class ContactsModel;
class NoticeCenter;

/**
 * The author's view of their announcements: pick one (newest first), read its live "Acknowledged 37/52", the list
 * of who has not, "Remind them" (the server allows one reminder per notice every 10 minutes) and "Export CSV…"
 * (NoticeCsv: username, display name, acknowledged at UTC). Kept current by the `notice_progress` pushes.
 * GUI thread.
 */
class NoticeStatusDialog : public QDialog
{
    Q_OBJECT

public:
    /** @p center and @p contacts must outlive the dialog; @p notice: the one to show first (0: the newest). */
    NoticeStatusDialog(NoticeCenter* center, ContactsModel* contacts, qint64 notice, QWidget* parent = nullptr);

    qint64 notice() const { return m_notice; }
    /** Writes the CSV export of the shown notice to @p path; false if it cannot be written. */
    bool exportCsv(const QString& path) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillNotices();
    void select(qint64 notice);
    void onStatus(const NoticeInfo& notice, const QList<NoticeReceipt>& receipts);
    void updateTexts();
    void chooseExportFile();

    NoticeCenter* m_center;
    ContactsModel* m_contacts;
    qint64 m_notice = 0;
    NoticeInfo m_info;
    QList<NoticeReceipt> m_receipts;
    QString m_feedback; ///< the result of the last reminder, or why it was refused
    QComboBox* m_notices;
    QLabel* m_text;
    QLabel* m_count;
    QLabel* m_pendingTitle;
    QListWidget* m_pending;
    QLabel* m_feedbackLabel;
    QPushButton* m_remind;
    QPushButton* m_export;
    QPushButton* m_close;
};

} // namespace lanchat
