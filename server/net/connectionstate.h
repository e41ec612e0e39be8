#pragma once

namespace lanchat {

/**
 * The life of one Connection, as one value instead of a set of flags. The only ways through it:
 *
 *     Handshaking ──► Open ──► Draining ──► HalfClosed ──► Closed
 *          │                      ▲
 *          └──► HandshakingToClose┘
 *
 * and from every state straight to Closed (peer gone, error, abort). Plaintext connections start Open.
 * Which I/O each state allows:
 * - Handshaking, HandshakingToClose: only the TLS handshake reads and writes; send() queues in Handshaking.
 * - Open: input is delivered while reading is enabled, output is written.
 * - Draining (closeAfterFlush()): queued output is written, input is read and dropped, send() drops.
 * - HalfClosed: our FIN (and TLS close_notify) is sent; input is read and dropped until the peer's FIN.
 * - Closed: the descriptor is closed and the handler was told; nothing more happens.
 */
enum class ConnectionState
{
    Handshaking,        ///< TLS handshake in progress
    HandshakingToClose, ///< closeAfterFlush() came during the handshake: drain once it is done
    Open,
    Draining,   ///< writing the rest of the queue before the FIN
    HalfClosed, ///< FIN sent: waiting for the peer's
    Closed,
};

/** True when the diagram above allows going from @p from to @p to (a state never moves to itself). */
constexpr bool isAllowedTransition(ConnectionState from, ConnectionState to)
{
    using S = ConnectionState;
    if (from == S::Closed || from == to)
        return false;
    if (to == S::Closed)
        return true;
    switch (from) {
    case S::Handshaking:
        return to == S::Open || to == S::HandshakingToClose;
    case S::HandshakingToClose:
    case S::Open:
        return to == S::Draining;
    case S::Draining:
        return to == S::HalfClosed;
    case S::HalfClosed:
    case S::Closed:
        return false;
    }
    return false;
}

/** The state's name, for log lines. */
constexpr const char* stateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Handshaking:
        return "handshaking";
    case ConnectionState::HandshakingToClose:
        return "handshaking-to-close";
    case ConnectionState::Open:
        return "open";
    case ConnectionState::Draining:
        return "draining";
    case ConnectionState::HalfClosed:
        return "half-closed";
    case ConnectionState::Closed:
        return "closed";
    }
    return "?";
}

} // namespace lanchat
