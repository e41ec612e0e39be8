#pragma once

#include <QString>

namespace lanchat {

/**
 * "Start with the system": the XDG autostart entry of the desktop app (XDG Autostart Specification 0.5), a copy of
 * the app's desktop entry at `$XDG_CONFIG_HOME/autostart/lanchat.desktop` (`~/.config/autostart` when the variable
 * is unset or not absolute) whose Exec is the running binary, so it works for installed and unpacked builds alike.
 * The entry itself is the setting: enabled while it exists and is not Hidden. Only where desktops follow that
 * specification (Linux and the BSDs); elsewhere isSupported() is false and the Settings dialog hides the option.
 * GUI thread (reads the environment and writes one small file).
 */
class Autostart
{
public:
    static bool isSupported();
    /** Where the entry is (or would be) written. */
    static QString entryPath();
    static bool isEnabled();
    /**
     * Writes the entry, starting @p executable (default: QCoreApplication::applicationFilePath()), or removes it.
     * False, with @p error set to the system's message, when the file cannot be written or removed.
     */
    static bool setEnabled(bool enabled, const QString& executable = {}, QString* error = nullptr);
    /** @p path as one argument of a desktop entry's Exec key (quoted and escaped when needed, % doubled). */
    static QString execArgument(const QString& path);
};

} // namespace lanchat
