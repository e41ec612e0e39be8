#include "mentions.h"

#include "cborfieldreader.h"
#include "cborframewriter.h"
#include "protocol.h"

#include <QCborArray>

namespace lanchat {

void Mentions::insertInto(QCborMap& map) const
{
    if (!users.isEmpty()) {
        QCborArray ids;
        for (UserId user : users)
            ids.append(user.value());
        map.insert(QLatin1String("mentions"), ids);
    }
    if (all)
        map.insert(QLatin1String("mention_all"), true);
}

void Mentions::write(CborFrameWriter& writer) const
{
    if (!users.isEmpty()) {
        writer.key("mentions");
        writer.startArray(quint64(users.size()));
        for (UserId user : users)
            writer.number(user.value());
        writer.endArray();
    }
    if (all) {
        writer.key("mention_all");
        writer.boolean(true);
    }
}

Mentions Mentions::read(CborFieldReader& reader)
{
    Mentions m;
    for (qint64 id : reader.uintList("mentions", protocol::kMaxMentions, false)) {
        const UserId user(id);
        if (user.isValid() && !m.users.contains(user))
            m.users.append(user);
    }
    m.all = reader.boolean("mention_all", false);
    return m;
}

} // namespace lanchat
