#include "languagemanager.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace lanchat {

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent)
{}

LanguageManager::~LanguageManager()
{
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
}

void LanguageManager::apply(AppSettings::Language language)
{
    QString name = QStringLiteral("en");
    if (language == AppSettings::Language::Chinese ||
        (language == AppSettings::Language::System && QLocale::system().language() == QLocale::Chinese)) {
        name = QStringLiteral("zh_CN");
    }
    if (name == m_localeName)
        return;
    m_localeName = name;

    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    const QLocale locale(name == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    QLocale::setDefault(locale);

    if (!m_appTranslator.load(QStringLiteral(":/i18n/lanchat_") + name))
        qCWarning(lcApp) << "no compiled-in translation for" << name;
    QCoreApplication::installTranslator(&m_appTranslator);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (name != QLatin1String("en")) {
        if (m_qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
            QCoreApplication::installTranslator(&m_qtTranslator);
        else
            qCInfo(lcApp) << "Qt's own translation for" << name << "not found in" << qtDir;
    }
    qCInfo(lcApp) << "UI language" << name;
    Q_EMIT languageChanged(name);
}

} // namespace lanchat
