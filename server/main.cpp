#include "servercli.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

// QCommandLineParser's own texts (usage line, option headings, its errors). Qt's translation of them is in
// Debian's qt6-translations-l10n, which a headless server rarely has; with these in our .ts files the help is
// Chinese either way, in our glossary's words. Only lupdate reads this list.
[[maybe_unused]] constexpr const char* kQtParserTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};

/**
 * Chinese when the locale of LC_ALL, else LC_MESSAGES, else LANG is Chinese (QLocale::system() reads them in
 * that order), else English: the source texts, plus lanchat-server_en for the English plural forms.
 */
void installTranslators(QTranslator& qt, QTranslator& server)
{
    const bool chinese = QLocale::system().language() == QLocale::Chinese;
    // Qt's first, so that ours, installed later and so asked first, wins where both translate a text.
    if (chinese && qt.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    const QString name = chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    if (server.load(QStringLiteral(":/i18n/lanchat-server_") + name))
        QCoreApplication::installTranslator(&server);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lanchat-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("LanChat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANCHAT_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz t} %{type} %{category}: %{message}"));
    QTranslator qtTranslator;
    QTranslator serverTranslator;
    installTranslators(qtTranslator, serverTranslator);
    return lanchat::ServerCli::run(QCoreApplication::arguments());
}
