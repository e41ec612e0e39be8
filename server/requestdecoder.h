#pragma once

#include "session.h"

#include <QCborMap>

#include <optional>

namespace lanchat {

/**
 * Decodes a request into its catalogue struct T (common/messages/). On a missing field, wrong CBOR type or
 * out-of-range value answers `invalid_argument` with the decoder's English reason and returns nullopt; the
 * connection stays open. Usage: `const auto req = decodeRequest<SendText>(session, map, id); if (!req) return;`
 */
template <typename T> std::optional<T> decodeRequest(Session& session, const QCborMap& request, quint64 id)
{
    QString error;
    std::optional<T> decoded = T::decode(request, &error);
    if (!decoded)
        session.replyError(id, ErrorCode::InvalidArgument, error);
    return decoded;
}

} // namespace lanchat
