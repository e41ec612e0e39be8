#include "statuscontroller.h"

#include "accountdialog.h"
#include "appsettings.h"
#include "autoaway.h"
#include "chatclient.h"
#include "inputidlesource.h"
#include "logging.h"
#include "ownstatus.h"
#include "statusbutton.h"
#include "statusmenu.h"
#include "traycontroller.h"
#include "x11idlesource.h"

#include <QWidget>

namespace lanchat {

namespace {

/** Forwards to another source: AutoAway keeps one pointer while tests swap what is behind it. */
class SwitchableIdleSource : public IdleSource
{
public:
    std::optional<qint64> idleMs() override { return target ? target->idleMs() : std::nullopt; }
    IdleSource* target = nullptr;
};

} // namespace

StatusController::StatusController(ChatClient* client, AppSettings& settings, TrayController* tray, QWidget* window)
    : QObject(window)
    , m_client(client)
    , m_settings(settings)
    , m_tray(tray)
    , m_window(window)
    , m_status(new OwnStatus(client, this))
{
    m_desktopIdle = X11IdleSource::create();
    if (!m_desktopIdle) {
        qCInfo(lcApp) << "auto-away: no X11 idle time here (Wayland, offscreen or no XScreenSaver): going by input "
                         "in LanChat's own windows";
        m_desktopIdle = std::make_unique<InputIdleSource>();
    }
    auto switchable = std::make_unique<SwitchableIdleSource>();
    switchable->target = m_desktopIdle.get();
    m_switch = std::move(switchable);
    m_autoAway = new AutoAway(m_status, m_switch.get(), this);
    m_button = new StatusButton(client, m_status, window);
    connect(m_button->statusMenu(), &StatusMenu::accountRequested, this, &StatusController::showAccount);
    connect(m_status, &OwnStatus::changed, this, &StatusController::updateTray);
    applySettings();
}

StatusController::~StatusController() = default;

void StatusController::setIdleSource(IdleSource* source)
{
    static_cast<SwitchableIdleSource*>(m_switch.get())->target = source;
}

void StatusController::applySettings()
{
    m_autoAway->setIdleMinutes(m_settings.autoAwayMinutes());
}

bool StatusController::wantsNotification(bool mentionsMe) const
{
    return mentionsMe || !m_status->isDoNotDisturb();
}

void StatusController::showAccount()
{
    AccountDialog dialog(m_client, m_window);
    dialog.exec();
}

void StatusController::updateTray()
{
    m_tray->setDoNotDisturb(m_status->isDoNotDisturb() && m_client->state() == ChatClient::State::LoggedIn);
}

} // namespace lanchat
