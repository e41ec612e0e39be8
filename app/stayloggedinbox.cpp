#include "stayloggedinbox.h"

#include "tokenvault.h"

#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace lanchat {

StayLoggedInBox::StayLoggedInBox(TokenVault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_check(new QCheckBox(this))
    , m_note(new QLabel(this))
{
    m_check->setObjectName(QStringLiteral("rememberCheck"));
    m_note->setObjectName(QStringLiteral("keychainNote"));
    m_note->setWordWrap(true);
    m_note->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Under the box's text, not under its square; and the whole width of the form's field column to wrap in.
    m_note->setContentsMargins(style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, m_check) +
                                   style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, m_check),
                               0, 0, 0);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_check);
    layout->addWidget(m_note);
    connect(m_check, &QCheckBox::toggled, this, [this](bool checked) {
        if (m_check->isEnabledTo(this)) // not the unticking because the keychain is missing
            m_wanted = checked;
    });
    connect(&m_vault, &TokenVault::statusChanged, this, &StayLoggedInBox::updateState);
    retranslateUi();
    updateState();
}

bool StayLoggedInBox::isChecked() const
{
    return m_check->isEnabledTo(this) && m_check->isChecked();
}

void StayLoggedInBox::setChecked(bool checked)
{
    m_wanted = checked;
    updateState();
}

QString StayLoggedInBox::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

void StayLoggedInBox::updateState()
{
    const bool possible = m_vault.status() != TokenVault::Status::Unavailable;
    m_check->setEnabled(possible);
    m_check->setChecked(possible && m_wanted);
    m_note->setVisible(!possible);
    retranslateUi();
}

void StayLoggedInBox::retranslateUi()
{
    m_check->setText(tr("Stay logged in"));
    const QString missing = tr("No system keychain is running; LanChat will not remember this login.");
    m_note->setText(missing);
    m_check->setToolTip(m_check->isEnabledTo(this)
                            ? tr("Log in automatically when LanChat starts. The password is not stored: the server "
                                 "gives this computer a key, kept in the system keychain, that logging out or "
                                 "changing the password revokes.")
                            : missing);
}

void StayLoggedInBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace lanchat
