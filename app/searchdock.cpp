#include "searchdock.h"

#include "conversationview.h"
#include "icons.h"
#include "messageinput.h"
#include "searchpanel.h"

#include <QAction>
#include <QEvent>
#include <QListView>

namespace lanchat {

SearchDock::SearchDock(ChatClient* client, ConversationView* view, QWidget* parent)
    : QDockWidget(parent)
    , m_view(view)
    , m_panel(new SearchPanel(client, this))
    , m_searchAll(new QAction(this))
    , m_findHere(new QAction(this))
{
    setObjectName(QStringLiteral("searchDock"));
    setWidget(m_panel);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // Room for a title, a time and a useful piece of the excerpt; the chat keeps its own minimum beside it.
    m_panel->setMinimumWidth(300);
    m_searchAll->setObjectName(QStringLiteral("searchAllAction"));
    m_findHere->setObjectName(QStringLiteral("findInConversationAction"));
    m_searchAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_findHere->setShortcut(QKeySequence::Find);
    m_searchAll->setIcon(Icons::icon(QStringLiteral("search")));
    m_findHere->setIcon(Icons::icon(QStringLiteral("search")));
    connect(m_searchAll, &QAction::triggered, this, [this] { open(ConversationId()); });
    connect(m_findHere, &QAction::triggered, this, [this] { open(m_view->conversation()); });
    connect(m_panel, &SearchPanel::hitActivated, this, &SearchDock::hitActivated);
    connect(m_panel, &SearchPanel::closeRequested, this, &SearchDock::dismiss);
    retranslateUi();
}

void SearchDock::open(ConversationId conversation, const QString& query)
{
    show();
    raise();
    m_panel->start(conversation, query);
}

void SearchDock::dismiss()
{
    hide();
    // Back to where the user was: writing in the conversation, or reading it when it takes no input.
    if (m_view->input()->isEnabled())
        m_view->input()->setFocus(Qt::OtherFocusReason);
    else
        m_view->messageList()->setFocus(Qt::OtherFocusReason);
}

void SearchDock::retranslateUi()
{
    setWindowTitle(tr("Search"));
    m_searchAll->setText(tr("&Search messages…"));
    m_searchAll->setToolTip(tr("Search the messages and files of all conversations"));
    m_findHere->setText(tr("&Find in conversation…"));
    m_findHere->setToolTip(tr("Search the messages and files of this conversation"));
}

void SearchDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

} // namespace lanchat
