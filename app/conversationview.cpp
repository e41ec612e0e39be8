#include "conversationview.h"

#include "appsettings.h"
#include "avatarpixmaps.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "draftbinder.h"
#include "emojibutton.h"
#include "headeravatar.h"
#include "headerprofilelink.h"
#include "icons.h"
#include "logging.h"
#include "mentioncontroller.h"
#include "messageactions.h"
#include "messagedelegate.h"
#include "messageeditactions.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "pastepreviewdialog.h"
#include "profilelink.h"
#include "readerspopup.h"
#include "replybar.h"
#include "replycontroller.h"
#include "screenshot/screenshottool.h"
#include "statusbadgepainter.h"
#include "textselection.h"
#include "transfermanager.h"
#include "typingindicator.h"
#include "unreaddividerdelegate.h"
#include "unreadjumper.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QShowEvent>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace lanchat {

ConversationView::ConversationView(ChatClient* client, AppSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_settings(settings)
{
    setAcceptDrops(true);
    buildUi();
    retranslateUi();
    setConversation(ConversationId());
}

ConversationView::~ConversationView() = default;

void ConversationView::buildUi()
{
    m_stack = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(m_stack);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_placeholder);

    auto* page = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* header = new QWidget(page);
    header->setObjectName(QStringLiteral("conversationHeader"));
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(16, 10, 12, 10);
    AvatarPixmaps* avatars = AvatarPixmaps::of(m_client->avatars());
    m_headerAvatar = new HeaderAvatar(avatars, header);
    headerLayout->addWidget(m_headerAvatar);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    titles->addWidget(m_typing = new TypingIndicator(m_client, m_subtitle, header));
    headerLayout->addLayout(titles, 1);
    m_muteButton = new QToolButton(header);
    m_muteButton->setCheckable(true);
    m_infoButton = new QToolButton(header);
    m_peerLink = new HeaderProfileLink(m_title, header);
    m_peerLink->addAvatar(m_headerAvatar);
    connect(m_peerLink, &HeaderProfileLink::profileRequested, this, &ConversationView::profileRequested);
    headerLayout->addWidget(m_muteButton);
    headerLayout->addWidget(m_peerLink->button());
    headerLayout->addWidget(m_infoButton);
    layout->addWidget(header);

    m_list = new QListView(page);
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setUniformItemSizes(false);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setLayoutMode(QListView::Batched);
    m_list->setBatchSize(500);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setMouseTracking(true);
    m_delegate = new MessageDelegate(m_client->transfers(), m_list);
    m_list->setItemDelegate(m_delegate);
    m_delegate->setAvatars(avatars);
    avatars->repaintOnArrival(m_list->viewport());
    connect(m_list, &QListView::activated, this, [this](const QModelIndex& index) {
        QStyleOptionViewItem option;
        option.initFrom(m_list->viewport());
        option.rect = m_list->visualRect(index);
        option.font = m_list->font();
        m_delegate->activate(option, index);
    });
    m_senders = new ProfileLink(m_list, roles::MessageSenderId, [this](const auto& option, const auto& index) {
        const auto* divider = qobject_cast<const UnreadDividerDelegate*>(m_list->itemDelegate());
        return m_delegate->senderRect(divider ? divider->messageOption(option, index) : option, index);
    });
    connect(m_senders, &ProfileLink::profileRequested, this, &ConversationView::profileRequested);
    m_unread = new UnreadJumper(m_client, m_list, m_delegate, this);
    m_textSelection = new TextSelection(m_list, m_delegate);
    m_actions = new MessageActions(m_client, m_list, this);
    layout->addWidget(m_list, 1);

    m_removedNotice = new QLabel(page);
    m_removedNotice->setObjectName(QStringLiteral("removedNotice"));
    m_removedNotice->setWordWrap(true);
    m_removedNotice->setAlignment(Qt::AlignCenter);
    m_removedNotice->setContentsMargins(12, 8, 12, 0);
    m_removedNotice->hide();
    layout->addWidget(m_removedNotice);
    auto* inputRow = new QWidget(page);
    inputRow->setObjectName(QStringLiteral("inputRow"));
    m_inputRow = inputRow;
    // Tools above the text box, as in the messengers our users know: the box keeps the row's whole width.
    auto* rowLayout = new QVBoxLayout(inputRow);
    rowLayout->setContentsMargins(12, 4, 12, 10);
    rowLayout->setSpacing(4);
    auto* toolLayout = new QHBoxLayout;
    toolLayout->setSpacing(2);
    auto* inputLayout = new QHBoxLayout;
    m_attachButton = new QToolButton(inputRow);
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_attachButton->setIcon(Icons::icon(QStringLiteral("attach")));
    m_screenshotButton = new QToolButton(inputRow);
    m_screenshotButton->setObjectName(QStringLiteral("screenshotButton"));
    m_screenshotButton->setIcon(Icons::icon(QStringLiteral("screenshot")));
    m_input = new MessageInput(inputRow);
    m_drafts = new DraftBinder(m_input, m_client->drafts(), this);
    m_mentions = new MentionController(m_client, m_input, this);
    m_sendButton = new QPushButton(inputRow);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(false);
    m_sendButton->setAutoDefault(false);
    m_sendButton->setIcon(Icons::icon(QStringLiteral("send"), Icons::Tone::OnPrimary));
    m_infoButton->setIcon(Icons::icon(QStringLiteral("new-group")));
    m_infoButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_muteButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QToolButton* tool : {static_cast<QToolButton*>(new EmojiButton(m_client, m_settings, m_input, inputRow)),
                              m_attachButton, m_screenshotButton}) {
        tool->setAutoRaise(true);
        toolLayout->addWidget(tool);
    }
    toolLayout->addStretch(1);
    m_replies = new ReplyController(m_client, m_list, m_input, m_delegate, inputRow);
    rowLayout->addWidget(m_replies->bar());
    rowLayout->addLayout(toolLayout);
    inputLayout->addWidget(m_input, 1);
    inputLayout->addWidget(m_sendButton, 0, Qt::AlignBottom);
    rowLayout->addLayout(inputLayout);
    m_editActions = new MessageEditActions(m_client, m_input, page, this);
    layout->addWidget(m_editActions->bar());
    layout->addWidget(inputRow);
    m_stack->addWidget(page);

    connect(m_input, &MessageInput::submitted, this, &ConversationView::onSubmitted);
    connect(m_input, &MessageInput::filesPasted, this, [this](const QStringList& paths) { previewAndSend(paths); });
    connect(m_input, &MessageInput::imagePasted, this, &ConversationView::onImagePasted);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        const QString text = m_input->toPlainText().trimmed();
        m_input->clear();
        if (!text.isEmpty() || m_editActions->isEditing())
            onSubmitted(text);
    });
    connect(m_attachButton, &QToolButton::clicked, this, &ConversationView::onAttach);
    m_screenshots = new ScreenshotTool(m_settings, m_screenshotButton, this);
    connect(m_screenshots, &ScreenshotTool::captured, this, &ConversationView::onImagePasted);
    connect(m_infoButton, &QToolButton::clicked, this, [this] { Q_EMIT groupInfoRequested(m_conversation); });
    connect(m_muteButton, &QToolButton::toggled, this, [this](bool muted) {
        m_settings.setConversationMuted(m_conversation.value(), muted);
        Q_EMIT mutedChanged(m_conversation, muted);
        retranslateUi();
    });
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
    connect(m_list->verticalScrollBar(), &QScrollBar::rangeChanged, this, &ConversationView::onRangeChanged);
    connect(m_list, &QListView::customContextMenuRequested, this, &ConversationView::onContextMenu);
    connect(m_unread, &UnreadJumper::positioned, this, [this] { onScrolled(m_list->verticalScrollBar()->value()); });
    auto* copy = new QShortcut(QKeySequence::Copy, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &ConversationView::copySelection);

    connect(m_delegate, &MessageDelegate::downloadRequested, this, &ConversationView::onDownloadRequested);
    connect(m_delegate, &MessageDelegate::openRequested, this,
            [](const QString& path) { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    connect(m_delegate, &MessageDelegate::showInFolderRequested, this, [](const QString& path) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
    connect(m_delegate, &MessageDelegate::retryRequested, m_client, &ChatClient::retry);
    connect(m_delegate, &MessageDelegate::readersRequested, this, [this](const QModelIndex& index, const QRect& label) {
        ReadersPopup::open(index, this, m_list->viewport()->mapToGlobal(label.bottomLeft() + QPoint(0, 4)));
    });
    connect(m_delegate, &MessageDelegate::reEditRequested, m_editActions, &MessageEditActions::reEdit);
    connect(m_delegate, &MessageDelegate::linkActivated, this, [](const QUrl& url) { QDesktopServices::openUrl(url); });
    connect(m_client->transfers(), &TransferManager::transferFinished, this, [this](int, bool ok) {
        // A finished download changes a file card (actions, thumbnail height): lay the rows out again.
        if (ok && m_model) {
            m_delegate->clearCaches();
            m_list->doItemsLayout();
        }
    });
    connect(m_client->transfers(), &TransferManager::downloadRechecked, this, [this] {
        if (m_model) {
            m_delegate->clearCaches();
            m_list->doItemsLayout();
        }
    });
    connect(m_client->conversations(), &QAbstractItemModel::dataChanged, this, &ConversationView::refreshHeader);
    connect(m_client->conversations(), &QAbstractItemModel::modelReset, this, &ConversationView::refreshHeader);
    connect(m_client->conversations(), &QAbstractItemModel::rowsInserted, this, &ConversationView::refreshHeader);
}

void ConversationView::retranslateUi()
{
    m_placeholder->setText(tr("Select a conversation on the left, or start a new chat."));
    m_attachButton->setText(tr("Attach"));
    m_screenshotButton->setText(tr("Screenshot"));
    m_screenshotButton->setToolTip(tr("Take a screenshot of a screen area and send it (Ctrl+Alt+A)"));
    m_attachButton->setToolTip(tr("Send files (you can also drag them here or paste them)"));
    m_sendButton->setText(tr("Send"));
    m_infoButton->setText(tr("Members"));
    m_infoButton->setToolTip(tr("Show and manage the group's members"));
    m_muteButton->setText(m_muteButton->isChecked() ? tr("Muted") : tr("Mute"));
    m_muteButton->setIcon(Icons::icon(m_muteButton->isChecked() ? QStringLiteral("mute") : QStringLiteral("unmute")));
    m_muteButton->setToolTip(tr("No desktop notifications for this conversation"));
    m_delegate->clearCaches();
    refreshHeader();
}

void ConversationView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConversationView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Qt tells only the top-level window about activation and minimising: watch it for the moment the
    // open chat becomes visible to the user (restored from the tray, un-minimised, activated).
    window()->removeEventFilter(this);
    window()->installEventFilter(this);
    markReadIfVisible();
}

bool ConversationView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window() &&
        (event->type() == QEvent::ActivationChange || event->type() == QEvent::WindowStateChange)) {
        markReadIfVisible();
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationView::setMessageFont(const QFont& font)
{
    m_list->setFont(font);
    m_input->setFont(font);
    // The header follows the chosen size too: the title a little larger and bold, the subtitle smaller.
    QFont title = font;
    title.setPointSizeF(font.pointSizeF() * 1.2);
    title.setBold(true);
    m_title->setFont(title);
    QFont subtitle = font;
    subtitle.setPointSizeF(font.pointSizeF() * 0.9);
    m_subtitle->setFont(subtitle);
    m_delegate->clearCaches();
    m_list->doItemsLayout();
}

void ConversationView::setConversation(ConversationId conversation)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_editActions->setConversation(conversation); // before the draft of the old one is saved
    m_conversation = conversation;
    m_drafts->setConversation(conversation);
    m_mentions->setConversation(conversation);
    m_typing->setConversation(conversation);
    m_replies->setConversation(conversation, conversation.isValid() ? m_client->messages(conversation) : nullptr);
    m_loadingOlder = false;
    m_restoreFromBottom = -1;
    m_stickToBottom = true;
    if (!conversation.isValid()) {
        m_model = nullptr;
        m_unread->open(conversation, nullptr, 0, 0);
        m_list->setModel(nullptr);
        m_peerLink->setPeer({});
        m_stack->setCurrentIndex(0);
        return;
    }
    m_model = m_client->messages(conversation);
    const auto info = m_client->conversations()->conversation(conversation);
    // Opened at the first unread message when there is one (UnreadJumper), else at the bottom; told before the
    // list shows the model, whose first scroll may already mark the conversation read.
    m_unread->open(conversation, m_model, info ? info->readSeq : 0, m_client->conversations()->unread(conversation));
    m_stickToBottom = !m_unread->isPositionPending();
    m_list->setModel(m_model);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ConversationView::onRowsAboutToBeInserted);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConversationView::onRowsInserted);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex&, const QModelIndex& last, const QList<int>& changed) {
                // A refused message grows a line ("Not sent: … · Retry"), a recall or an edit changes a row's height;
                // QListView keeps row heights on dataChanged.
                if (m_model && (last.row() >= m_model->storedCount() || changed.contains(roles::MessageEditedTime)))
                    m_list->doItemsLayout();
            });
    // Private conversations are always listed; one that is not is a group the user has left or lost.
    m_delegate->setGroupConversation(!info || info->kind == ConversationKind::Group);
    const QSignalBlocker block(m_muteButton);
    m_muteButton->setChecked(m_settings.mutedConversations().contains(conversation.value()));
    m_stack->setCurrentIndex(1);
    retranslateUi();
    // Scrolling to the bottom first would count the unread messages as read.
    if (m_unread->unreadAtOpen() > 0)
        m_unread->jumpToFirstUnread();
    else
        m_list->scrollToBottom();
    if (m_model->rowCount() < 30)
        m_client->loadOlder(conversation);
    markReadIfVisible();
    m_input->setFocus();
}

void ConversationView::showMessage(Seq seq)
{
    // The user asked for this message: neither the unread line nor the newest message pulls the view away from it.
    m_unread->cancelPosition();
    m_stickToBottom = false;
    m_replies->jumpTo(seq);
}

void ConversationView::refreshHeader()
{
    if (!m_conversation.isValid())
        return;
    const QAbstractItemModel* model = m_client->conversations();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(roles::ConversationId).toLongLong() != m_conversation.value())
            continue;
        const QString title = index.data(roles::ConversationTitle).toString();
        m_title->setText(title);
        m_headerAvatar->showConversation(index);
        const bool group = index.data(roles::ConversationIsGroup).toBool();
        const bool removed = index.data(roles::ConversationRemoved).toBool();
        const UserId removedBy(index.data(roles::ConversationRemovedBy).toLongLong());
        const bool announcements = index.data(roles::ConversationIsAnnouncements).toBool();
        m_infoButton->setVisible(group && !removed && !announcements);
        m_inputRow->setEnabled(!removed && !announcements);
        m_removedNotice->setVisible(removed || announcements);
        if (announcements && !removed) {
            //: under the announcement channel instead of a usable input box
            m_removedNotice->setText(tr("Only administrators post here"));
        } else if (removed && index.data(roles::ConversationDissolved).toBool()) {
            //: in a group chat its owner dissolved; %1 is who dissolved it, %2 the group's name
            m_removedNotice->setText(tr("%1 dissolved the group %2. The history stays readable; nobody can send "
                                        "messages here any more.")
                                         .arg(m_client->contacts()->displayName(removedBy), title));
        } else if (removed && removedBy.isValid()) {
            //: in a group chat the user was removed from; %1 is the group's name, %2 who removed them
            m_removedNotice->setText(tr("You were removed from %1 by %2. The history stays readable; you cannot "
                                        "send messages here any more.")
                                         .arg(title, m_client->contacts()->displayName(removedBy)));
        } else if (removed) {
            //: in a group chat the server's administrator removed the user from; %1 is the group's name
            m_removedNotice->setText(tr("You were removed from %1 by an administrator. The history stays readable; "
                                        "you cannot send messages here any more.")
                                         .arg(title));
        }
        m_peerLink->setPeer(group ? UserId() : UserId(index.data(roles::ConversationPeerId).toLongLong()));
        if (group) {
            const int members = int(index.data(roles::ConversationMembers).toList().size());
            m_subtitle->setText(removed ? tr("Group · you are no longer a member")
                                        : tr("Group · %n member(s)", nullptr, members));
        } else {
            if (!index.data(roles::ConversationPeerPresenceKnown).toBool()) {
                //: chat header of a private chat while the user's own connection is down
                m_subtitle->setText(tr("Presence unknown while you are offline"));
            } else {
                const UserId peer(index.data(roles::ConversationPeerId).toLongLong());
                const std::optional<UserInfo> user = m_client->contacts()->user(peer);
                m_subtitle->setText(StatusBadgePainter::headerLine(m_client->contacts()->statusOf(peer),
                                                                   user ? user->statusText : QString()));
            }
        }
        return;
    }
}

void ConversationView::onSubmitted(const QString& text)
{
    if (!m_conversation.isValid() || m_editActions->submit(text))
        return;
    m_stickToBottom = true;
    m_client->sendText(m_conversation, text, m_mentions->takeMentions(text), m_replies->takeReplyTo());
}

void ConversationView::sendFiles(const QStringList& paths)
{
    if (!m_conversation.isValid() || !m_inputRow->isEnabled())
        return;
    for (const QString& path : paths) {
        if (QFileInfo(path).isFile())
            m_client->transfers()->upload(m_conversation, path);
        else
            qCInfo(lcApp) << "not sending" << path << "(not a regular file)";
    }
}

void ConversationView::onImagePasted(const QImage& image)
{
    previewAndSend({}, image);
}

void ConversationView::previewAndSend(const QStringList& paths, const QImage& image)
{
    if (!m_conversation.isValid())
        return;
    auto* dialog = new PastePreviewDialog(m_title->text(), m_client->maxFileBytes(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (image.isNull())
        dialog->setFiles(paths);
    else
        dialog->setImage(image);
    // The chat the content was pasted into, even if the user switches chats while the dialog is open.
    const ConversationId conversation = m_conversation;
    connect(dialog, &QDialog::accepted, this, [this, dialog, conversation] {
        QStringList files = dialog->files();
        if (!dialog->imagePng().isEmpty()) {
            const QString dir =
                QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/pasted");
            QDir().mkpath(dir);
            QFile file(dir + QStringLiteral("/screenshot-") +
                       QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) +
                       QStringLiteral(".png"));
            if (file.open(QIODevice::WriteOnly) && file.write(dialog->imagePng()) == dialog->imagePng().size())
                files << file.fileName();
            else
                qCWarning(lcApp) << "cannot save pasted image to" << file.fileName() << file.errorString();
        }
        for (const QString& path : std::as_const(files))
            m_client->transfers()->upload(conversation, path);
    });
    dialog->open();
}

void ConversationView::onAttach()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Send files"));
    sendFiles(paths);
}

void ConversationView::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_conversation.isValid() && m_inputRow->isEnabled() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ConversationView::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    previewAndSend(paths);
}

void ConversationView::onScrolled(int value)
{
    QScrollBar* bar = m_list->verticalScrollBar();
    m_stickToBottom = value >= bar->maximum() - 4 && !m_unread->isPositionPending();
    if (m_stickToBottom)
        markReadIfVisible();
    if (value == bar->minimum() && bar->maximum() > bar->minimum() && m_model && !m_loadingOlder &&
        !m_model->atStart()) {
        m_loadingOlder = true;
        m_client->loadOlder(m_conversation);
    }
}

void ConversationView::onRangeChanged(int min, int max)
{
    Q_UNUSED(min);
    QScrollBar* bar = m_list->verticalScrollBar();
    if (m_restoreFromBottom >= 0) {
        // Older history was inserted above: keep the message the user was looking at in place.
        bar->setValue(max - m_restoreFromBottom);
        m_restoreFromBottom = -1;
    } else if (m_stickToBottom) {
        bar->setValue(max);
    }
    m_unread->onRangeChanged();
}

void ConversationView::onRowsAboutToBeInserted(const QModelIndex& parent, int first, int last)
{
    Q_UNUSED(parent);
    Q_UNUSED(last);
    if (first == 0 && m_model->rowCount() > 0) {
        QScrollBar* bar = m_list->verticalScrollBar();
        m_restoreFromBottom = bar->maximum() - bar->value();
    }
}

void ConversationView::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    Q_UNUSED(parent);
    Q_UNUSED(last);
    if (first == 0)
        m_loadingOlder = false;
    else if (m_stickToBottom)
        m_list->scrollToBottom();
    markReadIfVisible();
}

void ConversationView::markReadIfVisible()
{
    if (m_conversation.isValid() && isVisible() && window()->isActiveWindow() && !window()->isMinimized() &&
        m_stickToBottom && !m_unread->isPositionPending()) {
        m_client->markRead(m_conversation);
    }
}

void ConversationView::onDownloadRequested(const QModelIndex& index)
{
    TransferManager* transfers = m_client->transfers();
    transfers->setDownloadDirectory(m_settings.downloadDirectory());
    transfers->download(m_conversation, index.data(roles::MessageFileName).toString(),
                        index.data(roles::MessageFileSize).toLongLong(),
                        index.data(roles::MessageFileSha256).toByteArray());
}

void ConversationView::onContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    menu.addAction(Icons::icon(QStringLiteral("copy")), tr("Copy"), this, &ConversationView::copySelection);
    m_actions->addTo(menu, index);
    if (index.data(roles::MessageKind).toInt() == int(MessageKind::File) &&
        !index.data(roles::MessageFileExpired).toBool()) {
        menu.addAction(Icons::icon(QStringLiteral("download")), tr("Download"), this,
                       [this, index] { onDownloadRequested(index); });
    }
    if (DeliveryState(index.data(roles::MessageDeliveryState).toInt()) == DeliveryState::Failed) {
        const QUuid id = index.data(roles::MessageClientId).toUuid();
        menu.addAction(Icons::icon(QStringLiteral("reconnect")), tr("Retry sending"), this,
                       [this, id] { m_client->retry(id); });
    }
    ReadersPopup::addMenuAction(menu, index, m_delegate->isGroupConversation(), this,
                                m_list->viewport()->mapToGlobal(pos));
    m_editActions->addTo(menu, index);
    m_replies->addActions(menu, index);
    if (index.data(roles::MessageSenderId).toLongLong() != m_client->currentUser().id.value()) {
        menu.addSeparator();
        m_senders->addTo(&menu, index); // the sender's card, as a click on their avatar opens it
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void ConversationView::copySelection()
{
    if (m_textSelection->copy())
        return;
    QModelIndexList rows = m_list->selectionModel() ? m_list->selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList texts;
    for (const QModelIndex& index : rows) {
        const bool file = index.data(roles::MessageKind).toInt() == int(MessageKind::File);
        texts.append(file ? index.data(roles::MessageFileName).toString() : index.data(roles::MessageText).toString());
    }
    if (!texts.isEmpty())
        QApplication::clipboard()->setText(texts.join(QLatin1Char('\n')));
}

} // namespace lanchat
