#pragma once

// Profiles and avatars (docs/protocol.md 15).

#include "../userinfo.h"

#include <QByteArray>
#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * `profile_update {display_name?, phone?, email?, signature?, avatar?}` → ProfileUpdated: changes the requester's
 * own profile; an absent field stays as it is, an empty text clears it (display_name may not be empty). `avatar`:
 * the SHA-256 of a picture that already is someone's avatar, or an empty byte string to remove the picture.
 * Limits and errors (invalid_argument, forbidden for a locked name, not_found for an unknown avatar) in
 * docs/protocol.md 15.1.
 */
struct ProfileUpdate
{
    static constexpr const char* kType = "profile_update";
    std::optional<QString> displayName;
    std::optional<QString> phone;
    std::optional<QString> email;
    std::optional<QString> signature;
    std::optional<QByteArray> avatar; ///< 32 bytes, or empty to remove
    QCborMap encode() const;
    static std::optional<ProfileUpdate> decode(const QCborMap& map, QString* error);
};

/** `ok {user}`: the requester's User map (8.1) after the change. Also the final reply of avatar_upload. */
struct ProfileUpdated
{
    UserInfo user;
    QCborMap encode() const;
    static std::optional<ProfileUpdated> decode(const QCborMap& map, QString* error);
};

/**
 * `avatar_upload {sha256, size, offset, data}` → AvatarUploaded: one piece of a new avatar picture (docs/protocol.md
 * 15.2). Pieces come in order from offset 0, each 1..protocol::kChunkBytes bytes; after the last one the server
 * checks the SHA-256 and the picture, stores it and makes it the requester's avatar.
 */
struct AvatarUpload
{
    static constexpr const char* kType = "avatar_upload";
    QByteArray sha256; ///< 32 bytes, of the whole picture
    qint64 size = 0;   ///< bytes of the whole picture, 1..protocol::kMaxAvatarBytes
    qint64 offset = 0; ///< position of data's first byte
    QByteArray data;
    QCborMap encode() const;
    static std::optional<AvatarUpload> decode(const QCborMap& map, QString* error);
};

/** `ok {received, complete, user?}`: bytes the server holds; after the last piece complete and the new User map. */
struct AvatarUploaded
{
    qint64 received = 0;
    bool complete = false;
    std::optional<UserInfo> user;
    QCborMap encode() const;
    static std::optional<AvatarUploaded> decode(const QCborMap& map, QString* error);
};

/**
 * `avatar_read {sha256, offset, length}` → AvatarData: bytes of a picture that is some user's avatar (any logged-in
 * user may read any avatar; any other hash is not_found). length 1..protocol::kChunkBytes.
 */
struct AvatarRead
{
    static constexpr const char* kType = "avatar_read";
    QByteArray sha256;
    qint64 offset = 0;
    qint64 length = 0;
    QCborMap encode() const;
    static std::optional<AvatarRead> decode(const QCborMap& map, QString* error);
};

/** `ok {offset, size, data}`: @p size is the whole picture's size; @p data empty at its end. */
struct AvatarData
{
    qint64 offset = 0;
    qint64 size = 0;
    QByteArray data;
    QCborMap encode() const;
    static std::optional<AvatarData> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
