#pragma once

#include <QJsonObject>
#include <QObject>

class QLocalServer;
class QLocalSocket;
class QWidget;

namespace lanchat {

/**
 * Test hook for end-to-end scenarios (scripts/day-in-the-life.sh): lets a driver script find widgets, read
 * what they show and where they are on screen, so that it can click and type at them with real X input
 * (xdotool) and check the result. It never clicks or types itself; actions go through the window system like
 * a person's.
 *
 * Off unless the environment variable `LANCHAT_AUTOMATION_SOCKET` names a local socket path when the app
 * starts; the socket is then created readable and writable by the owner only (QLocalServer::UserAccessOption),
 * so it gives no more access than the user's own X display already does.
 *
 * Protocol: one JSON object per line each way. Requests have `cmd`; replies have `ok` (bool) and either the
 * result fields or `error` (English text). Commands:
 * - `{"cmd":"find","name":N}`: the first visible widget (else the first one) whose objectName is N, searched in
 *   every top-level widget: `class`, `visible`, `enabled`, `focus` (has keyboard focus), `window` (its
 *   window's objectName), `wid` (its window's native id, e.g. the X11 window for xdotool), `x`,`y`,`w`,`h` (global, in
 * logical pixels of the X screen), `text` (button, label, line edit, text edit, combo box, window title for windows),
 * `checked` for checkable buttons.
 * - `{"cmd":"item","view":N,"text":T}`: in the item view named N, the first row where the text of a named role
 *   (QAbstractItemModel::roleNames()) contains T (case-insensitive); scrolls it into view and answers its
 *   global rectangle and `row`. `{"cmd":"items","view":N}` answers `rows`: per row an object of its named
 *   roles and their values.
 * - `{"cmd":"windows"}`: every visible top-level window: objectName, class, title, geometry, `active`.
 * - `{"cmd":"focus"}`: the widget with keyboard focus (`name`, `class`) and the active window's objectName.
 * - `{"cmd":"trigger","name":N}`: triggers the QAction named N (for menu entries a script cannot click
 *   reliably, e.g. in the tray menu).
 * - `{"cmd":"grab","name":N,"path":P}`: saves QWidget::grab() of widget N as PNG at P.
 *
 * GUI thread only. Not for production use: the hook exists only when the variable is set.
 */
class AutomationHook : public QObject
{
    Q_OBJECT

public:
    /** Starts the hook when `LANCHAT_AUTOMATION_SOCKET` is set; otherwise does nothing. */
    static void installFromEnvironment(QObject* parent);

    /** Listens on @p socketPath (an existing stale socket file there is removed first). */
    AutomationHook(const QString& socketPath, QObject* parent);

    /** Answers one request (exposed for tests of the hook itself). */
    QJsonObject handle(const QJsonObject& request) const;

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket* socket);

    QLocalServer* m_server;
};

} // namespace lanchat
