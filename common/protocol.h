#pragma once

#include <QtGlobal>

/**
 * Protocol constants. docs/protocol.md is normative; these values must match it.
 */
namespace lanchat::protocol {

/** Protocol version sent in hello/welcome. Moves only on incompatible change. */
inline constexpr quint32 kVersion = 1;

/** Default TCP port of lanchat-server (TLS, or plaintext with --insecure-plaintext). */
inline constexpr quint16 kDefaultPort = 7411;

/** UDP port on which the server answers discovery probes (broadcast). */
inline constexpr quint16 kDiscoveryPort = 7412;

/** Bytes of the big-endian length prefix in front of every frame. */
inline constexpr int kLengthPrefixBytes = 4;

/** Largest frame payload (CBOR bytes, prefix excluded) either side accepts: 1 MiB. */
inline constexpr quint32 kMaxFrameBytes = 1024 * 1024;

/** Largest message text in UTF-8 bytes: 64 KiB. */
inline constexpr qsizetype kMaxTextBytes = 64 * 1024;

/** Default and largest file chunk payload in bytes: 256 KiB. */
inline constexpr qint64 kChunkBytes = 256 * 1024;

/** Largest `limit` accepted by history and sync. */
inline constexpr int kMaxPageSize = 500;

/** Default `limit` of history and sync when the request gives none. */
inline constexpr int kDefaultPageSize = 100;

/** Username: 1..32 characters of [A-Za-z0-9._-]; compared case-insensitively. */
inline constexpr int kMaxUsernameChars = 32;

/** Display name and group name: 1..64 characters, any Unicode. */
inline constexpr int kMaxNameChars = 64;

/** Password: 8..1024 bytes of UTF-8. */
inline constexpr int kMinPasswordBytes = 8;
inline constexpr int kMaxPasswordBytes = 1024;

/** File name in file_offer: 1..255 bytes of UTF-8. */
inline constexpr int kMaxFileNameBytes = 255;

/** Largest member list of a group. */
inline constexpr int kMaxGroupMembers = 1000;

/**
 * Feature flag (hello/welcome `features`): the peer handles proof-of-possession challenges on file_offer
 * (docs/protocol.md 10.2a). A server only challenges sessions whose hello announced it.
 */
inline constexpr const char* kFeatureFileProof = "file_proof";
/**
 * Feature flag (welcome `features`): the server issues device tokens on `login {remember: true}` and accepts
 * `login {username, device_token}` (docs/protocol.md, "Device tokens"). A client offers "stay logged in" only then.
 */
inline constexpr const char* kFeatureDeviceTokens = "device_tokens";
/** A device token: random bytes (256 bits); device_name: 1..64 characters. */
inline constexpr int kDeviceTokenBytes = 32;
/**
 * Server feature flag (welcome `features`): conversations carry `channel`/`read_only` and the server enforces
 * the announcement channel's posting rule (docs/protocol.md 8.2, 9). Without it, a group named "Announcements"
 * is an ordinary group.
 */
inline constexpr const char* kFeatureAnnouncementChannel = "announcement_channel";
/**
 * Server feature flag (welcome `features`): `send` takes `reply_to`, messages carry `reply` quotes and `history`
 * takes `after` and `around` (docs/protocol.md 6.3). A client offers "Reply" and jumps to quotes only then.
 */
inline constexpr const char* kFeatureReply = "reply";
/** Proof of possession: bytes of the nonce, most ranges per challenge and most bytes per range. */
inline constexpr int kProofNonceBytes = 16;
inline constexpr int kProofRanges = 8;
inline constexpr qint64 kProofRangeBytes = 4096;

} // namespace lanchat::protocol
