#include "profilecard.h"

#include "avatarcache.h"
#include "avatarpainter.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "directorymodel.h"
#include "statusbadgepainter.h"
#include "theme.h"

#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QUrl>
#include <QVBoxLayout>

namespace lanchat {

namespace {

constexpr int kPhoto = 64;
constexpr int kWidth = 320;

QLabel* textLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void setMuted(QLabel* label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::colors().muted);
    label->setPalette(palette);
}

} // namespace

ProfileCard::ProfileCard(ChatClient* client, UserId user, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_client(client)
    , m_user(user)
    , m_photo(new QLabel(this))
    , m_name(textLabel(this, "profileCardName"))
    , m_username(textLabel(this, "profileCardUsername"))
    , m_status(textLabel(this, "profileCardStatus"))
    , m_signature(textLabel(this, "profileCardSignature"))
    , m_form(new QFormLayout)
    , m_department(textLabel(this, "profileCardDepartment"))
    , m_title(textLabel(this, "profileCardTitle"))
    , m_phone(textLabel(this, "profileCardPhone"))
    , m_email(textLabel(this, "profileCardEmail"))
    , m_edit(new QPushButton(this))
    , m_message(new QPushButton(this))
{
    setObjectName(QStringLiteral("profileCard"));
    setAttribute(Qt::WA_DeleteOnClose);
    // A panel with a hairline border, so the card stands out from the window behind it in both themes.
    setStyleSheet(QStringLiteral("QFrame#profileCard { background: %1; border: 1px solid %2; }")
                      .arg(Theme::colors().panel.name(), Theme::colors().inputBorder.name()));
    setFixedWidth(kWidth);
    m_photo->setObjectName(QStringLiteral("profileCardPhoto"));
    m_photo->setFixedSize(kPhoto, kPhoto);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_name->setFont(big);
    setMuted(m_username);
    setMuted(m_signature);
    QFont italic = font();
    italic.setItalic(true);
    m_signature->setFont(italic);
    // A link the desktop's mail program opens; still selectable to copy.
    m_email->setTextFormat(Qt::RichText);
    m_email->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_email->setOpenExternalLinks(true);

    auto* names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_name);
    names->addWidget(m_username);
    names->addWidget(m_status);
    names->addStretch(1);
    auto* head = new QHBoxLayout;
    head->setSpacing(12);
    head->addWidget(m_photo, 0, Qt::AlignTop);
    head->addLayout(names, 1);

    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(12);
    for (QLabel* field : {m_department, m_title, m_phone, m_email}) {
        auto* label = new QLabel(this);
        setMuted(label);
        m_form->addRow(label, field);
    }

    m_edit->setObjectName(QStringLiteral("profileCardEditButton"));
    m_message->setObjectName(QStringLiteral("profileCardMessageButton"));
    // Enter on the focused button acts, as in a dialog: the card is reached by the keyboard too.
    m_edit->setAutoDefault(true);
    m_message->setAutoDefault(true);
    m_message->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_message);

    // A hairline in the theme's separator colour between the person and their details.
    auto* line = new QFrame(this);
    line->setFixedHeight(1);
    line->setAutoFillBackground(true);
    QPalette linePalette = line->palette();
    linePalette.setColor(QPalette::Window, Theme::colors().border);
    line->setPalette(linePalette);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(head);
    layout->addWidget(m_signature);
    layout->addWidget(line);
    layout->addLayout(m_form);
    layout->addLayout(buttons);

    connect(m_message, &QPushButton::clicked, this, [this] {
        close();
        Q_EMIT messageRequested(m_user);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        close();
        Q_EMIT editProfileRequested();
    });
    // Live: a profile or status push, presence becoming known or not, a new department tree, the photo arriving.
    ContactsModel* contacts = m_client->contacts();
    connect(contacts, &ContactsModel::userChanged, this, [this](UserId id) {
        if (id == m_user)
            refresh();
    });
    connect(contacts, &QAbstractItemModel::dataChanged, this, &ProfileCard::refresh);
    connect(contacts, &QAbstractItemModel::modelReset, this, &ProfileCard::refresh);
    connect(m_client->directory(), &DirectoryModel::departmentsChanged, this, &ProfileCard::refresh);
    connect(m_client->avatars(), &AvatarCache::avatarReady, this, &ProfileCard::refreshPhoto);
    connect(m_client, &ChatClient::stateChanged, this, &ProfileCard::refresh);
    refresh();
}

void ProfileCard::setRow(QLabel* label, const QString& text)
{
    label->setText(text);
    m_form->setRowVisible(label, !text.isEmpty());
}

void ProfileCard::refresh()
{
    const std::optional<UserInfo> user = m_client->contacts()->user(m_user);
    const bool own = m_user == m_client->currentUser().id;
    m_name->setText(m_client->contacts()->displayName(m_user));
    m_username->setText(user ? QStringLiteral("@") + user->username : QString());
    m_username->setVisible(user.has_value());
    if (m_client->contacts()->presenceKnown()) {
        m_status->setText(StatusBadgePainter::headerLine(m_client->contacts()->statusOf(m_user),
                                                         user ? user->statusText : QString()));
    } else {
        //: profile card while the user's own connection is down: nobody's status is current
        m_status->setText(tr("Status unknown while you are offline"));
    }
    const QString signature = user ? user->signature : QString();
    m_signature->setText(signature);
    m_signature->setVisible(!signature.isEmpty());

    // The full path reads better than the bare name: two teams may both be called "平台组".
    const QString department = user ? m_client->directory()->path(user->department) : QString();
    setRow(m_department, department);
    setRow(m_title, user ? user->title : QString());
    setRow(m_phone, user ? user->phone : QString());
    const QString email = user ? user->email : QString();
    setRow(m_email, email.isEmpty()
                        ? QString()
                        : QStringLiteral("<a href=\"mailto:%1\">%2</a>")
                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(email, "@")), email.toHtmlEscaped()));
    //: profile card: labels before the fields
    qobject_cast<QLabel*>(m_form->labelForField(m_department))->setText(tr("Department"));
    qobject_cast<QLabel*>(m_form->labelForField(m_title))->setText(tr("Title"));
    qobject_cast<QLabel*>(m_form->labelForField(m_phone))->setText(tr("Phone"));
    qobject_cast<QLabel*>(m_form->labelForField(m_email))->setText(tr("E-mail"));

    //: profile card button: open the private chat with this person
    m_message->setText(tr("Send message"));
    m_message->setVisible(!own);
    m_edit->setText(tr("Edit my profile…"));
    // An older server has no profile_update: the button would only fail.
    m_edit->setVisible(own && m_client->supportsProfiles());
    m_edit->setDefault(own);
    refreshPhoto();
    adjustSize();
}

void ProfileCard::refreshPhoto()
{
    const std::optional<UserInfo> user = m_client->contacts()->user(m_user);
    const QImage photo =
        user && !user->avatar.isEmpty() ? QImage::fromData(m_client->avatars()->picture(user->avatar)) : QImage();
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(QSize(kPhoto, kPhoto) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect rect(0, 0, kPhoto, kPhoto);
    if (photo.isNull()) {
        const QString name = m_client->contacts()->displayName(m_user);
        AvatarPainter::paint(&painter, rect, AvatarPainter::initials(name, AvatarPainter::Kind::Person),
                             m_user.value());
    } else {
        AvatarPainter::paintPhoto(&painter, rect, photo);
    }
    // While the user is offline nobody's presence is known: no dot rather than a stale one.
    if (m_client->contacts()->presenceKnown())
        StatusBadgePainter::paint(&painter, rect, m_client->contacts()->statusOf(m_user));
    painter.end();
    m_photo->setPixmap(pixmap);
}

void ProfileCard::popup(const QPoint& globalPos)
{
    adjustSize();
    const QScreen* screen = QGuiApplication::screenAt(globalPos);
    const QRect room = (screen ? screen : this->screen())->availableGeometry();
    QPoint at = globalPos + QPoint(4, 4);
    at.setX(qBound(room.left(), at.x(), room.right() - width() + 1));
    if (at.y() + height() > room.bottom() + 1)
        at.setY(qMax(room.top(), globalPos.y() - height() - 4));
    move(at);
    show();
    (m_message->isVisible() ? m_message : m_edit)->setFocus();
}

void ProfileCard::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

void ProfileCard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

} // namespace lanchat
