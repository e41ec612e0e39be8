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
 * Server feature flag (welcome `features`): the server knows `forward` (docs/protocol.md 6.3): copies of
 * messages of one conversation posted into another, files by reference.
 */
inline constexpr const char* kFeatureForward = "forward";
/** Most messages one `forward` request copies. */
inline constexpr int kMaxForwardMessages = 50;
/**
 * Server feature flag (welcome `features`): the server answers `read_positions {conversation}` with every member's
 * read position (docs/protocol.md 6.4), so a client shows who has read a message after a restart and on a second
 * device. Without it, a client knows only the `read_receipt` pushes it saw while online.
 */
inline constexpr const char* kFeatureReadPositions = "read_positions";
/**
 * Server feature flag (welcome `features`): the server accepts `recall` and `edit` and delivers them as ordered
 * `recall`/`edit` records (docs/protocol.md, "Recall and edit"). A client offers the menu entries only then.
 */
inline constexpr const char* kFeatureRecallEdit = "recall_edit";
/** Default recall window of the sender, seconds (server config `recall_window_seconds`). */
inline constexpr int kDefaultRecallWindowSeconds = 120;
/** Default edit window of the sender, seconds (server config `edit_window_seconds`): 24 h. */
inline constexpr int kDefaultEditWindowSeconds = 24 * 60 * 60;
/**
 * Server feature flag (welcome `features`): `send` takes `reply_to`, messages carry `reply` quotes and `history`
 * takes `after` and `around` (docs/protocol.md 6.7). A client offers "Reply" and jumps to quotes only then.
 */
inline constexpr const char* kFeatureReply = "reply";
/** Proof of possession: bytes of the nonce, most ranges per challenge and most bytes per range. */
inline constexpr int kProofNonceBytes = 16;
inline constexpr int kProofRanges = 8;
inline constexpr qint64 kProofRangeBytes = 4096;

/**
 * Feature flag (welcome `features`): `send` takes `mentions`/`mention_all`, stored messages carry them
 * (docs/protocol.md, "Mentions"). A client offers the @ completer's ids to older servers in vain: they ignore them.
 */
inline constexpr const char* kFeatureMentions = "mentions";
/** Most user ids in one message's `mentions` (a group's largest member list). */
inline constexpr int kMaxMentions = kMaxGroupMembers;
/**
 * Feature flag (welcome `features`): the server relays `typing` to the other online members
 * (docs/protocol.md, "Typing").
 */
inline constexpr const char* kFeatureTyping = "typing";
/** The server relays at most one `typing` per session and conversation in this many ms; more are dropped. */
inline constexpr int kTypingIntervalMs = 2000;

/**
 * Feature flag (welcome `features`): groups have admins besides their owner (Conversation `admins`), and the
 * server answers `group_set_role`, `group_transfer` and `group_dissolve` (docs/protocol.md 9). Without it only
 * the owner changes a group and the owner cannot leave it.
 */
inline constexpr const char* kFeatureGroupRoles = "group_roles";

/**
 * Feature flag (welcome `features`): the server answers `search` over the messages a user can read
 * (docs/protocol.md 14).
 */
inline constexpr const char* kFeatureSearch = "search";
/** Largest `q` of a `search`, UTF-8 bytes; longer is `invalid_argument`. */
inline constexpr qsizetype kMaxSearchQueryBytes = 4096;
/** Only the first this many characters (Unicode code points) of `q` are searched; the rest is ignored. */
inline constexpr int kSearchQueryChars = 256;
/** Hits per `search` page when `limit` is absent, and the largest `limit`. */
inline constexpr int kDefaultSearchLimit = 20;
inline constexpr int kMaxSearchLimit = 50;
/**
 * Feature flag (welcome `features`): the server keeps each user's chosen status (online, away, busy, dnd) and
 * status text, answers `set_status` and carries `status`/`status_text` in User maps and `presence` (protocol.md 16).
 */
inline constexpr const char* kFeatureStatus = "status";
/** Longest status text, in characters (Unicode code points); control characters are refused. */
inline constexpr int kMaxStatusTextChars = 64;
/** Longest status name on the wire, UTF-8 bytes (the names are short ASCII words; a longer one is refused). */
inline constexpr int kMaxStatusNameBytes = 16;
/**
 * Feature flag (welcome `features`): the server answers `account_sessions` (the user's logged-in sessions and
 * remembered devices) and `logout_others` (protocol.md 17).
 */
inline constexpr const char* kFeatureAccountSessions = "account_sessions";

/** Longest excerpt of a search hit, characters (Unicode code points), not counting the "…" at cut ends. */
inline constexpr int kSearchSnippetChars = 100;
/**
 * Server feature flag (welcome `features`): the server answers `directory` with the department tree, pushes
 * `directory` when it changes, accepts `department_group`, and User maps may carry `department` and `title`
 * (docs/protocol.md 18).
 */
inline constexpr const char* kFeatureDirectory = "directory";
/** Most departments a server keeps (the admin CLI and the CSV import refuse more). */
inline constexpr int kMaxDepartments = 10000;
/** Longest job title (`title` of a User map), characters. */
inline constexpr int kMaxTitleChars = 64;

/**
 * Feature flag (welcome `features`): users carry profile fields, the server answers `profile_update`,
 * `avatar_set` and `avatar_read` (docs/protocol.md 15).
 */
inline constexpr const char* kFeatureProfiles = "profiles";
/** Profile field limits in characters (Unicode code points); longer, or a control character, is invalid_argument. */
inline constexpr int kMaxPhoneChars = 32;
inline constexpr int kMaxEmailChars = 254;
inline constexpr int kMaxSignatureChars = 100;
/** Largest avatar picture in bytes: 5 MiB. */
inline constexpr qint64 kMaxAvatarBytes = 5 * 1024 * 1024;
/** Largest avatar width and height in pixels (each). */
inline constexpr int kMaxAvatarPixels = 4096;
/** Bytes of an avatar hash (SHA-256). */
inline constexpr int kAvatarHashBytes = 32;
/**
 * Feature flag (welcome `features`): the own User map of a directory account lists in `directory_fields` the
 * profile fields the company directory keeps, which profile_update refuses (`forbidden`; docs/protocol.md 15.1).
 */
inline constexpr const char* kFeatureDirectoryProfile = "directory_profile";
/** Most entries of `directory_fields`. */
inline constexpr int kMaxDirectoryFields = 8;

/**
 * Feature flag (welcome `features`): announcements that recipients may have to acknowledge, with the author's
 * live count and reminders (docs/protocol.md 19).
 */
inline constexpr const char* kFeatureNotices = "notices";
/** Longest notice text, UTF-8 bytes; longer (or blank) is `invalid_argument`. */
inline constexpr qsizetype kMaxNoticeTextBytes = 4096;
/** An author may remind the recipients of one notice at most once per this many ms; sooner is `rate_limited`. */
inline constexpr qint64 kNoticeRemindIntervalMs = 10 * 60 * 1000;
/** At most this many notices in each list of a `notice_list` answer (the newest of each kind). */
inline constexpr int kMaxNoticeList = 200;

} // namespace lanchat::protocol
