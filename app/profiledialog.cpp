#include "profiledialog.h"

#include "avatarcache.h"
#include "avatarpainter.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "errortext.h"
#include "profileclient.h"
#include "protocol.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanchat {

namespace {

constexpr int kPreviewSide = 96;

QLineEdit* limitedEdit(const QString& text, int maxChars, const QString& objectName)
{
    auto* edit = new QLineEdit(text);
    edit->setMaxLength(maxChars);
    edit->setObjectName(objectName);
    return edit;
}

} // namespace

ProfileDialog::ProfileDialog(ChatClient* client, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_user(client->contacts()->user(client->currentUser().id).value_or(client->currentUser()))
    , m_photo(new QLabel)
    , m_choose(new QPushButton)
    , m_paste(new QPushButton)
    , m_nameLabel(new QLabel)
    , m_name(limitedEdit(m_user.displayName, protocol::kMaxNameChars, QStringLiteral("profileName")))
    , m_lockNote(new QLabel)
    , m_directoryNote(new QLabel)
    , m_phoneLabel(new QLabel)
    , m_phone(limitedEdit(m_user.phone, protocol::kMaxPhoneChars, QStringLiteral("profilePhone")))
    , m_emailLabel(new QLabel)
    , m_email(limitedEdit(m_user.email, protocol::kMaxEmailChars, QStringLiteral("profileEmail")))
    , m_signatureLabel(new QLabel)
    , m_signature(limitedEdit(m_user.signature, protocol::kMaxSignatureChars, QStringLiteral("profileSignature")))
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("profileDialog"));
    m_photo->setObjectName(QStringLiteral("profilePhoto"));
    m_photo->setFixedSize(kPreviewSide, kPreviewSide);
    m_choose->setObjectName(QStringLiteral("profileChoosePicture"));
    m_paste->setObjectName(QStringLiteral("profilePastePicture"));
    m_lockNote->setObjectName(QStringLiteral("profileLockNote"));
    m_error->setObjectName(QStringLiteral("profileError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    m_lockNote->setWordWrap(true);
    // Fields the company directory keeps are changed there; the server would refuse them (forbidden).
    const QStringList managed = client->currentUser().directoryFields;
    const bool nameFromDirectory = managed.contains(QLatin1String("display_name"));
    m_name->setReadOnly(m_user.nameLocked);
    m_name->setEnabled(!nameFromDirectory);
    m_lockNote->setVisible(m_user.nameLocked && !nameFromDirectory);
    m_phone->setEnabled(!managed.contains(QLatin1String("phone")));
    m_email->setEnabled(!managed.contains(QLatin1String("email")));
    m_choose->setEnabled(!managed.contains(QLatin1String("avatar")));
    m_paste->setEnabled(!managed.contains(QLatin1String("avatar")));
    m_directoryNote->setObjectName(QStringLiteral("profileDirectoryNote"));
    m_directoryNote->setWordWrap(true);
    m_directoryNote->setVisible(!managed.isEmpty());
    m_preview = QImage::fromData(m_client->avatars()->picture(m_user.avatar));

    auto* pictureButtons = new QVBoxLayout;
    pictureButtons->addWidget(m_choose);
    pictureButtons->addWidget(m_paste);
    pictureButtons->addStretch();
    auto* pictureRow = new QHBoxLayout;
    pictureRow->addWidget(m_photo);
    pictureRow->addLayout(pictureButtons);
    pictureRow->addStretch();

    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(QString(), m_lockNote);
    form->addRow(m_phoneLabel, m_phone);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_signatureLabel, m_signature);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(pictureRow);
    layout->addLayout(form);
    layout->addWidget(m_directoryNote);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_choose, &QPushButton::clicked, this, &ProfileDialog::choosePicture);
    connect(m_paste, &QPushButton::clicked, this, &ProfileDialog::pastePicture);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_client->avatars(), &AvatarCache::avatarReady, this, [this](const QByteArray& sha256) {
        if (m_picture.isEmpty() && sha256 == m_user.avatar) {
            m_preview = QImage::fromData(m_client->avatars()->picture(sha256));
            updatePreview();
        }
    });
    connect(m_client->profiles(), &ProfileClient::failed, this, &ProfileDialog::showError);
    retranslateUi();
    updatePreview();
}

QImage ProfileDialog::squareCrop(const QImage& image, int side)
{
    const int edge = qMin(image.width(), image.height());
    const QRect square((image.width() - edge) / 2, (image.height() - edge) / 2, edge, edge);
    return image.copy(square).scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

bool ProfileDialog::setPicture(const QImage& image)
{
    if (image.isNull())
        return false;
    m_preview = squareCrop(image.convertToFormat(QImage::Format_ARGB32));
    QBuffer buffer(&m_picture);
    m_picture.clear();
    buffer.open(QIODevice::WriteOnly);
    m_preview.save(&buffer, "PNG");
    m_error->hide();
    updatePreview();
    return true;
}

void ProfileDialog::choosePicture()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a picture"), QString(),
                                                      tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true); // phone photos carry their rotation in EXIF
    if (!setPicture(reader.read())) {
        m_error->setText(tr("This file is not a picture LanChat can read."));
        m_error->show();
    }
}

void ProfileDialog::pastePicture()
{
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasImage() || !setPicture(qvariant_cast<QImage>(mime->imageData()))) {
        m_error->setText(tr("The clipboard holds no picture."));
        m_error->show();
    }
}

void ProfileDialog::save()
{
    if (m_saving)
        return;
    m_error->hide();
    if (m_name->text().trimmed().isEmpty()) {
        m_error->setText(tr("The display name cannot be empty."));
        m_error->show();
        return;
    }
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    if (m_picture.isEmpty()) {
        saveFields();
        return;
    }
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_client->profiles(), &ProfileClient::profileUpdated, this, [this, once] {
        disconnect(*once);
        m_client->avatars()->insert(m_picture); // shown at once, without reading it back
        m_picture.clear();
        saveFields();
    });
    m_client->profiles()->uploadAvatar(m_picture);
}

void ProfileDialog::saveFields()
{
    ProfileUpdate change;
    if (!m_user.nameLocked)
        change.displayName = m_name->text().trimmed();
    change.phone = m_phone->text().trimmed();
    change.email = m_email->text().trimmed();
    change.signature = m_signature->text().trimmed();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_client->profiles(), &ProfileClient::profileUpdated, this, [this, once] {
        disconnect(*once);
        m_saving = false;
        accept();
    });
    m_client->profiles()->update(change);
}

void ProfileDialog::showError(ErrorCode code)
{
    if (!m_saving)
        return;
    m_saving = false;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    // The pending connections of save()/saveFields() must not fire on a later success.
    disconnect(m_client->profiles(), &ProfileClient::profileUpdated, this, nullptr);
    if (code == ErrorCode::Forbidden)
        m_error->setText(tr("Your display name is locked by the administrator."));
    else if (code == ErrorCode::InvalidArgument)
        m_error->setText(tr("A field is too long or holds a line break or another control character."));
    else
        m_error->setText(ErrorText::message(code));
    m_error->show();
}

void ProfileDialog::updatePreview()
{
    QPixmap pixmap(kPreviewSide * devicePixelRatio(), kPreviewSide * devicePixelRatio());
    pixmap.setDevicePixelRatio(devicePixelRatio());
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QRect rect(0, 0, kPreviewSide, kPreviewSide);
    if (m_preview.isNull())
        AvatarPainter::paint(&painter, rect, AvatarPainter::initials(m_name->text(), AvatarPainter::Kind::Person),
                             m_user.id.value());
    else
        AvatarPainter::paintPhoto(&painter, rect, m_preview);
    painter.end();
    m_photo->setPixmap(pixmap);
}

void ProfileDialog::retranslateUi()
{
    setWindowTitle(tr("Edit my profile"));
    m_choose->setText(tr("Choose picture…"));
    m_paste->setText(tr("Paste picture"));
    m_nameLabel->setText(tr("Display name:"));
    m_lockNote->setText(tr("🔒 Locked by the administrator: only they can change your display name."));
    m_directoryNote->setText(
        tr("🏢 Greyed-out fields come from the company directory: ask your IT department to change them."));
    m_phoneLabel->setText(tr("Phone:"));
    m_emailLabel->setText(tr("E-mail:"));
    m_signatureLabel->setText(tr("Signature:"));
    //: placeholder of the signature field; %1 the most characters allowed
    m_signature->setPlaceholderText(tr("One line, up to %1 characters").arg(protocol::kMaxSignatureChars));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void ProfileDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace lanchat
