#pragma once

#include "chatclient.h"

#include <QLabel>
#include <QTimer>

namespace lanchat {

/**
 * Status-bar label that always tells the connection state: "Connected to host", "Connecting…",
 * "Connection lost — reconnecting in N s" (counting down each second) or "Offline", coloured by state.
 */
class ConnectionStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatusLabel(ChatClient* client, QWidget* parent = nullptr);

    /** Host shown in the "connected" text. */
    void setServerName(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    ChatClient* m_client;
    QString m_serverName;
    QTimer m_countdown;
};

} // namespace lanchat
