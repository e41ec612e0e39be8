#pragma once

#include "../cborfieldreader.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat::detail {

/** Shared tail of every decode(): report the reader's first error or return the value. */
template <typename T> std::optional<T> finish(const CborFieldReader& reader, T&& value, QString* error)
{
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return std::move(value);
}

/** A map with `t` set: the start of every encode(). */
inline QCborMap typed(const char* type)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String(type));
    return m;
}

} // namespace lanchat::detail
