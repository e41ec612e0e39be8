#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QString>

/**
 * Building and reading raw protocol frames in end-to-end tests (docs/protocol.md): the helpers that tests
 * speaking the wire format by hand share.
 */
namespace lanchat::test {

/** A request map holding only `t` = @p type (the caller adds fields and RawClient the `id`). */
QCborMap typed(const char* type);
/** @p payload with its 4-byte big-endian length prefix: one frame as it goes on the wire. */
QByteArray framed(const QByteArray& payload);
/** The `t` of a reply or push ("ok", "error", "welcome", …). */
QString frameType(const QCborMap& frame);
/** The `code` of an error frame (a reply or a connection-level error push); empty when there is none. */
QString errorCodeOf(const QCborMap& frame);
/** @p size random bytes (file contents to upload). */
QByteArray randomBytes(qint64 size);
/** `conversation.id` of a conversation reply (open_private, group_create, …); 0 when absent. */
qint64 conversationId(const QCborMap& reply);

} // namespace lanchat::test
