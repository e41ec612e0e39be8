#include "noticecenter.h"

#include "chatclient.h"
#include "clientconnection.h"
#include "conversationsmodel.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/noticemessages.h"
#include "protocol.h"

#include <QCborMap>
#include <QDateTime>
#include <QPointer>

#include <algorithm>

namespace lanchat {

namespace {

bool isOk(const QCborMap& reply)
{
    return reply.value(QLatin1String("t")).toString() == QLatin1String(msgtype::kOk);
}

ErrorCode errorOf(const QCborMap& reply)
{
    return errorCodeFromName(reply.value(QLatin1String("code")).toString());
}

} // namespace

NoticeCenter::NoticeCenter(ChatClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    connect(client, &ChatClient::stateChanged, this, &NoticeCenter::onClientStateChanged);
    connect(client->connection(), &ClientConnection::pushReceived, this, &NoticeCenter::onPush);
    onClientStateChanged();
}

QList<NoticeInfo> NoticeCenter::pending() const
{
    QList<NoticeInfo> result;
    for (const NoticeInfo& notice : m_received) {
        if (notice.ackedMs == 0)
            result.append(notice);
    }
    return result;
}

std::optional<NoticeInfo> NoticeCenter::postedNotice(qint64 id) const
{
    for (const NoticeInfo& notice : m_posted) {
        if (notice.id == id)
            return notice;
    }
    return std::nullopt;
}

bool NoticeCenter::mayPost(ConversationId group) const
{
    const std::optional<ConversationInfo> info = m_client->conversations()->conversation(group);
    const UserId me = m_client->currentUser().id;
    return m_available && info && info->kind == ConversationKind::Group && !info->announcements &&
           (info->owner == me || info->admins.contains(me));
}

void NoticeCenter::onClientStateChanged()
{
    const bool available = m_client->state() == ChatClient::State::LoggedIn &&
                           m_client->connection()->serverFeatures().contains(QLatin1String(protocol::kFeatureNotices));
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availabilityChanged(available);
    if (available)
        refresh(); // after every login: what arrived while offline, and what is still pending
}

void NoticeCenter::refresh()
{
    m_client->connection()->request(
        NoticeList().encode(), [this, guard = QPointer<NoticeCenter>(this)](const QCborMap& reply) {
            if (!guard)
                return; // the center went first (window closed) while the request was out

            QString error;
            const std::optional<NoticeList> list = isOk(reply) ? NoticeList::decodeOk(reply, &error) : std::nullopt;
            if (!list) {
                qCWarning(lcClient) << "notice_list failed" << reply.value(QLatin1String("code")).toString() << error;
                return;
            }
            m_received = list->received;
            m_posted = list->posted;
            Q_EMIT changed();
        });
}

void NoticeCenter::post(ConversationId group, const QString& text, bool mustAck)
{
    m_client->connection()->request(
        NoticePost{group, text, mustAck}.encode(), [this, guard = QPointer<NoticeCenter>(this)](const QCborMap& reply) {
            if (!guard)
                return; // the center went first (window closed) while the request was out

            const std::optional<NoticeOk> ok = isOk(reply) ? NoticeOk::decode(reply, nullptr) : std::nullopt;
            if (!ok) {
                Q_EMIT postFailed(isOk(reply) ? ErrorCode::Internal : errorOf(reply));
                return;
            }
            storePosted(ok->notice);
            Q_EMIT changed();
            Q_EMIT noticePosted(ok->notice);
        });
}

void NoticeCenter::acknowledge(qint64 id)
{
    const auto it =
        std::find_if(m_received.begin(), m_received.end(), [id](const NoticeInfo& n) { return n.id == id; });
    if (it == m_received.end() || it->ackedMs > 0)
        return;
    // At once, so the banner moves on; the server's time replaces this one with its answer.
    it->ackedMs = QDateTime::currentMSecsSinceEpoch();
    sortReceived();
    Q_EMIT changed();
    m_client->connection()->request(NoticeRequest{QLatin1String(NoticeRequest::kAck), id}.encode(),
                                    [this, id, guard = QPointer<NoticeCenter>(this)](const QCborMap& reply) {
                                        if (!guard)
                                            return;

                                        const std::optional<NoticeOk> ok =
                                            isOk(reply) ? NoticeOk::decode(reply, nullptr) : std::nullopt;
                                        if (ok) {
                                            storeReceived(ok->notice);
                                            Q_EMIT changed();
                                        } else {
                                            Q_EMIT requestFailed(id, errorOf(reply));
                                            refresh(); // still pending on the server: show it again
                                        }
                                    });
}

void NoticeCenter::requestStatus(qint64 id)
{
    m_client->connection()->request(NoticeRequest{QLatin1String(NoticeRequest::kStatus), id}.encode(),
                                    [this, id, guard = QPointer<NoticeCenter>(this)](const QCborMap& reply) {
                                        if (!guard)
                                            return;

                                        const std::optional<NoticeStatus> status =
                                            isOk(reply) ? NoticeStatus::decode(reply, nullptr) : std::nullopt;
                                        if (!status) {
                                            Q_EMIT requestFailed(id, errorOf(reply));
                                            return;
                                        }
                                        storePosted(status->notice);
                                        Q_EMIT changed();
                                        Q_EMIT statusReceived(status->notice, status->receipts);
                                    });
}

void NoticeCenter::remind(qint64 id)
{
    m_client->connection()->request(NoticeRequest{QLatin1String(NoticeRequest::kRemind), id}.encode(),
                                    [this, id, guard = QPointer<NoticeCenter>(this)](const QCborMap& reply) {
                                        if (!guard)
                                            return;

                                        if (!isOk(reply)) {
                                            Q_EMIT requestFailed(id, errorOf(reply));
                                            return;
                                        }
                                        Q_EMIT reminded(id, int(reply.value(QLatin1String("reminded")).toInteger()));
                                        requestStatus(id);
                                    });
}

void NoticeCenter::onPush(const QCborMap& push)
{
    const QString type = push.value(QLatin1String("t")).toString();
    if (type == QLatin1String(NoticeOk::kPush)) {
        const std::optional<NoticeOk> notice = NoticeOk::decode(push, nullptr);
        if (!notice)
            return;
        if (notice->notice.recipients >= 0) {
            storePosted(notice->notice); // the author's view: posted from another device
        } else {
            const bool isNew = notice->notice.ackedMs == 0;
            storeReceived(notice->notice);
            if (isNew)
                Q_EMIT noticeArrived(notice->notice, notice->reminder);
        }
        Q_EMIT changed();
    } else if (type == QLatin1String(NoticeProgress::kPush)) {
        const std::optional<NoticeProgress> progress = NoticeProgress::decode(push, nullptr);
        if (!progress)
            return;
        for (NoticeInfo& notice : m_posted) {
            if (notice.id == progress->notice) {
                notice.acknowledged = progress->acknowledged;
                notice.recipients = progress->recipients;
            }
        }
        Q_EMIT changed();
        Q_EMIT progressed(progress->notice, progress->user, progress->ackedMs);
    }
}

void NoticeCenter::storeReceived(const NoticeInfo& notice)
{
    const auto it =
        std::find_if(m_received.begin(), m_received.end(), [&](const NoticeInfo& n) { return n.id == notice.id; });
    if (it == m_received.end())
        m_received.append(notice);
    else if (notice.ackedMs > 0 || it->ackedMs == 0)
        *it = notice; // a reminder never makes an acknowledged notice pending again
    sortReceived();
}

void NoticeCenter::storePosted(const NoticeInfo& notice)
{
    const auto it =
        std::find_if(m_posted.begin(), m_posted.end(), [&](const NoticeInfo& n) { return n.id == notice.id; });
    if (it == m_posted.end())
        m_posted.prepend(notice);
    else
        *it = notice;
    std::sort(m_posted.begin(), m_posted.end(), [](const NoticeInfo& a, const NoticeInfo& b) { return a.id > b.id; });
}

void NoticeCenter::sortReceived()
{
    std::stable_sort(m_received.begin(), m_received.end(), [](const NoticeInfo& a, const NoticeInfo& b) {
        if ((a.ackedMs == 0) != (b.ackedMs == 0))
            return a.ackedMs == 0;
        return a.ackedMs == 0 ? a.id < b.id : a.id > b.id;
    });
}

} // namespace lanchat
