#pragma once

#include "ids.h"

#include <QCborMap>

namespace lanchat {

class Router;
class Session;
class Storage;

/**
 * Who has read what (docs/protocol.md 6.4): `read_positions {conversation}` answers every current member's read
 * position, so a client shows read counts after a restart and on a second device (the `read` request and its
 * `read_receipt` push, which keep those positions current, are ChatHandlers'). Members only (forbidden), a missing
 * conversation is not_found. Reads only: nothing goes through the commit queue. Lives on the server thread.
 */
class ReceiptHandlers
{
public:
    explicit ReceiptHandlers(Storage& storage);

    /** Registers `read_positions`, Authenticated. */
    void registerWith(Router& router);

private:
    void readPositions(Session& session, const QCborMap& request, quint64 id);

    Storage& m_storage;
};

} // namespace lanchat
