#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

namespace lanchat {

class AppSettings;

/**
 * The short chime played with a new-message notification, switchable in Settings (AppSettings::notificationSound,
 * default on). The caller decides whether a message notifies at all (muted chat, chat visible in the active window).
 *
 * The sound is resources/sounds/chime.wav (made by scripts/make-chime.py), played by the desktop's sound server
 * through its command-line player (pw-play for PipeWire, paplay for PulseAudio, aplay for ALSA, found on PATH and
 * started detached), so the app needs no multimedia library: Qt Multimedia on Debian 12 would pull FFmpeg and
 * GStreamer into every install for one chime. Without any of those players it falls back to QApplication::beep().
 * At most one sound per kMinGapMs: the backlog a sync delivers rings once, not once per message.
 * GUI thread.
 */
class NotificationSound : public QObject
{
    Q_OBJECT

public:
    /** Shortest time between two sounds, ms. */
    static constexpr int kMinGapMs = 1500;

    /** @p settings must outlive this object. */
    explicit NotificationSound(AppSettings& settings, QObject* parent = nullptr);

    /** Plays the chime unless switched off or one played less than kMinGapMs ago; true if it played. */
    bool play();
    /** Changes kMinGapMs for this object (tests). */
    void setMinGapMs(int ms) { m_minGapMs = ms; }
    /** How many times a sound was started (tests). */
    int playedCount() const { return m_played; }

Q_SIGNALS:
    /** A sound was started. */
    void played();

private:
    /** The chime as a file the player can open (copied out of the resources once); empty on failure. */
    QString soundFile();

    AppSettings& m_settings;
    QElapsedTimer m_sinceLast;
    QString m_file;
    int m_played = 0;
    int m_minGapMs = kMinGapMs;
};

} // namespace lanchat
