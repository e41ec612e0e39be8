#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * Checks an uploaded avatar picture (docs/protocol.md 15.2): a PNG or JPEG (by content, not by name) whose header
 * gives 1..protocol::kMaxAvatarPixels pixels each way and whose pixels decode. The header is checked before
 * decoding, so a small file announcing a huge picture is refused without allocating it. Decoded with libpng and
 * libjpeg (no Qt Gui in the server). Any thread; no state.
 */
class AvatarImage
{
public:
    /** nullopt if @p data is an acceptable avatar; else an English reason (the relay answers `bad_image`). */
    static std::optional<QString> check(const QByteArray& data);
};

} // namespace lanchat
