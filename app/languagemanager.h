#pragma once

#include "appsettings.h"

#include <QObject>
#include <QTranslator>

namespace lanchat {

/**
 * Installs the translators of the UI language: LanChat's own (compiled in under :/i18n) and Qt's
 * (qtbase_*.qm from Debian's qt6-translations-l10n, for standard buttons and the file dialog), and sets
 * the default QLocale so dates and sizes follow. Switching at runtime makes Qt send
 * QEvent::LanguageChange to every widget; each window retranslates itself in changeEvent().
 * GUI thread only.
 */
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    /** Applies @p language (System resolves through QLocale::system()). */
    void apply(AppSettings::Language language);
    /** Locale name in effect, "zh_CN" or "en". */
    QString currentLocaleName() const { return m_localeName; }

Q_SIGNALS:
    void languageChanged(const QString& localeName);

private:
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    QString m_localeName;
};

} // namespace lanchat
