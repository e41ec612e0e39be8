#include "noticebanner.h"

#include "contactsmodel.h"
#include "displayformat.h"
#include "noticecenter.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanchat {

NoticeBanner::NoticeBanner(NoticeCenter* center, ContactsModel* contacts, QWidget* parent)
    : QFrame(parent)
    , m_center(center)
    , m_contacts(contacts)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_ack(new QPushButton(this))
{
    setObjectName(QStringLiteral("noticeBanner"));
    m_title->setObjectName(QStringLiteral("noticeBannerTitle"));
    m_text->setObjectName(QStringLiteral("noticeBannerText"));
    m_ack->setObjectName(QStringLiteral("noticeBannerAck"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ack->setDefault(true);
    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(texts, 1);
    layout->addWidget(m_ack, 0, Qt::AlignVCenter);
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (m_shown.id > 0)
            m_center->acknowledge(m_shown.id);
    });
    connect(m_center, &NoticeCenter::changed, this, &NoticeBanner::refresh);
    connect(m_contacts, &ContactsModel::userChanged, this, &NoticeBanner::retranslateUi);
    refresh();
}

void NoticeBanner::refresh()
{
    const QList<NoticeInfo> pending = m_center->isAvailable() ? m_center->pending() : QList<NoticeInfo>();
    m_shown = pending.isEmpty() ? NoticeInfo() : pending.first();
    m_waiting = int(pending.size());
    retranslateUi();
    setVisible(m_shown.id > 0);
}

void NoticeBanner::retranslateUi()
{
    if (m_shown.id == 0)
        return;
    const QString author = m_shown.author.isValid() ? m_contacts->displayName(m_shown.author)
                                                    //: the author of an announcement posted by the server administrator
                                                    : tr("Administrator");
    const QString when = DisplayFormat::listTime(QDateTime::fromMSecsSinceEpoch(m_shown.createdMs));
    //: %1 who posted the announcement, %2 when
    QString title = tr("Announcement from %1 · %2").arg(author, when);
    if (m_waiting > 1)
        //: appended to the banner's title when more announcements wait behind this one
        title += QLatin1Char(' ') + tr("(%n more waiting)", nullptr, m_waiting - 1);
    m_title->setText(title);
    m_text->setText(m_shown.text);
    //: the button that acknowledges an announcement (WeChat Work / DingTalk say 收到)
    m_ack->setText(m_shown.mustAck ? tr("I have read this") : tr("Close"));
    m_ack->setToolTip(m_shown.mustAck ? tr("Tell the author you have read this announcement") : QString());
}

void NoticeBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

} // namespace lanchat
