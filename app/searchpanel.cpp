#include "searchpanel.h"

#include "chatclient.h"
#include "errortext.h"
#include "icons.h"
#include "messagesearch.h"
#include "modelroles.h"
#include "protocol.h"
#include "searchfilterbar.h"
#include "searchhitdelegate.h"
#include "searchresultsmodel.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QVBoxLayout>

namespace lanchat {

SearchPanel::SearchPanel(ChatClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_search(new MessageSearch(client, this))
    , m_field(new QLineEdit(this))
    , m_filters(new SearchFilterBar(client, this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("searchPanel"));
    m_field->setObjectName(QStringLiteral("searchField"));
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaxLength(protocol::kSearchQueryChars);
    m_field->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(8, 16, 8, 16);
    m_list->setModel(m_search->results());
    m_list->setItemDelegate(new SearchHitDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_field);
    layout->addWidget(m_filters);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addStretch(); // takes the room while the list is hidden, so the status line stays under the filters

    connect(m_field, &QLineEdit::textChanged, m_search, &MessageSearch::setQuery);
    connect(m_filters, &SearchFilterBar::changed, this, &SearchPanel::applyFilters);
    connect(m_search, &MessageSearch::statusChanged, this, &SearchPanel::refreshStatus);
    connect(m_search, &MessageSearch::pageLoaded, this, &SearchPanel::refreshStatus);
    connect(m_search, &MessageSearch::failed, this, &SearchPanel::refreshStatus);
    connect(m_search, &MessageSearch::availabilityChanged, this, &SearchPanel::refreshStatus);
    connect(m_list, &QListView::activated, this, &SearchPanel::open);
    connect(m_list, &QListView::clicked, this, &SearchPanel::open);
    m_field->installEventFilter(this);
    m_list->installEventFilter(this);
    setFocusProxy(m_field);
    retranslateUi();
}

void SearchPanel::start(ConversationId conversation, const QString& query)
{
    if (conversation != m_filters->conversation()) {
        const QSignalBlocker block(m_filters);
        m_filters->reset();
        m_filters->setConversation(conversation);
        applyFilters();
    }
    if (!query.isEmpty()) {
        m_field->setText(query);
        m_search->searchNow();
    }
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    refreshStatus();
}

QString SearchPanel::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void SearchPanel::applyFilters()
{
    const auto [since, until] = m_filters->rangeMs();
    m_search->setFilters(m_filters->conversation(), m_filters->sender(), since, until, m_filters->filesOnly());
    m_field->setPlaceholderText(m_filters->conversation().isValid() ? tr("Search in this conversation")
                                                                    : tr("Search all messages"));
}

void SearchPanel::refreshStatus()
{
    QString text;
    switch (m_search->status()) {
    case MessageSearch::Status::Idle:
        text = tr("Type words or part of a Chinese phrase to find messages and files.");
        break;
    case MessageSearch::Status::Searching:
        text = tr("Searching…");
        break;
    case MessageSearch::Status::Ready:
        if (m_search->results()->rowCount() == 0)
            //: %1 is what the user searched for
            text = tr("No messages match “%1”").arg(m_search->query().trimmed());
        break;
    case MessageSearch::Status::Failed:
        text = ErrorText::message(m_search->error());
        break;
    case MessageSearch::Status::Unavailable:
        text = m_client->state() == ChatClient::State::LoggedIn
                   ? tr("Message search is not available: this server does not offer it.")
                   : tr("Not connected. Search works again once you are back online.");
        break;
    }
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    // An empty list under "No messages match" reads as a broken view: it shows only when there are hits.
    m_list->setVisible(m_search->results()->rowCount() > 0);
}

void SearchPanel::moveCurrent(int delta)
{
    const int rows = m_list->model()->rowCount();
    if (rows == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int row = qBound(0, current + delta, rows - 1);
    const QModelIndex index = m_list->model()->index(row, 0);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void SearchPanel::open(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    m_list->setCurrentIndex(index);
    // Opening a conversation focuses its input; from the keyboard the next hit stays a Down+Enter away instead.
    const QPointer<QWidget> focus = QApplication::focusWidget();
    const bool keepFocus = focus == m_field || focus == m_list;
    Q_EMIT hitActivated(ConversationId(index.data(roles::SearchHitConversationId).toLongLong()),
                        index.data(roles::SearchHitSeq).toLongLong());
    if (keepFocus && focus)
        focus->setFocus(Qt::OtherFocusReason);
}

bool SearchPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return true;
    }
    if (watched != m_field)
        return QWidget::eventFilter(watched, event);
    switch (key->key()) {
    case Qt::Key_Down:
        moveCurrent(1);
        return true;
    case Qt::Key_Up:
        moveCurrent(-1);
        return true;
    case Qt::Key_PageDown:
    case Qt::Key_PageUp: {
        const int page = qMax(1, m_list->viewport()->height() / qMax(1, m_list->sizeHintForRow(0)));
        moveCurrent(key->key() == Qt::Key_PageDown ? page : -page);
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Enter before the debounce ran: ask now rather than open a hit of the text typed before.
        if (m_search->status() == MessageSearch::Status::Searching) {
            m_search->searchNow();
            return true;
        }
        open(m_list->currentIndex().isValid() ? m_list->currentIndex() : m_list->model()->index(0, 0));
        return true;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void SearchPanel::retranslateUi()
{
    m_field->setToolTip(tr("Words match by their beginning, Chinese anywhere in the text"));
    applyFilters();
    refreshStatus();
}

void SearchPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace lanchat
