// The light and dark colour sets, following a dark system palette and the Settings override, and the icon
// set drawn in the theme's colours at any device pixel ratio. Offscreen; no server needed.

#include "appsettings.h"
#include "icons.h"
#include "theme.h"

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;

namespace {

// The colour most opaque pixels of @p image have (icons are drawn in one colour; edges are antialiased).
QColor dominantOpaqueColor(const QImage& image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255)
                ++counts[pixel & 0xffffff];
        }
    }
    QRgb best = 0;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return bestCount > 0 ? QColor(best) : QColor();
}

QPalette lightSystemPalette()
{
    return QApplication::style()->standardPalette();
}

} // namespace

class tst_Theme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void contrast_data();
    void contrast();
    void followsDarkSystemPalette();
    void settingOverridesSystem();
    void storedMode();
    void styleSheetPlaceholders();
    void everyIconLoads();
    void iconsFollowThemeAndScale();
    void fileKind_data();
    void fileKind();
};

void tst_Theme::init()
{
    Theme::setMode(Theme::Mode::System);
    QApplication::setPalette(lightSystemPalette());
    QTRY_VERIFY(!Theme::isDark());
}

void tst_Theme::cleanup()
{
    init();
}

void tst_Theme::contrast_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("pair");
    for (const bool dark : {false, true}) {
        for (const char* pair :
             {"text/ownBubble", "text/otherBubble", "text/window", "text/panel", "text/selected", "link/ownBubble",
              "link/otherBubble", "muted/ownBubble", "muted/otherBubble", "muted/window", "muted/panel", "error/window",
              "error/errorBg", "onPrimary/primary", "onPrimary/badge"}) {
            QTest::addRow("%s %s", dark ? "dark" : "light", pair) << dark << QString::fromLatin1(pair);
        }
    }
}

void tst_Theme::contrast()
{
    QFETCH(bool, dark);
    QFETCH(QString, pair);
    // The colours in force after the palette switch, not the fixed sets: what the delegates paint with.
    if (dark)
        QApplication::setPalette(Theme::darkPalette());
    QTRY_COMPARE(Theme::isDark(), dark);
    const Theme::Colors& c = Theme::colors();
    const QHash<QString, QColor> named{
        {QStringLiteral("text"), c.text},
        {QStringLiteral("ownBubble"), c.ownBubble},
        {QStringLiteral("otherBubble"), c.otherBubble},
        {QStringLiteral("window"), c.window},
        {QStringLiteral("panel"), c.panel},
        {QStringLiteral("selected"), c.selected},
        {QStringLiteral("link"), c.link},
        {QStringLiteral("muted"), c.muted},
        {QStringLiteral("error"), c.error},
        {QStringLiteral("errorBg"), c.errorBg},
        {QStringLiteral("onPrimary"), c.onPrimary},
        {QStringLiteral("primary"), c.primary},
        {QStringLiteral("badge"), c.badge},
    };
    const QStringList names = pair.split(QLatin1Char('/'));
    const double ratio = Theme::contrastRatio(named.value(names[0]), named.value(names[1]));
    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2:1").arg(pair).arg(ratio, 0, 'f', 2)));
}

void tst_Theme::followsDarkSystemPalette()
{
    QCOMPARE(Theme::colors().ownBubble, Theme::lightColors().ownBubble);
    QSignalSpy changed(Theme::notifier(), &Theme::changed);
    // What a desktop switching to a dark scheme does to a Qt app: the application palette changes.
    QApplication::setPalette(Theme::darkPalette());
    QTRY_VERIFY(Theme::isDark());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(Theme::colors().ownBubble, Theme::darkColors().ownBubble);
    QCOMPARE(Theme::colors().text, Theme::darkColors().text);
    QVERIFY(Theme::contrastRatio(Theme::colors().text, Theme::colors().ownBubble) >= 4.5);
    QApplication::setPalette(lightSystemPalette());
    QTRY_VERIFY(!Theme::isDark());
    QCOMPARE(Theme::colors().ownBubble, Theme::lightColors().ownBubble);
}

void tst_Theme::settingOverridesSystem()
{
    const QString systemStyle = QApplication::style()->name();
    Theme::setMode(Theme::Mode::Dark);
    QVERIFY(Theme::isDark());
    QVERIFY(Theme::isDarkPalette(QApplication::palette()));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // A light system palette arriving meanwhile does not undo the user's choice.
    Theme::setMode(Theme::Mode::Light);
    QVERIFY(!Theme::isDark());
    QVERIFY(!Theme::isDarkPalette(QApplication::palette()));
    Theme::setMode(Theme::Mode::Dark);
    QVERIFY(Theme::isDark());
    Theme::setMode(Theme::Mode::System);
    QVERIFY(!Theme::isDark());
    QVERIFY(!Theme::isDarkPalette(QApplication::palette()));
    QCOMPARE(QApplication::style()->name(), systemStyle);
}

void tst_Theme::storedMode()
{
    QTemporaryDir dir;
    {
        AppSettings settings(dir.filePath(QStringLiteral("lanchat.ini")));
        QCOMPARE(Theme::storedMode(settings), Theme::Mode::System);
        Theme::storeMode(settings, Theme::Mode::Dark);
    }
    AppSettings settings(dir.filePath(QStringLiteral("lanchat.ini")));
    QCOMPARE(Theme::storedMode(settings), Theme::Mode::Dark);
}

void tst_Theme::styleSheetPlaceholders()
{
    QCOMPARE(Theme::expand(QStringLiteral("a { color: @text@; background: @window@; } b { x: @nosuch@; }")),
             QStringLiteral("a { color: %1; background: %2; } b { x: @nosuch@; }")
                 .arg(Theme::lightColors().text.name(), Theme::lightColors().window.name()));
    Theme::setStyleSheetTemplate(QStringLiteral("QWidget { background: @window@; }"));
    QVERIFY(qApp->styleSheet().contains(Theme::lightColors().window.name()));
    QApplication::setPalette(Theme::darkPalette());
    QTRY_VERIFY(qApp->styleSheet().contains(Theme::darkColors().window.name()));
    Theme::setStyleSheetTemplate(QString());
    qApp->setStyleSheet(QString());
}

void tst_Theme::everyIconLoads()
{
    const QStringList names{
        QStringLiteral("send"),           QStringLiteral("attach"),   QStringLiteral("paste"),
        QStringLiteral("screenshot"),     QStringLiteral("emoji"),    QStringLiteral("transfers"),
        QStringLiteral("reconnect"),      QStringLiteral("settings"), QStringLiteral("new-chat"),
        QStringLiteral("new-group"),      QStringLiteral("search"),   QStringLiteral("pause"),
        QStringLiteral("resume"),         QStringLiteral("cancel"),   QStringLiteral("open"),
        QStringLiteral("show-in-folder"), QStringLiteral("download"), QStringLiteral("show-window"),
        QStringLiteral("quit"),           QStringLiteral("logout"),   QStringLiteral("mute"),
        QStringLiteral("unmute"),         QStringLiteral("info"),     QStringLiteral("rectangle"),
        QStringLiteral("arrow"),          QStringLiteral("text"),     QStringLiteral("color"),
        QStringLiteral("undo"),           QStringLiteral("copy"),
    };
    for (const QString& name : names) {
        QVERIFY2(Icons::has(name), qPrintable(name));
        const QImage image = Icons::icon(name).pixmap(QSize(24, 24)).toImage();
        QVERIFY2(dominantOpaqueColor(image).isValid(), qPrintable(name));
    }
    for (int kind = int(Icons::FileKind::Image); kind <= int(Icons::FileKind::Generic); ++kind) {
        const QString name = Icons::fileIconName(Icons::FileKind(kind));
        QVERIFY2(dominantOpaqueColor(Icons::icon(name).pixmap(QSize(24, 24)).toImage()).isValid(), qPrintable(name));
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no icon named")));
    QVERIFY(Icons::icon(QStringLiteral("no-such-icon")).isNull());
}

void tst_Theme::iconsFollowThemeAndScale()
{
    const QIcon send = Icons::icon(QStringLiteral("send"));
    // 200 %: a 24 px icon is rendered from the SVG at 48 device pixels, not scaled up from 24.
    const QPixmap sharp = send.pixmap(QSize(24, 24), 2.0);
    QCOMPARE(sharp.devicePixelRatio(), 2.0);
    QCOMPARE(sharp.size(), QSize(48, 48));
    QCOMPARE(dominantOpaqueColor(sharp.toImage()), Theme::lightColors().text);
    // The same QIcon, unchanged on the button, draws in the dark set's text colour after the switch.
    QApplication::setPalette(Theme::darkPalette());
    QTRY_VERIFY(Theme::isDark());
    QCOMPARE(dominantOpaqueColor(send.pixmap(QSize(24, 24), 2.0).toImage()), Theme::darkColors().text);
    QCOMPARE(dominantOpaqueColor(
                 Icons::icon(QStringLiteral("send"), Icons::Tone::OnPrimary).pixmap(QSize(24, 24)).toImage()),
             Theme::darkColors().onPrimary);
}

void tst_Theme::fileKind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Icons::FileKind>("kind");
    QTest::newRow("jpeg") << QStringLiteral("chart.JPG") << Icons::FileKind::Image;
    QTest::newRow("png") << QStringLiteral("截图.png") << Icons::FileKind::Image;
    QTest::newRow("pdf") << QStringLiteral("report.pdf") << Icons::FileKind::Pdf;
    QTest::newRow("zip") << QStringLiteral("photos.zip") << Icons::FileKind::Archive;
    QTest::newRow("tar.gz") << QStringLiteral("backup.tar.gz") << Icons::FileKind::Archive;
    QTest::newRow("7z") << QStringLiteral("old.7z") << Icons::FileKind::Archive;
    QTest::newRow("docx") << QStringLiteral("letter.docx") << Icons::FileKind::Document;
    QTest::newRow("odt") << QStringLiteral("letter.odt") << Icons::FileKind::Document;
    QTest::newRow("txt") << QStringLiteral("notes.txt") << Icons::FileKind::Document;
    QTest::newRow("xlsx") << QStringLiteral("budget.xlsx") << Icons::FileKind::Spreadsheet;
    QTest::newRow("csv") << QStringLiteral("export.csv") << Icons::FileKind::Spreadsheet;
    QTest::newRow("pptx") << QStringLiteral("deck.pptx") << Icons::FileKind::Slides;
    QTest::newRow("mp3") << QStringLiteral("song.mp3") << Icons::FileKind::Audio;
    QTest::newRow("mp4") << QStringLiteral("clip.mp4") << Icons::FileKind::Video;
    QTest::newRow("cpp") << QStringLiteral("main.cpp") << Icons::FileKind::Code;
    QTest::newRow("py") << QStringLiteral("build.py") << Icons::FileKind::Code;
    QTest::newRow("json") << QStringLiteral("config.json") << Icons::FileKind::Code;
    QTest::newRow("unknown") << QStringLiteral("data.qqq") << Icons::FileKind::Generic;
    QTest::newRow("readme") << QStringLiteral("README") << Icons::FileKind::Document;
    QTest::newRow("no extension") << QStringLiteral("dump") << Icons::FileKind::Generic;
}

void tst_Theme::fileKind()
{
    QFETCH(QString, name);
    QFETCH(Icons::FileKind, kind);
    QCOMPARE(Icons::fileKind(name), kind);
}

QTEST_MAIN(tst_Theme)
#include "tst_theme.moc"
