#pragma once

#include <QObject>

class QSocketNotifier;

namespace lanchat {

/**
 * Turns SIGTERM and SIGINT (and SIGHUP: reloadRequested) into a Qt signal (self-pipe trick: the async-signal-safe
 * handler only writes one byte to a socketpair; a QSocketNotifier reads it on the event loop). One instance per
 * process.
 */
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    /** False if the socketpair or sigaction failed (then signals keep their default action). */
    bool isActive() const { return m_notifier != nullptr; }

signals:
    /** SIGTERM or SIGINT arrived (@p signal is its number). */
    void terminationRequested(int signal);
    /** SIGHUP arrived: re-read the configuration. */
    void reloadRequested();

private:
    void onActivated();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace lanchat
