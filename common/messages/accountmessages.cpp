#include "accountmessages.h"

#include "../protocol.h"
#include "chatmessages.h"
#include "messagecodec.h"

#include <QCborArray>

namespace lanchat {

using detail::finish;
using detail::typed;

namespace {

constexpr qsizetype kMaxListed = 1000; ///< sessions or devices of one account in a reply, a decoder's bound
constexpr qsizetype kMaxClientBytes = 256;
constexpr qsizetype kMaxAddressBytes = 64;

template <typename T> QCborArray toCborArray(const QList<T>& items)
{
    QCborArray array;
    for (const T& item : items)
        array.append(item.toCbor());
    return array;
}

template <typename T> bool fromCborArray(const QCborArray& array, QList<T>* out, QString* error)
{
    for (const QCborValue& value : array) {
        std::optional<T> item = T::fromCbor(value.toMap(), error);
        if (!item)
            return false;
        out->append(std::move(*item));
    }
    return true;
}

} // namespace

QCborMap AccountSession::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("current"), current);
    m.insert(QLatin1String("client"), client);
    if (!device.isEmpty())
        m.insert(QLatin1String("device"), device);
    m.insert(QLatin1String("address"), address);
    m.insert(QLatin1String("since_ms"), sinceMs);
    m.insert(QLatin1String("last_seen_ms"), lastSeenMs);
    return m;
}

std::optional<AccountSession> AccountSession::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AccountSession x;
    x.current = r.boolean("current", false);
    x.client = r.text("client", kMaxClientBytes, false);
    x.device = r.text("device", protocol::kMaxNameChars * 4, false);
    x.address = r.text("address", kMaxAddressBytes);
    x.sinceMs = r.uint("since_ms");
    x.lastSeenMs = r.uint("last_seen_ms");
    return finish(r, std::move(x), error);
}

QCborMap AccountDevice::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("id"), id);
    m.insert(QLatin1String("name"), name);
    m.insert(QLatin1String("created_ms"), createdMs);
    m.insert(QLatin1String("last_used_ms"), lastUsedMs);
    m.insert(QLatin1String("current"), current);
    return m;
}

std::optional<AccountDevice> AccountDevice::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AccountDevice x;
    x.id = r.uint("id");
    x.name = r.text("name", protocol::kMaxNameChars * 4);
    x.createdMs = r.uint("created_ms");
    x.lastUsedMs = r.uint("last_used_ms");
    x.current = r.boolean("current", false);
    return finish(r, std::move(x), error);
}

QCborMap AccountSessionsOk::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("sessions"), toCborArray(sessions));
    m.insert(QLatin1String("devices"), toCborArray(devices));
    return m;
}

std::optional<AccountSessionsOk> AccountSessionsOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    AccountSessionsOk x;
    if (!fromCborArray(r.array("sessions", kMaxListed), &x.sessions, error) ||
        !fromCborArray(r.array("devices", kMaxListed), &x.devices, error))
        return std::nullopt;
    return finish(r, std::move(x), error);
}

QCborMap LogoutOthersOk::encode() const
{
    QCborMap m = typed(msgtype::kOk);
    m.insert(QLatin1String("sessions"), sessions);
    m.insert(QLatin1String("devices"), devices);
    return m;
}

std::optional<LogoutOthersOk> LogoutOthersOk::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    LogoutOthersOk x;
    x.sessions = int(r.uint("sessions", true, kMaxListed));
    x.devices = int(r.uint("devices", true, kMaxListed));
    return finish(r, std::move(x), error);
}

} // namespace lanchat
