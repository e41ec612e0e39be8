#include "messageeditor.h"

#include "commitqueue.h"
#include "logging.h"
#include "messageposter.h"

#include <QDateTime>

namespace lanchat {

MessageEditor::MessageEditor(Storage& storage, CommitQueue& commits, MessagePoster& poster)
    : m_storage(storage)
    , m_commits(commits)
    , m_poster(poster)
{}

void MessageEditor::recall(const MessageRecord& original, UserId actor, const Session* origin, Done done)
{
    if (!m_commits.begin() || !m_storage.recallMessage(original.seq, actor, QDateTime::currentMSecsSinceEpoch())) {
        qCWarning(lcServer) << "cannot recall message" << original.seq;
        done(std::nullopt);
        return;
    }
    NewMessage record;
    record.conversation = original.conversation;
    record.sender = actor;
    record.kind = MessageKind::Recall;
    record.target = original.seq;
    m_poster.post(record, origin, std::move(done));
}

void MessageEditor::edit(const MessageRecord& original, UserId actor, const QString& text, const Session* origin,
                         Done done)
{
    if (!m_commits.begin() || !m_storage.editMessage(original.seq, actor, text, QDateTime::currentMSecsSinceEpoch())) {
        qCWarning(lcServer) << "cannot edit message" << original.seq;
        done(std::nullopt);
        return;
    }
    NewMessage record;
    record.conversation = original.conversation;
    record.sender = actor;
    record.kind = MessageKind::Edit;
    record.text = text;
    record.target = original.seq;
    m_poster.post(record, origin, std::move(done));
}

} // namespace lanchat
