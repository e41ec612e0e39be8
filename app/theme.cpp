#include "theme.h"

#include "appsettings.h"

#include <QApplication>
#include <QEvent>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

namespace lanchat {

namespace {

Theme* g_theme = nullptr;

// Values checked for WCAG contrast by tests/app/tst_theme.cpp; change them together.
Theme::Colors& current()
{
    static Theme::Colors colors = Theme::lightColors();
    return colors;
}

double linear(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.red()) + 0.7152 * linear(rgb.green()) + 0.0722 * linear(rgb.blue());
}

} // namespace

Theme::Theme(QObject* parent)
    : QObject(parent)
{}

Theme::Colors Theme::lightColors()
{
    Colors c;
    c.window = QColor(0xf5, 0xf7, 0xfa);
    c.panel = QColor(0xff, 0xff, 0xff);
    c.text = QColor(0x1f, 0x23, 0x28);
    c.muted = QColor(0x5f, 0x66, 0x70);
    c.border = QColor(0xdd, 0xe1, 0xe6);
    c.inputBorder = QColor(0xd0, 0xd5, 0xdc);
    c.hover = QColor(0xee, 0xf3, 0xfb);
    c.selected = QColor(0xdb, 0xe7, 0xf8);
    c.primary = QColor(0x1f, 0x6f, 0xd1);
    c.primaryHover = QColor(0x1a, 0x5f, 0xb4);
    c.primaryDisabled = QColor(0x8f, 0xb3, 0xe3);
    c.onPrimary = QColor(0xff, 0xff, 0xff);
    c.disabledText = QColor(0xa0, 0xa6, 0xad);
    c.disabledBg = QColor(0xf0, 0xf2, 0xf5);
    c.ownBubble = QColor(0xd4, 0xe8, 0xff);
    c.otherBubble = QColor(0xff, 0xff, 0xff);
    c.bubbleBorder = QColor(0xdd, 0xe1, 0xe6);
    c.link = QColor(0x1a, 0x5f, 0xb4);
    c.error = QColor(0xb4, 0x23, 0x18);
    c.errorBg = QColor(0xfd, 0xec, 0xea);
    c.errorBorder = QColor(0xf5, 0xc2, 0xbd);
    c.badge = QColor(0xd9, 0x2d, 0x35);
    c.online = QColor(0x1e, 0x7e, 0x34);
    c.offline = QColor(0xa0, 0xa6, 0xad);
    c.warning = QColor(0x9a, 0x5b, 0x00);
    c.track = QColor(0xee, 0xf1, 0xf5);
    c.progress = QColor(0x5b, 0x9b, 0xe8);
    c.progressDone = QColor(0x4c, 0xaf, 0x6e);
    c.progressFailed = QColor(0xe5, 0x73, 0x73);
    c.progressPaused = QColor(0xb0, 0xb7, 0xc0);
    c.alternateRow = QColor(0xf8, 0xf9, 0xfb);
    c.selection = QColor(0x1a, 0x5f, 0xb4, 28);
    return c;
}

Theme::Colors Theme::darkColors()
{
    Colors c;
    c.window = QColor(0x1b, 0x1f, 0x24);
    c.panel = QColor(0x23, 0x28, 0x2e);
    c.text = QColor(0xe6, 0xe8, 0xeb);
    c.muted = QColor(0xa0, 0xa8, 0xb2);
    c.border = QColor(0x34, 0x3a, 0x42);
    c.inputBorder = QColor(0x48, 0x50, 0x5a);
    c.hover = QColor(0x2e, 0x35, 0x3d);
    c.selected = QColor(0x26, 0x40, 0x5f);
    c.primary = QColor(0x2f, 0x6f, 0xd0);
    c.primaryHover = QColor(0x3a, 0x7c, 0xdf);
    c.primaryDisabled = QColor(0x2a, 0x44, 0x66);
    c.onPrimary = QColor(0xff, 0xff, 0xff);
    c.disabledText = QColor(0x6c, 0x74, 0x7e);
    c.disabledBg = QColor(0x26, 0x2b, 0x31);
    c.ownBubble = QColor(0x1d, 0x3b, 0x60);
    c.otherBubble = QColor(0x2b, 0x31, 0x38);
    c.bubbleBorder = QColor(0x3a, 0x41, 0x4a);
    c.link = QColor(0x80, 0xb6, 0xff);
    c.error = QColor(0xff, 0x8a, 0x80);
    c.errorBg = QColor(0x3a, 0x1f, 0x1f);
    c.errorBorder = QColor(0x6b, 0x2f, 0x2b);
    c.badge = QColor(0xd9, 0x2d, 0x35);
    c.online = QColor(0x5c, 0xc8, 0x78);
    c.offline = QColor(0x6c, 0x74, 0x7e);
    c.warning = QColor(0xe0, 0xa8, 0x4a);
    c.track = QColor(0x2e, 0x35, 0x3d);
    c.progress = QColor(0x2a, 0x5c, 0xa8);
    c.progressDone = QColor(0x2a, 0x6b, 0x3e);
    c.progressFailed = QColor(0x8c, 0x33, 0x33);
    c.progressPaused = QColor(0x4a, 0x52, 0x5c);
    c.alternateRow = QColor(0x20, 0x25, 0x2b);
    c.selection = QColor(0x80, 0xb6, 0xff, 40);
    return c;
}

QPalette Theme::darkPalette()
{
    const Colors c = darkColors();
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.panel);
    p.setColor(QPalette::AlternateBase, c.alternateRow);
    p.setColor(QPalette::ToolTipBase, c.panel);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.muted);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.panel);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, c.hover);
    p.setColor(QPalette::Midlight, c.inputBorder);
    p.setColor(QPalette::Mid, c.border);
    p.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x15));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, c.primary);
    p.setColor(QPalette::HighlightedText, c.onPrimary);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    return p;
}

const Theme::Colors& Theme::colors()
{
    return current();
}

bool Theme::isDark()
{
    return g_theme ? g_theme->m_dark : false;
}

Theme::Mode Theme::mode()
{
    return g_theme ? g_theme->m_mode : Mode::System;
}

bool Theme::isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double Theme::contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

Theme* Theme::notifier()
{
    if (!g_theme && qApp) {
        g_theme = new Theme(qApp);
        g_theme->m_systemPalette = QApplication::palette();
        g_theme->m_systemStyle = QApplication::style()->name();
        g_theme->m_dark = isDarkPalette(g_theme->m_systemPalette);
        current() = g_theme->m_dark ? darkColors() : lightColors();
        qApp->installEventFilter(g_theme);
    }
    return g_theme;
}

void Theme::install(Mode mode)
{
    Theme* theme = notifier();
    theme->m_mode = mode;
    theme->refresh(true);
}

void Theme::setMode(Mode mode)
{
    install(mode);
}

void Theme::setStyleSheetTemplate(const QString& qss)
{
    Theme* theme = notifier();
    theme->m_template = qss;
    theme->refresh(true);
}

QString Theme::expand(QString qss)
{
    static const QRegularExpression placeholder(QStringLiteral("@([a-zA-Z]+)@"));
    const Colors& c = colors();
    const std::pair<const char*, const QColor*> names[] = {
        {"window", &c.window},
        {"panel", &c.panel},
        {"text", &c.text},
        {"muted", &c.muted},
        {"border", &c.border},
        {"inputBorder", &c.inputBorder},
        {"hover", &c.hover},
        {"selected", &c.selected},
        {"primary", &c.primary},
        {"primaryHover", &c.primaryHover},
        {"primaryDisabled", &c.primaryDisabled},
        {"onPrimary", &c.onPrimary},
        {"disabledText", &c.disabledText},
        {"disabledBg", &c.disabledBg},
        {"ownBubble", &c.ownBubble},
        {"otherBubble", &c.otherBubble},
        {"link", &c.link},
        {"error", &c.error},
        {"errorBg", &c.errorBg},
        {"errorBorder", &c.errorBorder},
        {"badge", &c.badge},
        {"online", &c.online},
        {"warning", &c.warning},
        {"track", &c.track},
        {"progress", &c.progress},
        {"alternateRow", &c.alternateRow},
    };
    QString out;
    out.reserve(qss.size());
    qsizetype last = 0;
    auto it = placeholder.globalMatch(qss);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(qss).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (name == QLatin1String("theme")) {
            out += isDark() ? QLatin1String("dark") : QLatin1String("light");
            last = match.capturedEnd();
            continue;
        }
        const QColor* color = nullptr;
        for (const auto& [key, value] : names) {
            if (name == QLatin1String(key))
                color = value;
        }
        // An unknown name stays as written, so a typo shows in the stylesheet warning instead of vanishing.
        out += color ? color->name() : match.captured(0);
        last = match.capturedEnd();
    }
    out += QStringView(qss).mid(last);
    return out;
}

Theme::Mode Theme::storedMode(AppSettings& settings)
{
    const QString value = settings.raw().value(QStringLiteral("ui/theme")).toString();
    if (value == QLatin1String("light"))
        return Mode::Light;
    if (value == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

void Theme::storeMode(AppSettings& settings, Mode mode)
{
    const char* value = mode == Mode::Light ? "light" : mode == Mode::Dark ? "dark" : "system";
    settings.raw().setValue(QStringLiteral("ui/theme"), QString::fromLatin1(value));
}

bool Theme::eventFilter(QObject* watched, QEvent* event)
{
    // Only the application object's own palette change: every widget gets a PaletteChange too.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && !m_applying && m_mode == Mode::System) {
        m_systemPalette = QApplication::palette();
        refresh(false);
    }
    return QObject::eventFilter(watched, event);
}

void Theme::refresh(bool force)
{
    const bool dark = m_mode == Mode::Dark || (m_mode == Mode::System && isDarkPalette(m_systemPalette));
    if (dark == m_dark && !force)
        return;
    m_applying = true;
    m_dark = dark;
    current() = dark ? darkColors() : lightColors();
    if (m_mode == Mode::System) {
        // Only undo what a forced mode did: setting the system palette ourselves would pin it.
        if (m_forced) {
            QApplication::setStyle(m_systemStyle);
            QApplication::setPalette(m_systemPalette);
            m_forced = false;
        }
    } else {
        m_forced = true;
        // Native styles (GTK, Windows) may ignore a palette; Fusion draws with the one we give it.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    }
    if (!m_template.isEmpty())
        qApp->setStyleSheet(expand(m_template));
    m_applying = false;
    Q_EMIT changed();
}

} // namespace lanchat
