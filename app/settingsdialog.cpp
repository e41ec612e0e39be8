#include "settingsdialog.h"

#include "appsettings.h"
#include "autostart.h"
#include "logindialog.h"
#include "screenshot/screenshottool.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lanchat {

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_serverLabel = new QLabel(this);
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    form->addRow(m_serverLabel, m_server);
    m_folderLabel = new QLabel(this);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("folderEdit"));
    m_browse = new QPushButton(this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    form->addRow(m_folderLabel, folderRow);
    m_notify = new QCheckBox(this);
    m_startMinimised = new QCheckBox(this);
    m_closeToTray = new QCheckBox(this);
    m_sound = new QCheckBox(this);
    m_sound->setObjectName(QStringLiteral("soundCheck"));
    m_autostart = new QCheckBox(this);
    m_autostart->setObjectName(QStringLiteral("autostartCheck"));
    m_autostart->setVisible(Autostart::isSupported());
    form->addRow(QString(), m_notify);
    form->addRow(QString(), m_sound);
    form->addRow(QString(), m_autostart);
    form->addRow(QString(), m_startMinimised);
    form->addRow(QString(), m_closeToTray);
    m_autoAwayLabel = new QLabel(this);
    m_autoAway = new QSpinBox(this);
    m_autoAway->setObjectName(QStringLiteral("autoAwaySpin"));
    m_autoAway->setRange(0, 240);
    form->addRow(m_autoAwayLabel, m_autoAway);
    m_languageLabel = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(QString(), int(AppSettings::Language::System));
    // Language names are shown in their own language so anyone can find theirs; they are not translated.
    m_language->addItem(QStringLiteral("简体中文"), int(AppSettings::Language::Chinese));
    m_language->addItem(QStringLiteral("English"), int(AppSettings::Language::English));
    form->addRow(m_languageLabel, m_language);
    m_themeLabel = new QLabel(this);
    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    for (const auto mode : {Theme::Mode::System, Theme::Mode::Light, Theme::Mode::Dark})
        m_theme->addItem(QString(), int(mode));
    form->addRow(m_themeLabel, m_theme);
    m_hideForScreenshot = new QCheckBox(this);
    form->addRow(QString(), m_hideForScreenshot);
    m_fontLabel = new QLabel(this);
    m_fontSize = new QSpinBox(this);
    m_fontSize->setRange(0, 24);
    m_fontSize->setMinimumWidth(140);
    form->addRow(m_fontLabel, m_fontSize);
    layout->addLayout(form);
    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Download folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
    retranslateUi();
    setMinimumWidth(480);
}

void SettingsDialog::load()
{
    m_server->setText(m_settings.lastHost().isEmpty()
                          ? QString()
                          : m_settings.lastHost() + QLatin1Char(':') + QString::number(m_settings.lastPort()));
    m_folder->setText(m_settings.downloadDirectory());
    m_notify->setChecked(m_settings.notificationsEnabled());
    m_sound->setChecked(m_settings.notificationSound());
    m_autoAway->setValue(m_settings.autoAwayMinutes());
    m_autostart->setChecked(Autostart::isSupported() && Autostart::isEnabled());
    m_startMinimised->setChecked(m_settings.startMinimised());
    m_closeToTray->setChecked(m_settings.closeToTray());
    m_language->setCurrentIndex(m_language->findData(int(m_settings.language())));
    m_fontSize->setValue(m_settings.fontPointSize());
    m_theme->setCurrentIndex(m_theme->findData(int(Theme::storedMode(m_settings))));
    m_hideForScreenshot->setChecked(ScreenshotTool::hideWindow(m_settings));
}

void SettingsDialog::apply()
{
    QString host;
    quint16 port = 0;
    if (LoginDialog::parseServer(m_server->text(), &host, &port))
        m_settings.setLastServer(host, port);
    if (!m_folder->text().trimmed().isEmpty())
        m_settings.setDownloadDirectory(m_folder->text().trimmed());
    m_settings.setNotificationsEnabled(m_notify->isChecked());
    m_settings.setNotificationSound(m_sound->isChecked());
    m_settings.setAutoAwayMinutes(m_autoAway->value());
    QString error;
    if (Autostart::isSupported() && m_autostart->isChecked() != Autostart::isEnabled() &&
        !Autostart::setEnabled(m_autostart->isChecked(), {}, &error)) {
        QMessageBox::warning(this, tr("Start with the system"),
                             tr("LanChat could not change %1: %2").arg(Autostart::entryPath(), error));
    }
    m_settings.setStartMinimised(m_startMinimised->isChecked());
    m_settings.setCloseToTray(m_closeToTray->isChecked());
    m_settings.setLanguage(AppSettings::Language(m_language->currentData().toInt()));
    m_settings.setFontPointSize(m_fontSize->value());
    const auto theme = Theme::Mode(m_theme->currentData().toInt());
    Theme::storeMode(m_settings, theme);
    if (theme != Theme::mode())
        Theme::setMode(theme);
    ScreenshotTool::setHideWindow(m_settings, m_hideForScreenshot->isChecked());
    Q_EMIT applied();
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_serverLabel->setText(tr("Server:"));
    m_server->setToolTip(tr("host:port, used the next time you log in"));
    m_folderLabel->setText(tr("Download folder:"));
    m_browse->setText(tr("Browse…"));
    m_notify->setText(tr("Show desktop notifications for new messages"));
    m_sound->setText(tr("Play a sound with each notification"));
    m_autostart->setText(tr("Start LanChat when I log in to the computer"));
    m_startMinimised->setText(tr("Start minimised to the tray"));
    m_closeToTray->setText(tr("Closing the window keeps LanChat running in the tray"));
    m_autoAwayLabel->setText(tr("Away after idle:"));
    m_autoAway->setSpecialValueText(tr("Never"));
    //: suffix of the idle minutes before the status becomes "Away"
    m_autoAway->setSuffix(tr(" min"));
    m_autoAway->setToolTip(tr("Your status becomes Away when you have not used the computer this long, and Online "
                              "again when you are back"));
    m_languageLabel->setText(tr("Language:"));
    m_language->setItemText(0, tr("Follow system"));
    m_themeLabel->setText(tr("Theme:"));
    m_theme->setItemText(0, tr("Follow system"));
    m_theme->setItemText(1, tr("Light"));
    m_theme->setItemText(2, tr("Dark"));
    m_hideForScreenshot->setText(tr("Hide LanChat while taking a screenshot"));
    m_fontLabel->setText(tr("Font size:"));
    m_fontSize->setSpecialValueText(tr("System default"));
    m_fontSize->setSuffix(tr(" pt"));
}

} // namespace lanchat
