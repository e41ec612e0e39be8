#pragma once

#include <QString>

#include <utility>

namespace lanchat {

/**
 * Turns a file name received from the network into one that is safe to create in a directory, on both
 * sides (the server sanitises file_offer names, the client sanitises again before writing). Rules
 * (docs/protocol.md, "Files"; OWASP "Unrestricted File Upload", Microsoft "Naming Files, Paths, and
 * Namespaces"):
 * - `/` and `\` and the Windows-reserved `<>:"|?*` become `_`, so the name never holds a path part;
 * - control characters (U+0000..U+001F, U+007F..U+009F), Unicode format characters (category Cf, e.g. the
 *   bidirectional overrides U+202A..U+202E and U+2066..U+2069, zero-width characters, U+FEFF) and the line and
 *   paragraph separators U+2028, U+2029 are removed;
 * - leading dots and spaces and trailing dots and spaces are removed, so `..`, `.`, `.bashrc` cannot
 *   address a parent directory or create a hidden file;
 * - Windows device names (CON, PRN, AUX, NUL, CONIN$, CONOUT$, CLOCK$, COM0-9, LPT0-9, COM¹-³, LPT¹-³,
 *   with or without extension, any case) get a `_` prefix;
 * - at most 255 UTF-8 bytes (protocol::kMaxFileNameBytes), cut in the stem so the extension stays and
 *   never inside a character;
 * - nothing left (an empty name, or only dots, spaces and removed characters): clean() returns an empty string,
 *   which the server refuses at file_offer; sanitize() returns "file", for a name that must exist (saving).
 * Stateless and thread-safe.
 */
class FileNameSanitizer
{
public:
    /** The sanitised form of @p name, "file" when nothing is left (idempotent: sanitize(sanitize(x)) == sanitize(x)).
     */
    static QString sanitize(const QString& name);
    /** The sanitised form of @p name, or an empty string when nothing is left of it (idempotent too). */
    static QString clean(const QString& name);

    /**
     * A path in @p dir for sanitize(@p name) that does not exist yet: `name.ext`, else `name (1).ext`,
     * `name (2).ext` … (at most 9999 tries, then a time-stamped name). Not atomic: the caller creates the
     * file right away (QFile::rename fails rather than overwrite, so a race loses nothing).
     */
    static QString uniquePath(const QString& dir, const QString& name);

    /** Splits @p name into stem and extension (with its dot; empty when none or when it is too long). */
    static std::pair<QString, QString> splitExtension(const QString& name);

    /** @p stem cut so that stem + suffix fits in @p maxBytes UTF-8 bytes, never inside a character. */
    static QString fitStem(const QString& stem, const QString& suffix, qsizetype maxBytes);
};

} // namespace lanchat
