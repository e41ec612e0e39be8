#include "profileshots.h"

#include "appsettings.h"
#include "languagemanager.h"
#include "profiledialog.h"

#include <QImage>
#include <QLineEdit>
#include <QPainter>

#include <utility>

namespace lanchat::screenshots {

namespace {

// A stand-in photo: a soft gradient with a round "face", so the round crop is visible.
QImage samplePhoto()
{
    QImage image(480, 360, QImage::Format_ARGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, 360);
    sky.setColorAt(0, QColor(120, 180, 230));
    sky.setColorAt(1, QColor(40, 90, 160));
    painter.fillRect(image.rect(), sky);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(250, 215, 180));
    painter.drawEllipse(QPointF(240, 160), 80, 95);
    painter.setBrush(QColor(60, 60, 70));
    painter.drawEllipse(QPointF(240, 380), 150, 120);
    return image;
}

} // namespace

bool saveProfileStates(ChatClient& alice, LanguageManager& languages, const QString& themeSuffix,
                       const std::function<void(QWidget*, const QString&)>& save)
{
    ProfileDialog dialog(&alice);
    dialog.setPicture(samplePhoto());
    dialog.findChild<QLineEdit*>(QStringLiteral("profileName"))->setText(QStringLiteral("王小丽 Alice"));
    dialog.findChild<QLineEdit*>(QStringLiteral("profilePhone"))->setText(QStringLiteral("+86 10 5555 0101"));
    dialog.findChild<QLineEdit*>(QStringLiteral("profileEmail"))->setText(QStringLiteral("alice@example.com"));
    dialog.findChild<QLineEdit*>(QStringLiteral("profileSignature"))->setText(QStringLiteral("在开会，下午回复"));
    dialog.resize(460, dialog.sizeHint().height());
    dialog.show();
    for (const auto& [language, suffix] : {std::pair{AppSettings::Language::English, QStringLiteral("en")},
                                           std::pair{AppSettings::Language::Chinese, QStringLiteral("zh_CN")}}) {
        languages.apply(language);
        save(&dialog, QStringLiteral("profile-edit-") + suffix + themeSuffix);
    }
    languages.apply(AppSettings::Language::English);
    return true;
}

} // namespace lanchat::screenshots
