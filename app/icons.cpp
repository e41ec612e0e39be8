#include "icons.h"

#include "logging.h"
#include "svgiconengine.h"
#include "theme.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMimeDatabase>

namespace lanchat {

namespace {

// App name → Lucide file name (resources/icons/lucide/<file>.svg).
const QHash<QString, QString>& fileNames()
{
    static const QHash<QString, QString> names{
        {QStringLiteral("send"), QStringLiteral("send")},
        {QStringLiteral("attach"), QStringLiteral("paperclip")},
        {QStringLiteral("paste"), QStringLiteral("clipboard-paste")},
        {QStringLiteral("screenshot"), QStringLiteral("scissors")},
        {QStringLiteral("emoji"), QStringLiteral("smile")},
        {QStringLiteral("transfers"), QStringLiteral("arrow-down-up")},
        {QStringLiteral("reconnect"), QStringLiteral("refresh-cw")},
        {QStringLiteral("settings"), QStringLiteral("settings")},
        {QStringLiteral("new-chat"), QStringLiteral("message-square-plus")},
        {QStringLiteral("new-group"), QStringLiteral("users")},
        {QStringLiteral("search"), QStringLiteral("search")},
        {QStringLiteral("pause"), QStringLiteral("pause")},
        {QStringLiteral("resume"), QStringLiteral("play")},
        {QStringLiteral("cancel"), QStringLiteral("x")},
        {QStringLiteral("open"), QStringLiteral("external-link")},
        {QStringLiteral("show-in-folder"), QStringLiteral("folder-open")},
        {QStringLiteral("download"), QStringLiteral("download")},
        {QStringLiteral("show-window"), QStringLiteral("app-window")},
        {QStringLiteral("quit"), QStringLiteral("power")},
        {QStringLiteral("logout"), QStringLiteral("log-out")},
        {QStringLiteral("mute"), QStringLiteral("bell-off")},
        {QStringLiteral("unmute"), QStringLiteral("bell")},
        {QStringLiteral("info"), QStringLiteral("info")},
        {QStringLiteral("rectangle"), QStringLiteral("square")},
        {QStringLiteral("arrow"), QStringLiteral("move-up-right")},
        {QStringLiteral("text"), QStringLiteral("type")},
        {QStringLiteral("color"), QStringLiteral("palette")},
        {QStringLiteral("undo"), QStringLiteral("undo-2")},
        {QStringLiteral("copy"), QStringLiteral("copy")},
        {QStringLiteral("file-image"), QStringLiteral("file-image")},
        {QStringLiteral("file-pdf"), QStringLiteral("file-text")},
        {QStringLiteral("file-archive"), QStringLiteral("file-archive")},
        {QStringLiteral("file-doc"), QStringLiteral("file-type")},
        {QStringLiteral("file-sheet"), QStringLiteral("file-spreadsheet")},
        {QStringLiteral("file-slides"), QStringLiteral("presentation")},
        {QStringLiteral("file-audio"), QStringLiteral("file-audio")},
        {QStringLiteral("file-video"), QStringLiteral("file-video")},
        {QStringLiteral("file-code"), QStringLiteral("file-code")},
        {QStringLiteral("file-generic"), QStringLiteral("file")},
    };
    return names;
}

QColor colorFor(Icons::Tone tone, QIcon::Mode mode)
{
    const Theme::Colors& c = Theme::colors();
    if (mode == QIcon::Disabled)
        return tone == Icons::Tone::OnPrimary ? c.onPrimary : c.disabledText;
    switch (tone) {
    case Icons::Tone::Muted:
        return c.muted;
    case Icons::Tone::OnPrimary:
        return c.onPrimary;
    case Icons::Tone::Link:
        return c.link;
    case Icons::Tone::Text:
        break;
    }
    return c.text;
}

bool nameHasAny(const QString& mime, std::initializer_list<const char*> parts)
{
    for (const char* part : parts) {
        if (mime.contains(QLatin1String(part)))
            return true;
    }
    return false;
}

} // namespace

bool Icons::has(const QString& name)
{
    return fileNames().contains(name);
}

QIcon Icons::icon(const QString& name, Tone tone)
{
    static QHash<QString, QIcon> cache;
    static const bool clearAtExit = [] {
        // The icons hold pixmaps: let them go with the application, not after it.
        qAddPostRoutine([] { cache.clear(); });
        return true;
    }();
    Q_UNUSED(clearAtExit);
    const QString key = name + QLatin1Char('/') + QString::number(int(tone));
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    const QString file = fileNames().value(name);
    QFile svg(QStringLiteral(":/icons/lucide/%1.svg").arg(file));
    if (file.isEmpty() || !svg.open(QIODevice::ReadOnly)) {
        qCWarning(lcApp) << "no icon named" << name;
        return {};
    }
    QIcon icon(new SvgIconEngine(svg.readAll(), [tone](QIcon::Mode mode) { return colorFor(tone, mode); }));
    cache.insert(key, icon);
    return icon;
}

Icons::FileKind Icons::fileKind(const QString& fileName)
{
    static const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    const QString name = type.name();
    // Office formats are zip files underneath: ask for them before archives.
    if (name.startsWith(QLatin1String("image/")))
        return FileKind::Image;
    if (name.startsWith(QLatin1String("audio/")))
        return FileKind::Audio;
    if (name.startsWith(QLatin1String("video/")))
        return FileKind::Video;
    if (name == QLatin1String("application/pdf"))
        return FileKind::Pdf;
    if (nameHasAny(name, {"spreadsheet", "ms-excel", "text/csv", "tab-separated"}))
        return FileKind::Spreadsheet;
    if (nameHasAny(name, {"presentation", "ms-powerpoint"}))
        return FileKind::Slides;
    if (nameHasAny(name,
                   {"wordprocessing", "msword", "opendocument.text", "rtf", "text/plain", "text/markdown", "readme"}))
        return FileKind::Document;
    if (type.inherits(QStringLiteral("application/zip")) || type.inherits(QStringLiteral("application/x-tar")) ||
        nameHasAny(name, {"compressed", "7z", "rar", "gzip", "bzip", "x-xz", "zstd", "x-archive", "x-cpio"}))
        return FileKind::Archive;
    if (type.inherits(QStringLiteral("text/plain")) ||
        nameHasAny(name, {"json", "javascript", "x-shellscript", "x-python", "xml", "x-sql"}))
        return FileKind::Code;
    return FileKind::Generic;
}

QString Icons::fileIconName(FileKind kind)
{
    switch (kind) {
    case FileKind::Image:
        return QStringLiteral("file-image");
    case FileKind::Pdf:
        return QStringLiteral("file-pdf");
    case FileKind::Archive:
        return QStringLiteral("file-archive");
    case FileKind::Document:
        return QStringLiteral("file-doc");
    case FileKind::Spreadsheet:
        return QStringLiteral("file-sheet");
    case FileKind::Slides:
        return QStringLiteral("file-slides");
    case FileKind::Audio:
        return QStringLiteral("file-audio");
    case FileKind::Video:
        return QStringLiteral("file-video");
    case FileKind::Code:
        return QStringLiteral("file-code");
    case FileKind::Generic:
        break;
    }
    return QStringLiteral("file-generic");
}

QIcon Icons::fileIcon(const QString& fileName, Tone tone)
{
    return icon(fileIconName(fileKind(fileName)), tone);
}

} // namespace lanchat
