#pragma once

#include "noticeinfo.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace lanchat {

class ContactsModel;
class NoticeCenter;

/**
 * The announcement pinned at the top of the window: the oldest of NoticeCenter::pending(), its author and how many
 * more are waiting, with "I have read this" for one that must be acknowledged (it stays, also after a restart,
 * until clicked) or "Close" for an informational one (shown until closed once). Both acknowledge it on the server.
 * Hidden while nothing is pending. GUI thread.
 */
class NoticeBanner : public QFrame
{
    Q_OBJECT

public:
    /** @p center and @p contacts must outlive the banner. */
    NoticeBanner(NoticeCenter* center, ContactsModel* contacts, QWidget* parent = nullptr);

    /** The notice shown, 0 when hidden. */
    qint64 shownNotice() const { return m_shown.id; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void retranslateUi();

    NoticeCenter* m_center;
    ContactsModel* m_contacts;
    NoticeInfo m_shown;
    int m_waiting = 0;
    QLabel* m_title;
    QLabel* m_text;
    QPushButton* m_ack;
};

} // namespace lanchat
