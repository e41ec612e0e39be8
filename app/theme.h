#pragma once

#include <QColor>
#include <QObject>
#include <QPalette>

namespace lanchat {

class AppSettings;

/**
 * The app's own colours (bubbles, sidebar, badges, notices, links and every colour of resources/style.qss)
 * in a light and a dark set, and which set is in force.
 *
 * Mode::System follows the platform palette: it counts as dark when the window colour's lightness is below
 * half (Qt 6.4 has no QStyleHints::colorScheme), and the set switches when the system palette changes
 * (QEvent::ApplicationPaletteChange). Mode::Light and Mode::Dark force a set and also install the Fusion
 * style with a matching QPalette, so native widgets agree with the stylesheet.
 *
 * Process-wide like QApplication's palette: there is one theme per app, reached through the static
 * functions. GUI thread only; call install() once after the QApplication exists.
 */
class Theme : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        System,
        Light,
        Dark
    };

    /** One colour set. Text colours have a WCAG 2.1 contrast of at least 4.5:1 against their background. */
    struct Colors
    {
        QColor window;          ///< window and chat background
        QColor panel;           ///< sidebar, header, input row, inputs, buttons
        QColor text;            ///< body text on window, panel and bubbles
        QColor muted;           ///< secondary text: times, subtitles, day separators
        QColor border;          ///< panel separators
        QColor inputBorder;     ///< input and button outlines
        QColor hover;           ///< hovered button or row
        QColor selected;        ///< selected row, checked tool button
        QColor primary;         ///< default button, focus ring, selected tab
        QColor primaryHover;    ///< hovered default button
        QColor primaryDisabled; ///< disabled default button
        QColor onPrimary;       ///< text and icons on primary
        QColor disabledText;    ///< disabled controls
        QColor disabledBg;      ///< disabled button fill
        QColor ownBubble;       ///< own message bubble
        QColor otherBubble;     ///< others' message bubble
        QColor bubbleBorder;    ///< outline of others' bubbles
        QColor link;            ///< links and file actions
        QColor error;           ///< error text
        QColor errorBg;         ///< error notice fill
        QColor errorBorder;     ///< error notice outline
        QColor badge;           ///< unread badge fill (white text)
        QColor online;          ///< presence dot and "Connected"
        QColor offline;         ///< presence dot of someone offline
        QColor warning;         ///< "Connecting…" and similar
        QColor track;           ///< progress bar groove
        QColor progress;        ///< progress bar chunk (running); text on it is `text`
        QColor progressDone;    ///< progress bar chunk of a finished transfer
        QColor progressFailed;  ///< progress bar chunk of a failed transfer
        QColor progressPaused;  ///< progress bar chunk of a paused or cancelled transfer
        QColor alternateRow;    ///< alternate table rows
        QColor selection;       ///< translucent fill over selected messages
    };

    /** The set in force. The reference stays valid; its values change when the theme switches. */
    static const Colors& colors();
    /** True while the dark set is in force. */
    static bool isDark();
    static Mode mode();
    /** Whether @p palette looks dark: window colour lightness below 128. */
    static bool isDarkPalette(const QPalette& palette);
    /** The fixed light or dark set, whatever is in force. */
    static Colors lightColors();
    static Colors darkColors();
    /** The QPalette installed when Mode::Dark is forced. */
    static QPalette darkPalette();
    /** WCAG 2.1 contrast ratio of two opaque colours, 1.0 to 21.0. */
    static double contrastRatio(const QColor& a, const QColor& b);

    /** Starts following the system palette and applies @p mode. Call once, after QApplication exists. */
    static void install(Mode mode = Mode::System);
    /** Switches to @p mode now: palette, style and stylesheet (if install() has set one). */
    static void setMode(Mode mode);
    /** The object that emits changed(), made (following the system) on first use; needs a QApplication. */
    static Theme* notifier();

    /**
     * @p qss with every `@name@` replaced by the colour of that name in colors() (e.g. `@primary@`), and
     * `@theme@` by "light" or "dark" (to pick an image drawn for the set).
     */
    static QString expand(QString qss);
    /** Stylesheet the app uses: @p qss is expanded now and again at every switch. */
    static void setStyleSheetTemplate(const QString& qss);

    /** The mode stored in @p settings ("ui/theme": system, light or dark). */
    static Mode storedMode(AppSettings& settings);
    static void storeMode(AppSettings& settings, Mode mode);

Q_SIGNALS:
    /** The set in force changed (light ↔ dark); icons and custom painting must redraw. */
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit Theme(QObject* parent);
    void refresh(bool force);

    Mode m_mode = Mode::System;
    QPalette m_systemPalette;
    QString m_systemStyle;
    QString m_template;
    bool m_applying = false;
    bool m_forced = false;
    bool m_dark = false;
};

} // namespace lanchat
