#pragma once

#include <QTcpServer>

namespace lanchat {

/**
 * The relay's listening socket: QTcpServer does the binding (dual-stack Any, port 0, errors), and every
 * accepted descriptor goes straight to the relay's own Connection instead of becoming a QTcpSocket
 * (see EventPoller for why). Lives on the server thread.
 */
class Listener : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

signals:
    /** A connection was accepted; the receiver (connected before listen()) owns @p descriptor and closes it. */
    void accepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace lanchat
