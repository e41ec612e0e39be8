#include "searchfilterbar.h"

#include "chatclient.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "icons.h"
#include "modelroles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lanchat {

namespace {

qint64 startOfDayMs(QDate date)
{
    return date.startOfDay(QTimeZone::systemTimeZone()).toMSecsSinceEpoch();
}

} // namespace

SearchFilterBar::SearchFilterBar(ChatClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_chip(new QToolButton(this))
    , m_sender(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_filesOnly(new QCheckBox(this))
{
    m_chip->setObjectName(QStringLiteral("searchScopeChip"));
    m_sender->setObjectName(QStringLiteral("searchSender"));
    m_range->setObjectName(QStringLiteral("searchRange"));
    m_from->setObjectName(QStringLiteral("searchFrom"));
    m_to->setObjectName(QStringLiteral("searchTo"));
    m_filesOnly->setObjectName(QStringLiteral("searchFilesOnly"));
    // The × after the title: the chip reads like the filter tokens of Slack's search.
    m_chip->setIcon(Icons::icon(QStringLiteral("cancel")));
    m_chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_chip->setLayoutDirection(Qt::RightToLeft);
    m_chip->setAutoRaise(false);
    m_chip->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    // In a narrow panel the pickers give way; "Files only" keeps its whole label.
    for (QComboBox* box : {m_sender, m_range}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    m_filesOnly->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDate(QDate::currentDate());
        edit->setMaximumDate(QDate::currentDate().addYears(1));
    }
    m_from->setDate(QDate::currentDate().addDays(-30));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    // Absolute: a plain AlignLeft follows the chip's own right-to-left direction (the × after the text).
    layout->addWidget(m_chip, 0, Qt::AlignLeft | Qt::AlignAbsolute);
    auto* row = new QHBoxLayout;
    row->addWidget(m_sender, 1);
    row->addWidget(m_range, 1);
    row->addWidget(m_filesOnly);
    layout->addLayout(row);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_from, 1);
    dates->addWidget(m_to, 1);
    layout->addLayout(dates);

    connect(m_chip, &QToolButton::clicked, this, [this] {
        setConversation(ConversationId());
        Q_EMIT changed();
    });
    connect(m_sender, &QComboBox::activated, this, &SearchFilterBar::changed);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = range() == Range::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        Q_EMIT changed();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (range() == Range::Custom)
            Q_EMIT changed();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (range() == Range::Custom)
            Q_EMIT changed();
    });
    connect(m_filesOnly, &QCheckBox::toggled, this, &SearchFilterBar::changed);
    QAbstractItemModel* contacts = m_client->contacts();
    connect(contacts, &QAbstractItemModel::modelReset, this, &SearchFilterBar::refillSenders);
    connect(contacts, &QAbstractItemModel::rowsInserted, this, &SearchFilterBar::refillSenders);
    connect(contacts, &QAbstractItemModel::rowsRemoved, this, &SearchFilterBar::refillSenders);
    m_from->hide();
    m_to->hide();
    m_chip->hide();
    retranslateUi();
}

void SearchFilterBar::setConversation(ConversationId conversation)
{
    m_conversation = conversation;
    refreshChip();
}

UserId SearchFilterBar::sender() const
{
    return UserId(m_sender->currentData().toLongLong());
}

void SearchFilterBar::setSender(UserId sender)
{
    const int row = m_sender->findData(sender.value());
    m_sender->setCurrentIndex(qMax(0, row));
}

bool SearchFilterBar::filesOnly() const
{
    return m_filesOnly->isChecked();
}

void SearchFilterBar::setFilesOnly(bool filesOnly)
{
    m_filesOnly->setChecked(filesOnly);
}

SearchFilterBar::Range SearchFilterBar::range() const
{
    return Range(qMax(0, m_range->currentIndex()));
}

void SearchFilterBar::setRange(Range range, QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    if (from.isValid())
        m_from->setDate(from);
    if (to.isValid())
        m_to->setDate(to);
    if (m_range->currentIndex() == int(range) && range == Range::Custom)
        Q_EMIT changed();
    m_range->setCurrentIndex(int(range));
}

std::pair<qint64, qint64> SearchFilterBar::rangeMs(QDate today) const
{
    switch (range()) {
    case Range::Any:
        return {0, 0};
    case Range::Today:
        return {startOfDayMs(today), 0};
    case Range::Week:
        return {startOfDayMs(today.addDays(-6)), 0};
    case Range::Month:
        return {startOfDayMs(today.addDays(-29)), 0};
    case Range::Custom: {
        // Both days are included: up to the start of the day after "to", in local time.
        return {startOfDayMs(m_from->date()), startOfDayMs(m_to->date().addDays(1))};
    }
    }
    return {0, 0};
}

void SearchFilterBar::reset()
{
    const QSignalBlocker blockSender(m_sender);
    const QSignalBlocker blockRange(m_range);
    const QSignalBlocker blockFiles(m_filesOnly);
    m_sender->setCurrentIndex(0);
    m_range->setCurrentIndex(0);
    m_from->hide();
    m_to->hide();
    m_filesOnly->setChecked(false);
    setConversation(ConversationId());
}

void SearchFilterBar::refillSenders()
{
    const UserId picked = sender();
    const QSignalBlocker block(m_sender);
    m_sender->clear();
    m_sender->addItem(tr("Anyone"), qint64(0));
    const QAbstractItemModel* contacts = m_client->contacts();
    QList<std::pair<QString, qint64>> people;
    for (int row = 0; row < contacts->rowCount(); ++row) {
        const QModelIndex index = contacts->index(row, 0);
        people.append(
            {index.data(roles::ContactDisplayName).toString(), index.data(roles::ContactUserId).toLongLong()});
    }
    std::sort(people.begin(), people.end(),
              [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    for (const auto& [name, id] : people)
        m_sender->addItem(name, id);
    setSender(picked);
}

void SearchFilterBar::refreshChip()
{
    const QString title = m_client->conversations()->titleOf(m_conversation);
    m_chip->setVisible(m_conversation.isValid());
    //: search filter chip: only the conversation %1 is searched; clicking it searches all conversations
    m_chip->setText(tr("In: %1").arg(fontMetrics().elidedText(title, Qt::ElideRight, 220)));
    m_chip->setToolTip(tr("Searching only in %1. Click to search all conversations.").arg(title));
}

void SearchFilterBar::retranslateUi()
{
    const QSignalBlocker block(m_range);
    const int range = m_range->currentIndex();
    m_range->clear();
    m_range->addItems({tr("Any time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Custom range…")});
    m_range->setCurrentIndex(qMax(0, range));
    m_range->setToolTip(tr("When the message was sent"));
    m_sender->setToolTip(tr("Who sent the message"));
    m_filesOnly->setText(tr("Files only"));
    m_filesOnly->setToolTip(tr("Find files by their name"));
    m_from->setToolTip(tr("From this day"));
    m_to->setToolTip(tr("Up to and including this day"));
    m_from->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_to->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    refillSenders();
    refreshChip();
}

void SearchFilterBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace lanchat
