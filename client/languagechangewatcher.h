#pragma once

#include <QObject>

namespace lanchat {

/**
 * Emits languageChanged() when the application's translators change (QEvent::LanguageChange reaches the
 * application object), for models whose texts are translated on the fly: their views must repaint and
 * their proxies re-filter. Lives in the thread of the application object.
 */
class LanguageChangeWatcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageChangeWatcher(QObject* parent = nullptr);

Q_SIGNALS:
    void languageChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace lanchat
