#pragma once

#include "ids.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace lanchat {

class ChatClient;
class ConversationListProxy;

/**
 * "Forward to…": picks the conversation that @p count messages are forwarded into. Lists the conversations the user
 * may post in (not the announcement channel, not a group they were removed from) as the sidebar orders them,
 * filtered by name or pinyin as the user types (PinyinMatcher); Enter or a double-click picks the highlighted one. The
 * caller sends on accept(). GUI thread only.
 */
class ForwardDialog : public QDialog
{
    Q_OBJECT

public:
    ForwardDialog(ChatClient* client, int count, QWidget* parent = nullptr);
    ~ForwardDialog() override;

    /** The chosen conversation; invalid while none is highlighted. */
    ConversationId target() const;
    /** Its title as listed. */
    QString targetTitle() const;

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void onFilterChanged(const QString& text);
    void updateButtons();

    int m_count;
    ConversationListProxy* m_ordered = nullptr;
    QSortFilterProxyModel* m_targets = nullptr;
    QLabel* m_summary = nullptr;
    QLineEdit* m_search = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_forward = nullptr;
};

} // namespace lanchat
