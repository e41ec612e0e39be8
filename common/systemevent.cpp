#include "systemevent.h"

#include "cborfieldreader.h"
#include "cborframewriter.h"
#include "protocol.h"

#include <array>
#include <utility>

namespace lanchat {

namespace {

constexpr std::array<std::pair<SystemEvent::Type, const char*>, 9> kTypeNames{{
    {SystemEvent::Type::GroupCreated, "group_created"},
    {SystemEvent::Type::GroupRenamed, "group_renamed"},
    {SystemEvent::Type::MemberAdded, "member_added"},
    {SystemEvent::Type::MemberRemoved, "member_removed"},
    {SystemEvent::Type::MemberLeft, "member_left"},
    {SystemEvent::Type::AdminAdded, "admin_added"},
    {SystemEvent::Type::AdminRemoved, "admin_removed"},
    {SystemEvent::Type::OwnerTransferred, "owner_transferred"},
    {SystemEvent::Type::GroupDissolved, "group_dissolved"},
}};

} // namespace

QLatin1String SystemEvent::typeName(Type type)
{
    for (const auto& [t, name] : kTypeNames) {
        if (t == type)
            return QLatin1String(name);
    }
    return QLatin1String("group_created");
}

std::optional<SystemEvent::Type> SystemEvent::typeFromName(QStringView name)
{
    for (const auto& [t, n] : kTypeNames) {
        if (name == QLatin1String(n))
            return t;
    }
    return std::nullopt;
}

QCborMap SystemEvent::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("type"), typeName(type));
    m.insert(QLatin1String("actor"), actor.value());
    if (target.isValid())
        m.insert(QLatin1String("target"), target.value());
    if (!name.isEmpty())
        m.insert(QLatin1String("name"), name);
    return m;
}

int SystemEvent::fieldCount() const
{
    return 2 + (target.isValid() ? 1 : 0) + (name.isEmpty() ? 0 : 1);
}

void SystemEvent::write(CborFrameWriter& w) const
{
    w.key("type");
    w.text(typeName(type));
    w.key("actor");
    w.number(actor.value());
    if (target.isValid()) {
        w.key("target");
        w.number(target.value());
    }
    if (!name.isEmpty()) {
        w.key("name");
        w.text(QStringView(name));
    }
}

std::optional<SystemEvent> SystemEvent::fromCbor(const QCborMap& map)
{
    CborFieldReader r(map);
    const std::optional<Type> type = typeFromName(r.text("type", 32));
    SystemEvent e;
    e.actor = UserId(r.uint("actor"));
    e.target = UserId(r.uint("target", false));
    e.name = r.text("name", protocol::kMaxNameChars * 4, false);
    if (!r.ok() || !type)
        return std::nullopt;
    e.type = *type;
    return e;
}

} // namespace lanchat
