#include "fileref.h"

#include "cborfieldreader.h"
#include "protocol.h"

namespace lanchat {

QCborMap FileRef::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("name"), name);
    m.insert(QLatin1String("size"), size);
    m.insert(QLatin1String("sha256"), sha256);
    if (expired)
        m.insert(QLatin1String("expired"), true);
    return m;
}

std::optional<FileRef> FileRef::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    FileRef f;
    f.name = r.text("name", protocol::kMaxFileNameBytes);
    f.size = r.uint("size");
    f.sha256 = r.bytes("sha256", 32, true, 32);
    f.expired = r.boolean("expired", false);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return f;
}

} // namespace lanchat
