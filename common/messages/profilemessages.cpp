#include "profilemessages.h"

#include "../protocol.h"
#include "messagecodec.h"

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

std::optional<QString> optionalText(CborFieldReader& r, const char* key, int maxChars)
{
    if (!r.has(key))
        return std::nullopt;
    return r.text(key, qsizetype(maxChars) * 4);
}

void insertText(QCborMap& m, const char* key, const std::optional<QString>& value)
{
    if (value)
        m.insert(QLatin1String(key), *value);
}

} // namespace

QCborMap ProfileUpdate::encode() const
{
    QCborMap m = typed(kType);
    insertText(m, "display_name", displayName);
    insertText(m, "phone", phone);
    insertText(m, "email", email);
    insertText(m, "signature", signature);
    if (avatar)
        m.insert(QLatin1String("avatar"), *avatar);
    return m;
}

std::optional<ProfileUpdate> ProfileUpdate::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ProfileUpdate x;
    x.displayName = optionalText(r, "display_name", protocol::kMaxNameChars);
    x.phone = optionalText(r, "phone", protocol::kMaxPhoneChars);
    x.email = optionalText(r, "email", protocol::kMaxEmailChars);
    x.signature = optionalText(r, "signature", protocol::kMaxSignatureChars);
    if (r.has("avatar"))
        x.avatar = r.bytes("avatar", protocol::kAvatarHashBytes);
    if (r.ok() && x.avatar && !x.avatar->isEmpty() && x.avatar->size() != protocol::kAvatarHashBytes) {
        if (error)
            *error = QStringLiteral("field 'avatar': neither empty nor 32 bytes");
        return std::nullopt;
    }
    return finish(r, std::move(x), error);
}

QCborMap ProfileUpdated::encode() const
{
    QCborMap m = typed("ok");
    m.insert(QLatin1String("user"), user.toCbor());
    return m;
}

std::optional<ProfileUpdated> ProfileUpdated::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    const QCborMap user = r.map("user");
    if (!r.ok())
        return finish(r, ProfileUpdated{}, error);
    std::optional<UserInfo> info = UserInfo::fromCbor(user, error);
    if (!info)
        return std::nullopt;
    return ProfileUpdated{*info};
}

QCborMap AvatarUpload::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("sha256"), sha256);
    m.insert(QLatin1String("size"), size);
    m.insert(QLatin1String("offset"), offset);
    m.insert(QLatin1String("data"), data);
    return m;
}

std::optional<AvatarUpload> AvatarUpload::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AvatarUpload x;
    x.sha256 = r.bytes("sha256", protocol::kAvatarHashBytes, true, protocol::kAvatarHashBytes);
    x.size = r.uint("size");
    x.offset = r.uint("offset");
    x.data = r.bytes("data", protocol::kChunkBytes);
    return finish(r, std::move(x), error);
}

QCborMap AvatarUploaded::encode() const
{
    QCborMap m = typed("ok");
    m.insert(QLatin1String("received"), received);
    m.insert(QLatin1String("complete"), complete);
    if (user)
        m.insert(QLatin1String("user"), user->toCbor());
    return m;
}

std::optional<AvatarUploaded> AvatarUploaded::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AvatarUploaded x;
    x.received = r.uint("received");
    x.complete = r.boolean("complete", false);
    if (r.has("user")) {
        const QCborMap user = r.map("user");
        if (r.ok()) {
            x.user = UserInfo::fromCbor(user, error);
            if (!x.user)
                return std::nullopt;
        }
    }
    return finish(r, std::move(x), error);
}

QCborMap AvatarRead::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("sha256"), sha256);
    m.insert(QLatin1String("offset"), offset);
    m.insert(QLatin1String("length"), length);
    return m;
}

std::optional<AvatarRead> AvatarRead::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AvatarRead x;
    x.sha256 = r.bytes("sha256", protocol::kAvatarHashBytes, true, protocol::kAvatarHashBytes);
    x.offset = r.uint("offset");
    x.length = r.uint("length", true, protocol::kChunkBytes);
    return finish(r, std::move(x), error);
}

QCborMap AvatarData::encode() const
{
    QCborMap m = typed("ok");
    m.insert(QLatin1String("offset"), offset);
    m.insert(QLatin1String("size"), size);
    m.insert(QLatin1String("data"), data);
    return m;
}

std::optional<AvatarData> AvatarData::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AvatarData x;
    x.offset = r.uint("offset");
    x.size = r.uint("size");
    x.data = r.bytes("data", protocol::kChunkBytes);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
