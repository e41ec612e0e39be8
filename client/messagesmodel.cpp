#include "messagesmodel.h"

#include "contactsmodel.h"
#include "filetransfertracker.h"
#include "languagechangewatcher.h"
#include "recalltext.h"
#include "replyquotetext.h"
#include "systemeventtext.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace lanchat {

MessagesModel::MessagesModel(ConversationId conversation, const ContactsModel* contacts, QObject* parent)
    : QAbstractListModel(parent)
    , m_conversation(conversation)
    , m_contacts(contacts)
{
    // System lines and "[File]" are worded on every data() call: have the view lay them out again.
    connect(new LanguageChangeWatcher(this), &LanguageChangeWatcher::languageChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::DisplayRole, roles::MessageText});
    });
    // A sender's new name or picture shows on the rows already loaded.
    if (contacts)
        connect(contacts, &ContactsModel::userChanged, this, &MessagesModel::onSenderChanged);
}

MessagesModel::~MessagesModel() = default;

int MessagesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessagesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const MessageRecord& m = row.message;
    const bool hasFile = m.file.has_value();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(m, m_contacts, m_ownUser);
    case roles::MessageSeq:
        return m.seq;
    case roles::MessageSenderId:
        return m.sender.value();
    case roles::MessageSenderName:
        if (m.kind == MessageKind::System)
            return tr("System");
        return m_contacts ? m_contacts->displayName(m.sender) : QString();
    case roles::MessageSenderAvatar: {
        const std::optional<UserInfo> sender =
            m_contacts && m.kind != MessageKind::System ? m_contacts->user(m.sender) : std::nullopt;
        return sender ? sender->avatar : QByteArray();
    }
    case roles::MessageTimestamp:
        return QDateTime::fromMSecsSinceEpoch(m.timestampMs);
    case roles::MessageText:
        return m.kind == MessageKind::System || m.recalledBy ? displayText(m, m_contacts, m_ownUser) : m.text;
    case roles::MessageKind:
        return int(m.kind);
    case roles::MessageIsOwn:
        return m_ownUser.isValid() && m.sender == m_ownUser;
    case roles::MessageDeliveryState:
        return int(row.state);
    case roles::MessageClientId:
        return m.clientMsgId;
    case roles::MessageFileName:
        return hasFile ? m.file->name : QString();
    case roles::MessageFileSize:
        return hasFile ? m.file->size : qint64(0);
    case roles::MessageFileSha256:
        return hasFile ? m.file->sha256 : QByteArray();
    case roles::MessageFileExpired:
        return hasFile && m.file->expired;
    case roles::MessageReadCount:
        return m_receipts.readCount(m.seq, m.sender);
    case roles::MessageReadTotal:
        return m_receipts.othersCount(m.sender);
    case roles::MessageReaderNames:
        return namesOf(m_receipts.readers(m.seq, m.sender));
    case roles::MessageNonReaderNames:
        return namesOf(m_receipts.nonReaders(m.seq, m.sender));
    case roles::MessageDeliveryError:
        return int(row.error);
    case roles::MessageFileTransferState:
    case roles::MessageFileTransferProgress:
    case roles::MessageFileTransferError:
    case roles::MessageFileTransferKey:
        if (!hasFile || !m_fileTransfers)
            return {};
        return m_fileTransfers->data(m, m_ownUser.isValid() && m.sender == m_ownUser, index.row() >= m_stored, role);
    case roles::MessageIsAnnouncement:
        return m_announcementChannel && m.kind == MessageKind::System;
    case roles::MessageRecalled:
        return m.recalledBy.has_value();
    case roles::MessageRecalledBy:
        return m.recalledBy ? m.recalledBy->value() : qint64(-1);
    case roles::MessageEditedTime:
        return m.editedMs > 0 ? QDateTime::fromMSecsSinceEpoch(m.editedMs) : QDateTime();
    case roles::MessageReEditText:
        return row.reEditText;
    case roles::MessageMentionsMe:
        return m.sender != m_ownUser && m.mentions.includes(m_ownUser);
    case roles::MessageMentionIds: {
        QList<qint64> ids;
        for (UserId user : m.mentions.users)
            ids.append(user.value());
        return QVariant::fromValue(ids);
    }
    case roles::MessageMentionAll:
        return m.mentions.all;
    case roles::MessageMentionNames: {
        QStringList names;
        for (UserId user : m.mentions.users)
            names.append(m_contacts ? m_contacts->displayName(user) : QString());
        return names;
    }
    case roles::MessageMentionOwnName:
        return m_contacts && m.mentions.users.contains(m_ownUser) ? m_contacts->displayName(m_ownUser) : QString();
    case roles::MessageReplySeq:
    case roles::MessageReplyState:
    case roles::MessageReplySenderId:
    case roles::MessageReplySenderName:
    case roles::MessageReplyText:
        return replyData(m, role);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(roles::MessageSeq, "seq");
    names.insert(roles::MessageSenderId, "senderId");
    names.insert(roles::MessageSenderName, "senderName");
    names.insert(roles::MessageTimestamp, "timestamp");
    names.insert(roles::MessageText, "text");
    names.insert(roles::MessageKind, "kind");
    names.insert(roles::MessageIsOwn, "isOwn");
    names.insert(roles::MessageDeliveryState, "deliveryState");
    names.insert(roles::MessageClientId, "clientId");
    names.insert(roles::MessageFileName, "fileName");
    names.insert(roles::MessageFileSize, "fileSize");
    names.insert(roles::MessageFileSha256, "fileSha256");
    names.insert(roles::MessageFileExpired, "fileExpired");
    names.insert(roles::MessageReadCount, "readCount");
    names.insert(roles::MessageReadTotal, "readTotal");
    names.insert(roles::MessageReaderNames, "readerNames");
    names.insert(roles::MessageNonReaderNames, "nonReaderNames");
    names.insert(roles::MessageDeliveryError, "deliveryError");
    names.insert(roles::MessageIsAnnouncement, "isAnnouncement");
    names.insert(roles::MessageFileTransferState, "fileTransferState");
    names.insert(roles::MessageFileTransferProgress, "fileTransferProgress");
    names.insert(roles::MessageFileTransferError, "fileTransferError");
    names.insert(roles::MessageFileTransferKey, "fileTransferKey");
    names.insert(roles::MessageRecalled, "recalled");
    names.insert(roles::MessageRecalledBy, "recalledBy");
    names.insert(roles::MessageEditedTime, "editedTime");
    names.insert(roles::MessageReEditText, "reEditText");
    names.insert(roles::MessageMentionsMe, "mentionsMe");
    names.insert(roles::MessageMentionIds, "mentionIds");
    names.insert(roles::MessageMentionAll, "mentionAll");
    names.insert(roles::MessageMentionNames, "mentionNames");
    names.insert(roles::MessageMentionOwnName, "mentionOwnName");
    names.insert(roles::MessageReplySeq, "replySeq");
    names.insert(roles::MessageReplyState, "replyState");
    names.insert(roles::MessageReplySenderId, "replySenderId");
    names.insert(roles::MessageReplySenderName, "replySenderName");
    names.insert(roles::MessageReplyText, "replyText");
    names.insert(roles::MessageSenderAvatar, "senderAvatar");
    return names;
}

void MessagesModel::setOwnUser(UserId user)
{
    m_ownUser = user;
}

MessagesModel::AddResult MessagesModel::addMessage(const MessageRecord& message)
{
    const int at = lowerBound(message.seq);
    if (at < m_stored && m_rows.at(at).message.seq == message.seq)
        return AddResult::Duplicate;
    const int pending = message.clientMsgId.isNull() ? -1 : pendingRow(message.clientMsgId);
    if (pending >= 0) {
        // Our own message came back (sync or the push to another device) before or instead of its ack.
        m_rows[pending].message = message;
        m_rows[pending].state = DeliveryState::Sent;
        m_rows[pending].error = ErrorCode::Unknown;
        if (pending != at)
            beginMoveRows({}, pending, pending, {}, at);
        m_rows.move(pending, at);
        ++m_stored;
        if (pending != at)
            endMoveRows();
        changed(at);
        return AddResult::Confirmed;
    }
    beginInsertRows({}, at, at);
    m_rows.insert(at, Row{message, DeliveryState::Sent, ErrorCode::Unknown, {}});
    ++m_stored;
    endInsertRows();
    return AddResult::Added;
}

const MessageRecord* MessagesModel::applyAction(const MessageRecord& action)
{
    const int row = rowOfSeq(action.target);
    if (row < 0)
        return nullptr;
    MessageRecord& m = m_rows[row].message;
    if (m.recalledBy)
        return nullptr; // a recall is final: a later edit record (or the same recall again) changes nothing
    if (action.kind == MessageKind::Recall) {
        if (m_ownUser.isValid() && action.sender == m_ownUser && m.sender == m_ownUser && m.kind == MessageKind::Text)
            m_rows[row].reEditText = m.text;
        m.recalledBy = action.sender;
        m.text.clear();
        m.file.reset();
    } else if (action.kind == MessageKind::Edit && action.timestampMs >= m.editedMs) {
        m.text = action.text;
        m.editedMs = action.timestampMs;
    } else {
        return nullptr;
    }
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i,
                       {Qt::DisplayRole, roles::MessageText, roles::MessageRecalled, roles::MessageRecalledBy,
                        roles::MessageEditedTime, roles::MessageReEditText, roles::MessageFileName});
    return &m_rows.at(row).message;
}

int MessagesModel::prependOlder(QList<MessageRecord> page)
{
    std::sort(page.begin(), page.end(), [](const MessageRecord& a, const MessageRecord& b) { return a.seq < b.seq; });
    const Seq oldest = m_stored > 0 ? m_rows.at(0).message.seq : std::numeric_limits<Seq>::max();
    QList<Row> older;
    QList<MessageRecord> rest;
    for (const MessageRecord& m : std::as_const(page)) {
        const bool matchesPending = !m.clientMsgId.isNull() && pendingRow(m.clientMsgId) >= 0;
        const bool duplicateOlder = !older.isEmpty() && older.constLast().message.seq == m.seq;
        if (duplicateOlder)
            continue;
        if (m.seq < oldest && !matchesPending)
            older.append(Row{m, DeliveryState::Sent, ErrorCode::Unknown, {}});
        else
            rest.append(m);
    }
    int added = 0;
    if (!older.isEmpty()) {
        beginInsertRows({}, 0, int(older.size()) - 1);
        m_rows = older + m_rows;
        m_stored += int(older.size());
        endInsertRows();
        added = int(older.size());
    }
    for (const MessageRecord& m : std::as_const(rest)) {
        if (addMessage(m) == AddResult::Added)
            ++added;
    }
    return added;
}

void MessagesModel::appendPending(const QUuid& clientMsgId, const QString& text, qint64 localTimeMs,
                                  const std::optional<ReplyQuote>& quote)
{
    Row row;
    row.message.conversation = m_conversation;
    row.message.sender = m_ownUser;
    row.message.timestampMs = localTimeMs;
    row.message.clientMsgId = clientMsgId;
    row.message.kind = MessageKind::Text;
    row.message.text = text;
    row.message.reply = quote;
    row.state = DeliveryState::Pending;
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
}

ReplyQuote MessagesModel::quoteOf(Seq seq) const
{
    const int row = rowOfSeq(seq);
    return row >= 0 ? ReplyQuoteText::quoteOf(m_rows.at(row).message) : ReplyQuote::seqOnly(seq);
}

void MessagesModel::applyWindow(QList<MessageRecord> page, bool moreBefore, bool moreAfter)
{
    if (m_gapAfter > 0) {
        // At most one gap: the run below it (an earlier jump) goes.
        const int below = lowerBound(m_gapAfter + 1);
        beginRemoveRows({}, 0, below - 1);
        m_rows.remove(0, below);
        m_stored -= below;
        endRemoveRows();
        setGapAfter(0);
    }
    std::sort(page.begin(), page.end(), [](const MessageRecord& a, const MessageRecord& b) { return a.seq < b.seq; });
    const Seq held = oldestSeq();
    const bool joins = !moreAfter || page.isEmpty() || (held > 0 && page.constLast().seq >= held);
    prependOlder(page);
    setAtStart(!moreBefore);
    if (!joins)
        setGapAfter(page.constLast().seq);
}

void MessagesModel::applyNewer(QList<MessageRecord> page, bool moreAfter)
{
    const int above = m_gapAfter > 0 ? lowerBound(m_gapAfter + 1) : m_stored;
    const Seq nextRun = above < m_stored ? m_rows.at(above).message.seq : 0;
    Seq newest = 0;
    for (const MessageRecord& m : std::as_const(page)) {
        addMessage(m);
        newest = std::max(newest, m.seq);
    }
    if (m_gapAfter == 0)
        return;
    const bool joined = !moreAfter || newest == 0 || (nextRun > 0 && newest >= nextRun);
    setGapAfter(joined ? 0 : newest);
}

void MessagesModel::setGapAfter(Seq seq)
{
    if (m_gapAfter == seq)
        return;
    m_gapAfter = seq;
    Q_EMIT gapChanged(seq);
}

QVariant MessagesModel::replyData(const MessageRecord& message, int role) const
{
    return ReplyQuoteText::data(message, role, m_contacts);
}

void MessagesModel::appendPendingFile(const QUuid& clientMsgId, const FileRef& file, qint64 localTimeMs)
{
    if (rowOfClientId(clientMsgId) >= 0)
        return;
    Row row;
    row.message.conversation = m_conversation;
    row.message.sender = m_ownUser;
    row.message.timestampMs = localTimeMs;
    row.message.clientMsgId = clientMsgId;
    row.message.kind = MessageKind::File;
    row.message.file = file;
    row.state = DeliveryState::Pending;
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
}

void MessagesModel::removePending(const QUuid& clientMsgId)
{
    const int row = pendingRow(clientMsgId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessagesModel::refreshFileStates()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                       {roles::MessageFileTransferState, roles::MessageFileTransferProgress,
                        roles::MessageFileTransferError, roles::MessageFileTransferKey});
}

void MessagesModel::markSent(const QUuid& clientMsgId, Seq seq, qint64 timestampMs)
{
    const int row = pendingRow(clientMsgId);
    if (row < 0)
        return; // already confirmed by sync or push
    MessageRecord m = m_rows.at(row).message;
    m.seq = seq;
    m.timestampMs = timestampMs;
    addMessage(m);
}

void MessagesModel::markFailed(const QUuid& clientMsgId, ErrorCode code)
{
    const int row = pendingRow(clientMsgId);
    if (row < 0)
        return;
    m_rows[row].state = DeliveryState::Failed;
    m_rows[row].error = code;
    changed(row);
}

void MessagesModel::markWaiting(const QUuid& clientMsgId, ErrorCode code)
{
    const int row = pendingRow(clientMsgId);
    if (row < 0)
        return;
    m_rows[row].state = DeliveryState::Waiting;
    m_rows[row].error = code;
    changed(row);
}

void MessagesModel::markPending(const QUuid& clientMsgId)
{
    const int row = pendingRow(clientMsgId);
    if (row < 0)
        return;
    m_rows[row].state = DeliveryState::Pending;
    m_rows[row].error = ErrorCode::Unknown;
    changed(row);
}

void MessagesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_stored = 0;
    m_receipts.clear();
    endResetModel();
    setAtStart(false);
    setGapAfter(0);
}

void MessagesModel::setReadPosition(UserId user, Seq seq)
{
    if (m_receipts.setPosition(user, seq))
        receiptsChanged();
}

void MessagesModel::setMembers(const QList<UserId>& members)
{
    if (m_receipts.setMembers(members))
        receiptsChanged();
}

void MessagesModel::receiptsChanged()
{
    if (m_stored > 0)
        Q_EMIT dataChanged(index(0), index(m_stored - 1),
                           {roles::MessageReadCount, roles::MessageReadTotal, roles::MessageReaderNames,
                            roles::MessageNonReaderNames});
}

void MessagesModel::setAnnouncementChannel(bool announcements)
{
    if (m_announcementChannel == announcements)
        return;
    m_announcementChannel = announcements;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {roles::MessageIsAnnouncement});
}

int MessagesModel::countFromOthersAfter(Seq readSeq) const
{
    int n = 0;
    for (int i = m_stored - 1; i >= 0 && m_rows.at(i).message.seq > readSeq; --i) {
        const MessageRecord& m = m_rows.at(i).message;
        // A recalled message is no news: only a line says it was there.
        if (m.sender != m_ownUser && !m.recalledBy && (m.kind != MessageKind::System || m_announcementChannel))
            ++n;
    }
    return n;
}

bool MessagesModel::mentionsOwnUserAfter(Seq readSeq) const
{
    for (int i = m_stored - 1; i >= 0 && m_rows.at(i).message.seq > readSeq; --i) {
        const MessageRecord& m = m_rows.at(i).message;
        if (m.sender != m_ownUser && !m.recalledBy && m.mentions.includes(m_ownUser))
            return true;
    }
    return false;
}

Seq MessagesModel::newestSeq() const
{
    return m_stored > 0 ? m_rows.at(m_stored - 1).message.seq : 0;
}

Seq MessagesModel::oldestSeq() const
{
    return m_stored > 0 ? m_rows.at(0).message.seq : 0;
}

const MessageRecord* MessagesModel::newestMessage() const
{
    return m_stored > 0 ? &m_rows.at(m_stored - 1).message : nullptr;
}

int MessagesModel::rowOfSeq(Seq seq) const
{
    const int at = lowerBound(seq);
    return at < m_stored && m_rows.at(at).message.seq == seq ? at : -1;
}

int MessagesModel::rowOfClientId(const QUuid& clientMsgId) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).message.clientMsgId == clientMsgId)
            return i;
    }
    return -1;
}

void MessagesModel::setAtStart(bool atStart)
{
    if (m_atStart == atStart)
        return;
    m_atStart = atStart;
    Q_EMIT atStartChanged(atStart);
}

QString MessagesModel::displayText(const MessageRecord& message, const ContactsModel* contacts, UserId ownUser)
{
    if (message.recalledBy)
        return RecallText::line(*message.recalledBy, ownUser, contacts);
    if (message.kind == MessageKind::File)
        return tr("[File] %1").arg(message.file ? message.file->name : QString());
    if (message.kind == MessageKind::System && message.event)
        return SystemEventText::format(*message.event, contacts);
    return message.text;
}

int MessagesModel::lowerBound(Seq seq) const
{
    const auto begin = m_rows.cbegin();
    const auto it = std::lower_bound(begin, begin + m_stored, seq,
                                     [](const Row& row, Seq value) { return row.message.seq < value; });
    return int(it - begin);
}

int MessagesModel::pendingRow(const QUuid& clientMsgId) const
{
    for (int i = m_stored; i < m_rows.size(); ++i) {
        if (m_rows.at(i).message.clientMsgId == clientMsgId)
            return i;
    }
    return -1;
}

QStringList MessagesModel::namesOf(const QList<UserId>& users) const
{
    QStringList names;
    for (const UserId user : users)
        names.append(m_contacts ? m_contacts->displayName(user) : QString::number(user.value()));
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return QString::localeAwareCompare(a, b) < 0; });
    return names;
}

void MessagesModel::changed(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void MessagesModel::onSenderChanged(UserId user)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).message.sender == user) {
            const QModelIndex idx = index(i);
            Q_EMIT dataChanged(idx, idx, {roles::MessageSenderName, roles::MessageSenderAvatar});
        }
    }
}

} // namespace lanchat
