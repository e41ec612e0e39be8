#include "certificatedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanchat {

CertificateDialog::CertificateDialog(Mode mode, const QString& server, const QString& presented, const QString& pinned,
                                     const QString& announced, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_server(server)
    , m_presented(presented)
    , m_pinned(pinned)
    , m_announced(announced)
{
    setObjectName(mode == Mode::Mismatch ? QStringLiteral("certificateMismatch")
                                         : QStringLiteral("certificateFirstUse"));
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(mode == Mode::Mismatch ? QStringLiteral("warningHeading") : QStringLiteral("heading"));
    m_heading->setWordWrap(true);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_fingerprints = new QLabel(this);
    m_fingerprints->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprints->setObjectName(QStringLiteral("fingerprint"));
    layout->addWidget(m_heading);
    layout->addWidget(m_text);
    layout->addWidget(m_fingerprints);
    auto* buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_accept = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_cancel->setObjectName(QStringLiteral("certificateCancelButton"));
    m_accept->setObjectName(QStringLiteral("trustButton"));
    if (mode == Mode::Mismatch) {
        m_confirm = new QCheckBox(this);
        m_confirm->setObjectName(QStringLiteral("confirmCheck"));
        layout->addWidget(m_confirm);
        m_accept->setEnabled(false);
        m_cancel->setDefault(true);
        connect(m_confirm, &QCheckBox::toggled, m_accept, &QPushButton::setEnabled);
    } else {
        m_accept->setDefault(true);
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    setMinimumWidth(520);
}

QString CertificateDialog::formatFingerprint(const QString& hex)
{
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        groups.append(hex.mid(i, 4).toUpper());
    // Two lines of eight groups fit the dialog and are easy to read out on the phone.
    const qsizetype half = (groups.size() + 1) / 2;
    return groups.mid(0, half).join(QLatin1Char(' ')) + QLatin1Char('\n') + groups.mid(half).join(QLatin1Char(' '));
}

void CertificateDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CertificateDialog::retranslateUi()
{
    if (m_mode == Mode::FirstUse) {
        setWindowTitle(tr("New server"));
        //: %1 is a server address such as 192.168.1.5:7411
        m_heading->setText(tr("First connection to %1").arg(m_server));
        QString text = tr("LanChat has not connected to this server before. Compare this fingerprint with the one "
                          "your administrator gave you; LanChat will remember it and warn you if it ever changes.");
        if (!m_announced.isEmpty() && m_announced.compare(m_presented, Qt::CaseInsensitive) == 0)
            text += QLatin1Char(' ') + tr("It matches the fingerprint the server announced on the local network.");
        m_text->setText(text);
        m_fingerprints->setText(formatFingerprint(m_presented));
        m_accept->setText(tr("Trust and connect"));
    } else {
        setWindowTitle(tr("Security warning"));
        m_heading->setText(tr("The identity of %1 has changed!").arg(m_server));
        m_text->setText(tr("The server presented a different certificate than before. Someone may be "
                           "intercepting your connection. Do not continue unless your administrator told you "
                           "that the server's certificate was replaced."));
        m_fingerprints->setText(tr("Known fingerprint:") + QLatin1Char('\n') + formatFingerprint(m_pinned) +
                                QStringLiteral("\n\n") + tr("Presented fingerprint:") + QLatin1Char('\n') +
                                formatFingerprint(m_presented));
        m_confirm->setText(tr("I have checked the new fingerprint with my administrator"));
        m_accept->setText(tr("Accept new certificate"));
    }
    m_cancel->setText(tr("Cancel"));
}

} // namespace lanchat
