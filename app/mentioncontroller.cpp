#include "mentioncontroller.h"

#include "chatclient.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "mentioncompleter.h"
#include "mentionhighlighter.h"
#include "messageinput.h"
#include "pinyinmentionmatcher.h"

#include <QKeyEvent>
#include <QTextBlock>

#include <algorithm>

namespace lanchat {

MentionController::MentionController(ChatClient* client, MessageInput* input, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_input(input)
    , m_completer(new MentionCompleter(input->window()))
    , m_matcher(std::make_unique<PinyinMentionMatcher>([] { return QStringList{MentionHighlighter::everyoneWord()}; }))
{
    m_input->installEventFilter(this);
    connect(m_input, &QPlainTextEdit::textChanged, this, &MentionController::update);
    connect(m_input, &QPlainTextEdit::cursorPositionChanged, this, &MentionController::update);
    connect(m_completer, &MentionCompleter::picked, this, &MentionController::accept);
}

MentionController::~MentionController() = default;

void MentionController::setConversation(ConversationId conversation)
{
    m_conversation = conversation;
    m_picked.clear();
    close();
}

void MentionController::setMatcher(std::unique_ptr<MentionMatcher> matcher)
{
    if (matcher)
        m_matcher = std::move(matcher);
}

Mentions MentionController::takeMentions(const QString& text)
{
    Mentions mentions;
    for (const Picked& p : std::as_const(m_picked)) {
        if (!text.contains(p.token))
            continue;
        if (!p.user.isValid())
            mentions.all = true;
        else if (!mentions.users.contains(p.user))
            mentions.users.append(p.user);
    }
    m_picked.clear();
    close();
    return mentions;
}

bool MentionController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_input || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (!m_completer->isHidden()) {
        switch (key->key()) {
        case Qt::Key_Up:
            m_completer->moveSelection(-1);
            return true;
        case Qt::Key_Down:
            m_completer->moveSelection(1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            if (const auto candidate = m_completer->current())
                accept(*candidate);
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    if (!key->text().isEmpty() && key->text().at(0).isPrint())
        m_client->noteTyping(m_conversation);
    return QObject::eventFilter(watched, event);
}

void MentionController::update()
{
    const int start = mentionStart();
    if (start < 0) {
        close();
        return;
    }
    const QTextCursor cursor = m_input->textCursor();
    const QString query = cursor.block().text().mid(start + 1, cursor.positionInBlock() - start - 1);
    QList<MentionCandidate> matching;
    for (const MentionCandidate& c : candidates()) {
        if (m_matcher->matches(c, query))
            matching.append(c);
    }
    std::stable_sort(matching.begin(), matching.end(), [&](const MentionCandidate& a, const MentionCandidate& b) {
        return m_matcher->rank(a, query) < m_matcher->rank(b, query);
    });
    if (matching.isEmpty()) {
        close();
        return;
    }
    const QRect caret = m_input->cursorRect();
    m_completer->showCandidates(matching, m_input->viewport()->mapTo(m_completer->parentWidget(), caret.topLeft()));
}

int MentionController::mentionStart() const
{
    const QTextCursor cursor = m_input->textCursor();
    if (cursor.hasSelection())
        return -1;
    const QString line = cursor.block().text();
    for (int i = cursor.positionInBlock() - 1; i >= 0; --i) {
        const QChar c = line.at(i);
        if (c == u'@')
            return i == 0 || line.at(i - 1).isSpace() ? i : -1;
        if (c.isSpace())
            return -1;
    }
    return -1;
}

QList<MentionCandidate> MentionController::candidates() const
{
    QList<MentionCandidate> out;
    const auto info = m_client->conversations()->conversation(m_conversation);
    if (!info || info->kind != ConversationKind::Group || m_client->conversations()->isRemoved(m_conversation))
        return out;
    const UserId me = m_client->currentUser().id;
    // The server takes @all only from the group's owner and admins (docs/protocol.md 6.5): offered only to them.
    const bool everyone = info->roleOf(me) >= GroupRole::Admin;
    if (everyone)
        out.append(MentionCandidate{UserId(), tr("Everyone"), MentionHighlighter::everyoneWord(), true});
    for (UserId member : info->members) {
        if (member == me)
            continue;
        const auto user = m_client->contacts()->user(member);
        out.append(MentionCandidate{member, user ? user->displayName : m_client->contacts()->displayName(member),
                                    user ? user->username : QString(), false});
    }
    std::sort(out.begin() + (everyone ? 1 : 0), out.end(), [](const MentionCandidate& a, const MentionCandidate& b) {
        return a.displayName.localeAwareCompare(b.displayName) < 0;
    });
    return out;
}

void MentionController::accept(const MentionCandidate& candidate)
{
    const int start = mentionStart();
    if (start < 0) {
        close();
        return;
    }
    QTextCursor cursor = m_input->textCursor();
    const QString token =
        QStringLiteral("@") + (candidate.everyone ? MentionHighlighter::everyoneWord() : candidate.displayName);
    cursor.setPosition(cursor.block().position() + start, QTextCursor::KeepAnchor);
    cursor.insertText(token + QLatin1Char(' '));
    m_input->setTextCursor(cursor);
    m_picked.append(Picked{token, candidate.user});
    close();
}

void MentionController::close()
{
    m_completer->hide();
}

} // namespace lanchat
