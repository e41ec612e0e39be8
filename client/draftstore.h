#pragma once

#include "ids.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

namespace lanchat {

class SessionStore;

/**
 * What the user typed but did not send, one draft per conversation, with the cursor position: switching
 * conversations keeps each one's text, and drafts survive a restart. Persisted through SessionStore under
 * `drafts/<host:port>/<username>` (a burst of changes costs one write, at the next event-loop turn).
 * Lives in, and must be used from, the ChatClient's thread.
 */
class DraftStore : public QObject
{
    Q_OBJECT

public:
    /** A draft longer than this (characters) is cut: no message can be longer (64 KiB of UTF-8). */
    static constexpr int kMaxChars = 64 * 1024;

    struct Draft
    {
        QString text;
        int cursor = 0; ///< position of the text cursor, 0..text.size()
    };

    explicit DraftStore(QObject* parent = nullptr);
    ~DraftStore() override;

    /**
     * Keeps the drafts in @p store (not owned, must outlive this) for @p username at @p endpoint and loads what
     * an earlier run kept there, replacing the drafts held so far. Attaching to the same store, endpoint and
     * user again changes nothing. With @p store nullptr drafts are kept in memory only.
     */
    void attach(SessionStore* store, const QString& endpoint, const QString& username);

    /** The draft of @p conversation; empty text when there is none. */
    Draft draft(ConversationId conversation) const;
    /** Sets the draft of @p conversation; text that is empty or only white space removes it. */
    void setDraft(ConversationId conversation, const QString& text, int cursor);
    /** Conversations that have a draft. */
    QList<ConversationId> conversations() const;

Q_SIGNALS:
    /** The draft text of @p conversation changed (set, edited or removed); not emitted for cursor moves alone. */
    void draftChanged(lanchat::ConversationId conversation);
    /** attach() switched to another store, server or user: every draft may have changed. */
    void attached();

private:
    void load();
    void save();

    SessionStore* m_store = nullptr;
    QString m_endpoint;
    QString m_username;
    QHash<ConversationId, Draft> m_drafts;
    QTimer m_saveTimer;
};

} // namespace lanchat
