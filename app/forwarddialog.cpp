#include "forwarddialog.h"

#include "avatarpixmaps.h"
#include "chatclient.h"
#include "conversationlistdelegate.h"
#include "conversationlistproxy.h"
#include "modelroles.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace lanchat {

namespace {

/** The conversations one may forward into (the title filter is the ConversationListProxy's). */
class ForwardTargets : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (index.data(roles::ConversationRemoved).toBool() || index.data(roles::ConversationIsAnnouncements).toBool())
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

} // namespace

ForwardDialog::ForwardDialog(ChatClient* client, int count, QWidget* parent)
    : QDialog(parent)
    , m_count(count)
{
    setObjectName(QStringLiteral("forwardDialog"));
    m_ordered =
        new ConversationListProxy(client->conversations(), client->pinnedConversations(), client->drafts(), this);
    m_targets = new ForwardTargets(this);
    m_targets->setSourceModel(m_ordered);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("forwardSummary"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("forwardSearch"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("forwardTargets"));
    m_list->setModel(m_targets);
    auto* delegate = new ConversationListDelegate(ConversationListDelegate::Mode::Conversations, m_list);
    AvatarPixmaps* avatars = AvatarPixmaps::of(client->avatars());
    delegate->setAvatars(avatars);
    avatars->repaintOnArrival(m_list->viewport());
    m_list->setItemDelegate(delegate);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("forwardNoMatch"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
    // A button of our own: QDialogButtonBox renames its standard buttons back to "OK" on a language change.
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_forward = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_forward->setObjectName(QStringLiteral("forwardButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_buttons);

    connect(m_search, &QLineEdit::textChanged, this, &ForwardDialog::onFilterChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ForwardDialog::updateButtons);
    connect(m_list, &QListView::doubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (target().isValid())
            accept();
    });
    retranslateUi();
    onFilterChanged({});
    resize(380, 460);
    m_search->setFocus();
}

ForwardDialog::~ForwardDialog() = default;

ConversationId ForwardDialog::target() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? ConversationId(current.data(roles::ConversationId).toLongLong()) : ConversationId();
}

QString ForwardDialog::targetTitle() const
{
    return m_list->currentIndex().data(roles::ConversationTitle).toString();
}

bool ForwardDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Typing narrows the list; the arrows move in it without leaving the search field.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ForwardDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ForwardDialog::retranslateUi()
{
    setWindowTitle(tr("Forward"));
    //: above the list of conversations to forward the selected messages into
    m_summary->setText(tr("Forward %n message(s) to:", nullptr, m_count));
    m_search->setPlaceholderText(tr("Search conversations by name"));
    m_empty->setText(tr("No conversation matches."));
    m_forward->setText(tr("Forward"));
}

void ForwardDialog::onFilterChanged(const QString& text)
{
    m_ordered->setSearchText(text);
    // The best match is highlighted, so Enter forwards at once.
    if (m_targets->rowCount() > 0)
        m_list->setCurrentIndex(m_targets->index(0, 0));
    m_empty->setVisible(m_targets->rowCount() == 0);
    updateButtons();
}

void ForwardDialog::updateButtons()
{
    m_forward->setEnabled(target().isValid());
}

} // namespace lanchat
