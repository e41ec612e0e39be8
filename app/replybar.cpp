#include "replybar.h"

#include "icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace lanchat {

ReplyBar::ReplyBar(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("replyBar"));
    m_label->setObjectName(QStringLiteral("replyBarText"));
    m_label->setTextFormat(Qt::PlainText);
    // Elided to the room it gets, never widening the input row.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_close->setObjectName(QStringLiteral("replyBarClose"));
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("×"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 0, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &ReplyBar::cancelRequested);
    retranslateUi();
    hide();
}

void ReplyBar::showFor(const QString& sender, const QString& excerpt)
{
    m_sender = sender;
    m_excerpt = excerpt;
    updateText();
    show();
}

QString ReplyBar::text() const
{
    //: above the message input while writing a reply; %1 is the sender of the message answered, %2 its first line
    return tr("Replying to %1: %2").arg(m_sender, m_excerpt);
}

void ReplyBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReplyBar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateText();
}

void ReplyBar::retranslateUi()
{
    m_close->setToolTip(tr("Cancel the reply (Esc)"));
    updateText();
}

void ReplyBar::updateText()
{
    const int room = qMax(40, m_label->width());
    m_label->setText(m_label->fontMetrics().elidedText(text(), Qt::ElideRight, room));
    m_label->setToolTip(text());
}

} // namespace lanchat
