#include "conversationinfo.h"

#include "cborfieldreader.h"
#include "protocol.h"

#include <QCborArray>

namespace lanchat {

namespace {

/** Wire value of `channel` for the announcement channel (docs/protocol.md 8.2); also the stored value. */
constexpr char kAnnouncementsChannel[] = "announcements";

} // namespace

GroupRole ConversationInfo::roleOf(UserId user) const
{
    if (kind != ConversationKind::Group || !members.contains(user))
        return GroupRole::None;
    if (user == owner)
        return GroupRole::Owner;
    return admins.contains(user) ? GroupRole::Admin : GroupRole::Member;
}

QCborMap ConversationInfo::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("id"), id.value());
    m.insert(QLatin1String("kind"),
             kind == ConversationKind::Group ? QLatin1String("group") : QLatin1String("private"));
    if (kind == ConversationKind::Group) {
        m.insert(QLatin1String("name"), name);
        m.insert(QLatin1String("owner"), owner.value());
        if (!admins.isEmpty()) {
            QCborArray ids;
            for (UserId u : admins)
                ids.append(u.value());
            m.insert(QLatin1String("admins"), ids);
        }
    }
    QCborArray members;
    for (UserId u : this->members)
        members.append(u.value());
    m.insert(QLatin1String("members"), members);
    m.insert(QLatin1String("last_seq"), lastSeq);
    m.insert(QLatin1String("read_seq"), readSeq);
    if (announcements) {
        m.insert(QLatin1String("channel"), QLatin1String(kAnnouncementsChannel));
        m.insert(QLatin1String("read_only"), true);
    }
    return m;
}

std::optional<ConversationInfo> ConversationInfo::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    ConversationInfo c;
    c.id = ConversationId(r.uint("id"));
    const QString kind = r.text("kind", 16);
    c.kind = kind == QLatin1String("group") ? ConversationKind::Group : ConversationKind::Private;
    c.name = r.text("name", protocol::kMaxNameChars * 4, false);
    c.owner = UserId(r.uint("owner", false));
    for (qint64 m : r.uintList("members", protocol::kMaxGroupMembers))
        c.members.append(UserId(m));
    // Absent from servers without `group_roles` and from groups without admins.
    for (qint64 a : r.uintList("admins", protocol::kMaxGroupMembers, false))
        c.admins.append(UserId(a));
    c.lastSeq = r.uint("last_seq", false);
    c.readSeq = r.uint("read_seq", false);
    // Other channel names may come from a newer server: those are ordinary conversations to this build.
    c.announcements = r.text("channel", 32, false) == QLatin1String(kAnnouncementsChannel);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return c;
}

} // namespace lanchat
