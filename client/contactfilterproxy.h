#pragma once

#include "pinyinmatcher.h"

#include <QSortFilterProxyModel>

namespace lanchat {

/**
 * The contacts (a ContactsModel) filtered by what the user types in a search box: a row stays when its username or
 * display name matches the search text by letters or by pinyin (PinyinMatcher; display names are read as person
 * names, so 单 is "shan"). Keeps the source's order. The names are read in the background as they arrive
 * (PinyinReading::prepare), before anyone types. Lives in the thread of its source model.
 */
class ContactFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ContactFilterProxy(QObject* parent = nullptr);
    ~ContactFilterProxy() override;

    /** Filters by @p text (as typed; empty shows every contact). */
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void prepareReadings();

    PinyinMatcher m_matcher;
};

} // namespace lanchat
