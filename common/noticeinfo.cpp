#include "noticeinfo.h"

#include "cborfieldreader.h"
#include "protocol.h"

#include <QCborArray>

namespace lanchat {

namespace {

std::optional<NoticeAudience> audienceFromName(const QString& name)
{
    if (name == QLatin1String("all"))
        return NoticeAudience::Everyone;
    if (name == QLatin1String("group"))
        return NoticeAudience::Group;
    if (name == QLatin1String("departments"))
        return NoticeAudience::Departments;
    return std::nullopt;
}

} // namespace

QString NoticeInfo::audienceName(NoticeAudience audience)
{
    switch (audience) {
    case NoticeAudience::Everyone:
        return QStringLiteral("all");
    case NoticeAudience::Group:
        return QStringLiteral("group");
    case NoticeAudience::Departments:
        return QStringLiteral("departments");
    }
    return QStringLiteral("group");
}

QCborMap NoticeInfo::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("id"), id);
    m.insert(QLatin1String("author"), author.value());
    m.insert(QLatin1String("audience"), audienceName(audience));
    if (audience == NoticeAudience::Group)
        m.insert(QLatin1String("conversation"), conversation.value());
    if (audience == NoticeAudience::Departments) {
        QCborArray ids;
        for (qint64 department : departments)
            ids.append(department);
        m.insert(QLatin1String("departments"), ids);
    }
    m.insert(QLatin1String("text"), text);
    m.insert(QLatin1String("must_ack"), mustAck);
    m.insert(QLatin1String("created_ms"), createdMs);
    if (ackedMs > 0)
        m.insert(QLatin1String("acked_ms"), ackedMs);
    if (recipients >= 0) {
        m.insert(QLatin1String("recipients"), recipients);
        m.insert(QLatin1String("acknowledged"), acknowledged);
    }
    if (remindedMs > 0)
        m.insert(QLatin1String("reminded_ms"), remindedMs);
    return m;
}

std::optional<NoticeInfo> NoticeInfo::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeInfo x;
    x.id = r.uint("id");
    x.author = UserId(r.uint("author"));
    const std::optional<NoticeAudience> audience = audienceFromName(r.text("audience", 32));
    x.conversation = ConversationId(r.uint("conversation", false));
    x.departments = r.uintList("departments", 1000, false);
    x.text = r.text("text", protocol::kMaxNoticeTextBytes);
    x.mustAck = r.boolean("must_ack", false);
    x.createdMs = r.uint("created_ms");
    x.ackedMs = r.uint("acked_ms", false);
    if (r.has("recipients")) {
        x.recipients = int(r.uint("recipients", true, std::numeric_limits<int>::max()));
        x.acknowledged = int(r.uint("acknowledged", false, std::numeric_limits<int>::max()));
    }
    x.remindedMs = r.uint("reminded_ms", false);
    if (!r.ok() || !audience) {
        if (error)
            *error = r.ok() ? QStringLiteral("field 'audience': unknown value") : r.error();
        return std::nullopt;
    }
    x.audience = *audience;
    return x;
}

QCborMap NoticeReceipt::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("user"), user.value());
    if (ackedMs > 0)
        m.insert(QLatin1String("acked_ms"), ackedMs);
    if (remindedMs > 0)
        m.insert(QLatin1String("reminded_ms"), remindedMs);
    return m;
}

std::optional<NoticeReceipt> NoticeReceipt::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    NoticeReceipt x;
    x.user = UserId(r.uint("user"));
    x.ackedMs = r.uint("acked_ms", false);
    x.remindedMs = r.uint("reminded_ms", false);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return x;
}

} // namespace lanchat
