#pragma once

#include <QToolButton>

namespace lanchat {

class ChatClient;
class OwnStatus;
class StatusMenu;

/**
 * The user's own name with their status dot at the top of the sidebar ("Alice · 在开会，下午回复"); a click opens
 * the StatusMenu. Offline (not logged in) it shows the grey dot. GUI thread.
 */
class StatusButton : public QToolButton
{
    Q_OBJECT

public:
    /** @p client and @p status must outlive the button. */
    StatusButton(ChatClient* client, OwnStatus* status, QWidget* parent = nullptr);

    StatusMenu* statusMenu() const { return m_menu; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();

    ChatClient* m_client;
    OwnStatus* m_status;
    StatusMenu* m_menu;
};

} // namespace lanchat
