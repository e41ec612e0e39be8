#include "authmessages.h"

#include "../protocol.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

QCborArray toArray(const QStringList& list)
{
    QCborArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

constexpr qsizetype kMaxFeatures = 64;
constexpr qsizetype kMaxFeatureBytes = 64;
constexpr qsizetype kMaxLabelBytes = 256;

} // namespace

QCborMap Hello::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("protocol"), protocol);
    m.insert(QLatin1String("client"), client);
    m.insert(QLatin1String("features"), toArray(features));
    return m;
}

std::optional<Hello> Hello::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    Hello h;
    h.protocol = quint32(r.uint("protocol", true, std::numeric_limits<quint32>::max()));
    h.client = r.text("client", kMaxLabelBytes, false);
    h.features = r.textList("features", kMaxFeatures, kMaxFeatureBytes, false);
    return finish(r, std::move(h), error);
}

QCborMap Welcome::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("protocol"), protocol);
    m.insert(QLatin1String("server"), server);
    m.insert(QLatin1String("features"), toArray(features));
    m.insert(QLatin1String("max_frame"), maxFrame);
    m.insert(QLatin1String("server_time"), serverTimeMs);
    if (!registration.isEmpty())
        m.insert(QLatin1String("registration"), registration);
    if (maxFileBytes > 0)
        m.insert(QLatin1String("max_file_bytes"), maxFileBytes);
    if (recallWindowSeconds > 0)
        m.insert(QLatin1String("recall_window"), recallWindowSeconds);
    if (editWindowSeconds > 0)
        m.insert(QLatin1String("edit_window"), editWindowSeconds);
    return m;
}

std::optional<Welcome> Welcome::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    Welcome w;
    w.protocol = quint32(r.uint("protocol", true, std::numeric_limits<quint32>::max()));
    w.server = r.text("server", kMaxLabelBytes, false);
    w.features = r.textList("features", kMaxFeatures, kMaxFeatureBytes, false);
    w.maxFrame = quint32(r.uint("max_frame", true, std::numeric_limits<quint32>::max()));
    w.serverTimeMs = r.uint("server_time", false);
    w.registration = r.text("registration", kMaxLabelBytes, false);
    w.maxFileBytes = r.uint("max_file_bytes", false);
    w.recallWindowSeconds = r.uint("recall_window", false);
    w.editWindowSeconds = r.uint("edit_window", false);
    return finish(r, std::move(w), error);
}

QCborMap Register::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    m.insert(QLatin1String("display_name"), displayName);
    if (!invite.isEmpty())
        m.insert(QLatin1String("invite"), invite);
    if (remember) {
        m.insert(QLatin1String("remember"), true);
        m.insert(QLatin1String("device_name"), deviceName);
    }
    return m;
}

std::optional<Register> Register::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    Register x;
    x.username = r.text("username", protocol::kMaxUsernameChars);
    x.password = r.text("password", protocol::kMaxPasswordBytes);
    x.displayName = r.text("display_name", protocol::kMaxNameChars * 4, false);
    x.invite = r.text("invite", kMaxLabelBytes, false);
    x.remember = r.boolean("remember", false);
    x.deviceName = r.text("device_name", protocol::kMaxNameChars * 4, false);
    return finish(r, std::move(x), error);
}

QCborMap Login::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("username"), username);
    if (deviceToken.isEmpty())
        m.insert(QLatin1String("password"), password);
    else
        m.insert(QLatin1String("device_token"), deviceToken);
    if (remember) {
        m.insert(QLatin1String("remember"), true);
        m.insert(QLatin1String("device_name"), deviceName);
    }
    return m;
}

std::optional<Login> Login::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    Login x;
    x.username = r.text("username", protocol::kMaxUsernameChars * 4);
    x.deviceToken = r.bytes("device_token", protocol::kDeviceTokenBytes, false, protocol::kDeviceTokenBytes);
    // One of the two: a token login carries no password.
    x.password = r.text("password", protocol::kMaxPasswordBytes, x.deviceToken.isEmpty());
    x.remember = r.boolean("remember", false);
    x.deviceName = r.text("device_name", protocol::kMaxNameChars * 4, false);
    return finish(r, std::move(x), error);
}

QCborMap AuthOk::encode() const
{
    QCborMap m = typed("ok");
    m.insert(QLatin1String("user"), user.toCbor());
    m.insert(QLatin1String("last_seq"), lastSeq);
    if (!deviceToken.isEmpty())
        m.insert(QLatin1String("device_token"), deviceToken);
    return m;
}

std::optional<AuthOk> AuthOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AuthOk x;
    const auto user = UserInfo::fromCbor(r.map("user"), error);
    x.lastSeq = r.uint("last_seq", false);
    x.deviceToken = r.bytes("device_token", protocol::kDeviceTokenBytes, false, protocol::kDeviceTokenBytes);
    if (!user)
        return std::nullopt;
    x.user = *user;
    return finish(r, std::move(x), error);
}

QCborMap ChangePassword::encode() const
{
    QCborMap m = typed(kType);
    m.insert(QLatin1String("old_password"), oldPassword);
    m.insert(QLatin1String("new_password"), newPassword);
    return m;
}

std::optional<ChangePassword> ChangePassword::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ChangePassword x;
    x.oldPassword = r.text("old_password", protocol::kMaxPasswordBytes);
    x.newPassword = r.text("new_password", protocol::kMaxPasswordBytes);
    return finish(r, std::move(x), error);
}

} // namespace lanchat
