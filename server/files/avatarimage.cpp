#include "avatarimage.h"

#include "protocol.h"

#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <memory>
#include <png.h>
#include <vector>

namespace lanchat {

namespace {

const QByteArray kPngSignature("\x89PNG\r\n\x1a\n", 8);
const QByteArray kJpegSignature("\xff\xd8\xff", 3);

QString tooLarge(quint32 width, quint32 height)
{
    return QStringLiteral("the picture is %1 x %2 pixels, more than %3 each way")
        .arg(width)
        .arg(height)
        .arg(protocol::kMaxAvatarPixels);
}

bool sizeOk(quint32 width, quint32 height)
{
    return width >= 1 && height >= 1 && width <= quint32(protocol::kMaxAvatarPixels) &&
           height <= quint32(protocol::kMaxAvatarPixels);
}

// libpng's simplified API (png_image_*) reads the header first, so the size is checked before any pixel buffer
// is allocated.
std::optional<QString> checkPng(const QByteArray& data)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.constData(), size_t(data.size())))
        return QStringLiteral("the picture does not decode: %1").arg(QString::fromLatin1(image.message));
    if (image.width == 0 || image.height == 0) {
        png_image_free(&image);
        return QStringLiteral("the picture has no dimensions");
    }
    if (!sizeOk(image.width, image.height)) {
        const QString reason = tooLarge(image.width, image.height);
        png_image_free(&image);
        return reason;
    }
    image.format = PNG_FORMAT_RGBA;
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr))
        return QStringLiteral("the picture does not decode: %1").arg(QString::fromLatin1(image.message));
    return std::nullopt;
}

struct JpegError
{
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void jpegErrorExit(j_common_ptr info)
{
    auto* error = reinterpret_cast<JpegError*>(info->err);
    info->err->format_message(info, error->message);
    std::longjmp(error->jump, 1);
}

// libjpeg reports errors through error_exit, which must not return: it jumps back here. Nothing with a destructor
// lives between setjmp and the calls that may jump (the scanline buffer belongs to libjpeg's pool).
std::optional<QString> checkJpeg(const QByteArray& data)
{
    jpeg_decompress_struct info{};
    JpegError error{};
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = jpegErrorExit;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        return QStringLiteral("the picture does not decode: %1").arg(QString::fromLatin1(error.message));
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(data.constData()),
                 static_cast<unsigned long>(data.size()));
    jpeg_read_header(&info, TRUE);
    if (!sizeOk(info.image_width, info.image_height)) {
        const quint32 width = info.image_width;
        const quint32 height = info.image_height;
        jpeg_destroy_decompress(&info);
        return width == 0 || height == 0 ? QStringLiteral("the picture has no dimensions") : tooLarge(width, height);
    }
    jpeg_start_decompress(&info);
    JSAMPARRAY row = (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                               info.output_width * JDIMENSION(info.output_components), 1);
    while (info.output_scanline < info.output_height)
        jpeg_read_scanlines(&info, row, 1);
    jpeg_finish_decompress(&info);
    const bool corrupt = error.manager.num_warnings > 0;
    jpeg_destroy_decompress(&info);
    if (corrupt)
        return QStringLiteral("the picture does not decode: the JPEG data is corrupt or truncated");
    return std::nullopt;
}

} // namespace

std::optional<QString> AvatarImage::check(const QByteArray& data)
{
    if (data.startsWith(kPngSignature))
        return checkPng(data);
    if (data.startsWith(kJpegSignature))
        return checkJpeg(data);
    return QStringLiteral("not a PNG or JPEG picture");
}

} // namespace lanchat
