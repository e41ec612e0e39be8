#include "typingrelay.h"

#include "framecodec.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

namespace lanchat {

TypingRelay::TypingRelay(Storage& storage, SessionRegistry& sessions, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_sessions(sessions)
    , m_intervalMs(intervalMs)
{
    m_clock.start();
}

void TypingRelay::registerWith(Router& router)
{
    router.add(QLatin1String(TypingNotice::kType), [this](Session& s, const QCborMap& r, quint64) { typing(s, r); });
}

void TypingRelay::typing(Session& session, const QCborMap& request)
{
    QString error;
    const auto notice = TypingNotice::decode(request, &error);
    // No reply of any kind: a typing indicator is a hint, and an answer would double its traffic.
    if (!notice || !notice->conversation.isValid() || !m_storage.isMember(notice->conversation, session.user()))
        return;
    if (!admit(session, notice->conversation))
        return;
    const TypingPush push{notice->conversation, session.user()};
    m_sessions.pushToUsers(m_storage.members(notice->conversation), FrameCodec::encode(push.encode()), &session);
}

bool TypingRelay::admit(Session& session, ConversationId conversation)
{
    const qint64 now = m_clock.elapsed();
    auto perSession = m_lastRelayed.find(&session);
    if (perSession == m_lastRelayed.end()) {
        perSession = m_lastRelayed.insert(&session, {});
        connect(&session, &QObject::destroyed, this, [this, key = &session] { m_lastRelayed.remove(key); });
    }
    auto last = perSession->find(conversation);
    if (last != perSession->end() && now - *last < m_intervalMs)
        return false;
    perSession->insert(conversation, now);
    return true;
}

} // namespace lanchat
