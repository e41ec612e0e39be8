#include "avatarimage.h"

#include "protocol.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>

namespace lanchat {

std::optional<QString> AvatarImage::check(const QByteArray& data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format != "png" && format != "jpeg")
        return QStringLiteral("not a PNG or JPEG picture");
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return QStringLiteral("the picture has no dimensions");
    if (size.width() > protocol::kMaxAvatarPixels || size.height() > protocol::kMaxAvatarPixels)
        return QStringLiteral("the picture is %1 x %2 pixels, more than %3 each way")
            .arg(size.width())
            .arg(size.height())
            .arg(protocol::kMaxAvatarPixels);
    if (reader.read().isNull())
        return QStringLiteral("the picture does not decode: %1").arg(reader.errorString());
    return std::nullopt;
}

} // namespace lanchat
