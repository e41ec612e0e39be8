#include "devicetokencommand.h"

#include "admincontext.h"
#include "logging.h"
#include "texttable.h"

#include <QDateTime>

namespace lanchat {

namespace {

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

bool DeviceTokenCommand::handles(const QString& action)
{
    return action == QLatin1String("tokens") || action == QLatin1String("revoke-tokens");
}

int DeviceTokenCommand::run(Storage& storage, const QString& action, const UserRecord& user)
{
    if (action == QLatin1String("tokens")) {
        const QList<DeviceTokenRecord> devices = storage.deviceTokens().of(user.id);
        if (devices.isEmpty()) {
            AdminContext::print(tr("no device of '%1' stays logged in").arg(user.username));
            return AdminContext::kOk;
        }
        TextTable table;
        table.addRow({tr("ID"), tr("DEVICE"), tr("CREATED (UTC)"), tr("LAST USED (UTC)")});
        for (const DeviceTokenRecord& device : devices)
            table.addRow(
                {QString::number(device.id), device.deviceName, utc(device.createdMs), utc(device.lastUsedMs)});
        AdminContext::print(table.lines());
        return AdminContext::kOk;
    }
    const int removed = storage.deviceTokens().removeAll(user.id);
    if (removed < 0)
        return AdminContext::fail(tr("cannot change the account '%1'").arg(user.username));
    qCInfo(lcServer) << "admin: device tokens revoked" << user.username << user.id.value() << removed;
    AdminContext::print(
        tr("%n device(s) of '%1' must log in with the password again", nullptr, removed).arg(user.username));
    return AdminContext::kOk;
}

} // namespace lanchat
