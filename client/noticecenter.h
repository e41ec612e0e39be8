#pragma once

#include "errorcode.h"
#include "ids.h"
#include "noticeinfo.h"

#include <QList>
#include <QObject>

#include <optional>

class QCborMap;

namespace lanchat {

class ChatClient;

/**
 * The user's announcements (docs/protocol.md 19): the notices they received (pending() ones first) and those they
 * posted, kept up to date from the `notice` and `notice_progress` pushes and fetched again (`notice_list`) at each
 * login, so pending ones survive a restart and notices posted while offline arrive. Also posts, acknowledges,
 * reminds and fetches an author's status. Only offered when the server announces `notices` (isAvailable()).
 * Lives in, and must be used from, the ChatClient's thread.
 */
class NoticeCenter : public QObject
{
    Q_OBJECT

public:
    /** @p client must outlive the center. */
    explicit NoticeCenter(ChatClient* client, QObject* parent = nullptr);

    /** True when logged in to a server that announced `notices`. */
    bool isAvailable() const { return m_available; }
    /** Received notices not acknowledged yet, oldest first (a banner shows them until acknowledged). */
    QList<NoticeInfo> pending() const;
    /** Every received notice: pending first, then the acknowledged ones, newest first. */
    QList<NoticeInfo> received() const { return m_received; }
    /** The notices this user posted, newest first, with their counts (author's view). */
    QList<NoticeInfo> posted() const { return m_posted; }
    std::optional<NoticeInfo> postedNotice(qint64 id) const;
    /** True if this user may post to @p group (its owner or an admin) as far as the client knows. */
    bool mayPost(ConversationId group) const;

    /** `notice_post`; result: noticePosted() or postFailed(). */
    void post(ConversationId group, const QString& text, bool mustAck);
    /** `notice_ack` (also for a notice without must_ack once it was shown); the notice leaves pending() at once. */
    void acknowledge(qint64 id);
    /** `notice_status`; result: statusReceived() or requestFailed(). */
    void requestStatus(qint64 id);
    /** `notice_remind`; result: reminded() or requestFailed() (rate_limited within 10 minutes). */
    void remind(qint64 id);
    /** `notice_list` again (done at each login). */
    void refresh();

signals:
    /** received(), pending() or posted() changed. */
    void changed();
    void availabilityChanged(bool available);
    void noticePosted(const lanchat::NoticeInfo& notice);
    void postFailed(lanchat::ErrorCode error);
    void statusReceived(const lanchat::NoticeInfo& notice, const QList<lanchat::NoticeReceipt>& receipts);
    /** @p user acknowledged the posted notice @p id at @p ackedMs (its counts in posted() are updated already). */
    void progressed(qint64 id, lanchat::UserId user, qint64 ackedMs);
    /** The reminder of notice @p id went to @p count recipients. */
    void reminded(qint64 id, int count);
    void requestFailed(qint64 id, lanchat::ErrorCode error);
    /** A new notice or a reminder arrived for this user (for a desktop notification). */
    void noticeArrived(const lanchat::NoticeInfo& notice, bool reminder);

private:
    void onClientStateChanged();
    void onPush(const QCborMap& push);
    void storeReceived(const NoticeInfo& notice);
    void storePosted(const NoticeInfo& notice);
    void sortReceived();

    ChatClient* m_client;
    bool m_available = false;
    QList<NoticeInfo> m_received;
    QList<NoticeInfo> m_posted;
};

} // namespace lanchat
