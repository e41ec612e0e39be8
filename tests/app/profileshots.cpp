#include "profileshots.h"

#include "appsettings.h"
#include "chatclient.h"
#include "languagemanager.h"
#include "profileclient.h"
#include "profiledialog.h"

#include <QBuffer>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <utility>

namespace lanchat::screenshots {

namespace {

// A stand-in photo: a soft gradient with a round "face", so the round crop is visible.
QImage samplePhoto(const QColor& sky = QColor(40, 90, 160))
{
    QImage image(480, 360, QImage::Format_ARGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 0, 360);
    gradient.setColorAt(0, sky.lighter(170));
    gradient.setColorAt(1, sky);
    painter.fillRect(image.rect(), gradient);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(250, 215, 180));
    painter.drawEllipse(QPointF(240, 160), 80, 95);
    painter.setBrush(QColor(60, 60, 70));
    painter.drawEllipse(QPointF(240, 380), 150, 120);
    return image;
}

} // namespace

bool givePhoto(ChatClient& user, const QColor& sky)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    ProfileDialog::squareCrop(samplePhoto(sky)).save(&buffer, "PNG");
    QSignalSpy updated(user.profiles(), &ProfileClient::profileUpdated);
    QSignalSpy failed(user.profiles(), &ProfileClient::failed);
    user.profiles()->uploadAvatar(png);
    return QTest::qWaitFor([&] { return !updated.isEmpty() || !failed.isEmpty(); }, 20000) && failed.isEmpty();
}

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
