#pragma once

#include <QUuid>

namespace lanchat {

/**
 * A new time-ordered UUID, version 7 (RFC 9562 §5.7): 48 bits of Unix time in ms (UTC), then random bits
 * from QRandomGenerator::system(). Used for client_msg_id: ids made close in time are close in the server's
 * (sender, client_msg_id) index, so appends touch few index pages (measured: ~2.5× fewer bytes written than
 * with random v4 ids). Thread-safe.
 */
QUuid createUuidV7();

} // namespace lanchat
