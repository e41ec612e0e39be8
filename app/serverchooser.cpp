#include "serverchooser.h"

#include "protocol.h"
#include "serverfinder.h"

#include <QLineEdit>

namespace lanchat {

namespace {
constexpr int kFingerprintRole = Qt::UserRole + 1;

QString bracketed(const QString& host)
{
    return host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
}
} // namespace

ServerChooser::ServerChooser(ServerFinder* finder, QWidget* parent)
    : QComboBox(parent)
    , m_finder(finder)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(20);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // As wide as the other fields of the form: the placeholder and host:port must not be cut off.
    setSizePolicy(QSizePolicy::Expanding, sizePolicy().verticalPolicy());
    if (m_finder)
        connect(m_finder, &ServerFinder::serversChanged, this, &ServerChooser::refresh);
    connect(this, &QComboBox::activated, this, [this](int index) { setEditText(itemData(index).toString()); });
}

bool ServerChooser::parse(const QString& text, QString* host, quint16* port)
{
    QString t = text.trimmed();
    *port = protocol::kDefaultPort;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        *host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return false;
        portText = rest.mid(1);
    } else if (t.count(QLatin1Char(':')) == 1) {
        *host = t.section(QLatin1Char(':'), 0, 0);
        portText = t.section(QLatin1Char(':'), 1);
    } else {
        *host = t; // a bare host name, IPv4 or IPv6 literal without port
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint value = portText.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return false;
        *port = quint16(value);
    }
    return !host->isEmpty() && !host->contains(QLatin1Char(' '));
}

void ServerChooser::setServer(const QString& host, quint16 port)
{
    setEditText(bracketed(host) + QLatin1Char(':') + QString::number(port));
}

QString ServerChooser::announcedFingerprint() const
{
    for (int i = 0; i < count(); ++i) {
        if (itemData(i).toString() == serverText())
            return itemData(i, kFingerprintRole).toString();
    }
    return {};
}

void ServerChooser::refresh()
{
    const QString typed = currentText();
    const QSignalBlocker blocker(this);
    clear();
    if (m_finder) {
        for (const ServerFinder::Server& s : m_finder->servers()) {
            // Not the announced `tls`: anyone can send an announcement, and plaintext is not offered here.
            const QString hostPort = bracketed(s.address.toString()) + QLatin1Char(':') + QString::number(s.port);
            //: entry of the discovered servers list: %1 server name, %2 address:port
            addItem(tr("%1 (%2)").arg(s.name, hostPort), hostPort);
            setItemData(count() - 1, s.fingerprint, kFingerprintRole);
        }
    }
    setEditText(typed.isEmpty() && count() > 0 ? itemData(0).toString() : typed);
}

void ServerChooser::retranslateUi()
{
    lineEdit()->setPlaceholderText(tr("Searching the network… or type host:port"));
    refresh();
}

} // namespace lanchat
