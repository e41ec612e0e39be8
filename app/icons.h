#pragma once

#include <QIcon>
#include <QString>

namespace lanchat {

/**
 * The app's icons: Lucide stroke icons (resources/icons/lucide, ISC) drawn in the current Theme's colours,
 * so they stay consistent in light and dark mode, and sharp at any device pixel ratio (SvgIconEngine).
 *
 * Names are the app's own, independent of the icon set: send, attach, paste, screenshot, emoji, transfers,
 * reconnect, settings, new-chat, new-group, search, pause, resume, cancel, open, show-in-folder, download,
 * show-window, quit, logout, mute, unmute, info, and the screenshot tools rectangle, arrow, text, color,
 * undo, copy. File types: file-image, file-pdf, file-archive, file-doc, file-sheet, file-slides, file-audio,
 * file-video, file-code, file-generic. An unknown name gives a null QIcon (and a warning in the log).
 * GUI thread only.
 */
class Icons
{
public:
    /** Which Theme colour the icon takes. */
    enum class Tone
    {
        Text,      ///< body text colour (toolbars, menus, buttons)
        Muted,     ///< secondary text colour
        OnPrimary, ///< on a primary-coloured button (Send)
        Link,      ///< like a link (file actions in bubbles)
    };

    /** What a file is, for its icon in a file bubble. */
    enum class FileKind
    {
        Image,
        Pdf,
        Archive,
        Document,
        Spreadsheet,
        Slides,
        Audio,
        Video,
        Code,
        Generic
    };

    /** The icon named @p name (see the class comment). Cached: the same name and tone give the same QIcon. */
    static QIcon icon(const QString& name, Tone tone = Tone::Text);
    /** Whether @p name is known. */
    static bool has(const QString& name);

    /** The kind of @p fileName, from the MIME type its name suggests (QMimeDatabase, by extension only). */
    static FileKind fileKind(const QString& fileName);
    /** The icon name for @p kind ("file-pdf", …). */
    static QString fileIconName(FileKind kind);
    /** The file-type icon for @p fileName in @p tone. */
    static QIcon fileIcon(const QString& fileName, Tone tone = Tone::Text);
};

} // namespace lanchat
