#include "connectionstatuslabel.h"

#include "theme.h"

#include <QEvent>

namespace lanchat {

ConnectionStatusLabel::ConnectionStatusLabel(ChatClient* client, QWidget* parent)
    : QLabel(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("connectionStatus"));
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionStatusLabel::refresh);
    connect(m_client, &ChatClient::stateChanged, this, &ConnectionStatusLabel::refresh);
    connect(Theme::notifier(), &Theme::changed, this, &ConnectionStatusLabel::refresh);
    refresh();
}

void ConnectionStatusLabel::setServerName(const QString& name)
{
    m_serverName = name;
    refresh();
}

void ConnectionStatusLabel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void ConnectionStatusLabel::refresh()
{
    QString text;
    QColor color = Theme::colors().muted;
    const ChatClient::State state = m_client->state();
    switch (state) {
    case ChatClient::State::LoggedIn:
        //: status bar; %1 is the server address
        text = tr("● Connected to %1").arg(m_serverName);
        color = Theme::colors().online;
        break;
    case ChatClient::State::Connecting:
    case ChatClient::State::Connected:
        text = tr("● Connecting…");
        color = Theme::colors().warning;
        break;
    case ChatClient::State::Reconnecting: {
        const int seconds = (m_client->reconnectInMs() + 999) / 1000;
        text = tr("● Connection lost — reconnecting in %n s", nullptr, seconds);
        color = Theme::colors().error;
        break;
    }
    case ChatClient::State::Offline:
        text = tr("● Offline");
        break;
    }
    if (state == ChatClient::State::Reconnecting)
        m_countdown.start();
    else
        m_countdown.stop();
    // Why the client is not connected (a refused certificate, a server that went away) stays at hand.
    const bool down = state == ChatClient::State::Reconnecting || state == ChatClient::State::Offline;
    setToolTip(down ? m_client->lastConnectionError() : QString());
    setText(text);
    setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
}

} // namespace lanchat
