#pragma once

#include "ids.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QToolButton;

namespace lanchat {

class ChatClient;

/**
 * The filters under the search field: the conversation searched (a chip with × while the search is limited to one
 * conversation), the sender (a contact picker), the date range (presets or two calendar dates, local days converted
 * to UTC ms) and "Files only". Says changed() on every change. GUI thread.
 */
class SearchFilterBar : public QWidget
{
    Q_OBJECT

public:
    /** Date presets, in the order of the picker. */
    enum class Range
    {
        Any,
        Today,
        Week,  ///< the last 7 days, today included
        Month, ///< the last 30 days, today included
        Custom ///< from() .. to(), both included
    };

    /** @p client must outlive the bar. */
    explicit SearchFilterBar(ChatClient* client, QWidget* parent = nullptr);

    /** Limits the search to @p conversation (invalid: all conversations; the chip hides). */
    void setConversation(ConversationId conversation);
    ConversationId conversation() const { return m_conversation; }
    /** The sender picked (invalid: anyone). */
    UserId sender() const;
    void setSender(UserId sender);
    bool filesOnly() const;
    void setFilesOnly(bool filesOnly);
    Range range() const;
    /** Picks @p range; for Custom the days @p from .. @p to (local dates, both included). */
    void setRange(Range range, QDate from = {}, QDate to = {});
    /** The range as ms since the epoch, UTC, [since, until); 0 for an open end. @p today: the local date now. */
    std::pair<qint64, qint64> rangeMs(QDate today = QDate::currentDate()) const;
    /** Every filter back to "anything" (the conversation too). */
    void reset();

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refillSenders();
    void refreshChip();

    ChatClient* m_client;
    ConversationId m_conversation;
    QToolButton* m_chip;
    QComboBox* m_sender;
    QComboBox* m_range;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QCheckBox* m_filesOnly;
};

} // namespace lanchat
