#include "messagesearch.h"

#include "chatclient.h"
#include "clientconnection.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/searchmessages.h"
#include "protocol.h"
#include "searchresultsmodel.h"

#include <QTimer>

namespace lanchat {

MessageSearch::MessageSearch(ChatClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_results(new SearchResultsModel(client->contacts(), client->conversations(), this))
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDefaultDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &MessageSearch::restart);
    m_results->setMoreSource([this] { return m_more && !m_loadingMore; }, [this] { loadMore(); });
    connect(client, &ChatClient::stateChanged, this, &MessageSearch::onClientStateChanged);
    m_status = Status::Unavailable;
    onClientStateChanged();
}

MessageSearch::~MessageSearch() = default;

bool MessageSearch::isAvailable() const
{
    return m_available;
}

void MessageSearch::onClientStateChanged()
{
    const bool available = m_client->state() == ChatClient::State::LoggedIn &&
                           m_client->connection()->serverFeatures().contains(QLatin1String(protocol::kFeatureSearch));
    const bool changed = available != m_available;
    m_available = available;
    if (!available) {
        // Hits already shown stay (they are still true); what was asked gets no answer.
        ++m_generation;
        m_debounce->stop();
        m_loadingMore = false;
        setStatus(Status::Unavailable);
    } else if (changed || m_status == Status::Unavailable) {
        restart(); // back online on a server that searches: the query typed meanwhile is asked now
    }
    if (changed)
        Q_EMIT availabilityChanged(available);
}

void MessageSearch::setQuery(const QString& query)
{
    if (query == m_query)
        return;
    m_query = query;
    if (m_query.trimmed().isEmpty() || !m_available) {
        restart();
        return;
    }
    // What is shown and what is in flight answer a query no longer in the field: gone at once, not after the wait.
    ++m_generation;
    m_more = false;
    m_loadingMore = false;
    m_results->clear();
    setStatus(Status::Searching);
    m_debounce->start();
}

void MessageSearch::setConversation(ConversationId conversation)
{
    setFilters(conversation, m_sender, m_sinceMs, m_untilMs, m_filesOnly);
}

void MessageSearch::setSender(UserId sender)
{
    setFilters(m_conversation, sender, m_sinceMs, m_untilMs, m_filesOnly);
}

void MessageSearch::setTimeRange(qint64 sinceMs, qint64 untilMs)
{
    setFilters(m_conversation, m_sender, sinceMs, untilMs, m_filesOnly);
}

void MessageSearch::setFilesOnly(bool filesOnly)
{
    setFilters(m_conversation, m_sender, m_sinceMs, m_untilMs, filesOnly);
}

void MessageSearch::setFilters(ConversationId conversation, UserId sender, qint64 sinceMs, qint64 untilMs,
                               bool filesOnly)
{
    sinceMs = qMax<qint64>(0, sinceMs);
    untilMs = qMax<qint64>(0, untilMs);
    if (conversation == m_conversation && sender == m_sender && sinceMs == m_sinceMs && untilMs == m_untilMs &&
        filesOnly == m_filesOnly) {
        return;
    }
    m_conversation = conversation;
    m_sender = sender;
    m_sinceMs = sinceMs;
    m_untilMs = untilMs;
    m_filesOnly = filesOnly;
    restart();
}

void MessageSearch::searchNow()
{
    if (m_debounce->isActive())
        restart();
}

void MessageSearch::clear()
{
    m_query.clear();
    restart();
}

int MessageSearch::debounceMs() const
{
    return m_debounce->interval();
}

void MessageSearch::setDebounceMs(int ms)
{
    m_debounce->setInterval(qMax(0, ms));
}

void MessageSearch::restart()
{
    m_debounce->stop();
    ++m_generation;
    m_more = false;
    m_loadingMore = false;
    m_error = ErrorCode::Unknown;
    m_results->clear();
    if (!m_available) {
        setStatus(Status::Unavailable);
        return;
    }
    const bool emptyRange = m_sinceMs > 0 && m_untilMs > 0 && m_untilMs <= m_sinceMs;
    if (m_query.trimmed().isEmpty()) {
        setStatus(Status::Idle);
    } else if (emptyRange) {
        // The server would refuse it (invalid_argument): nothing can be in an empty range.
        setStatus(Status::Ready);
        Q_EMIT pageLoaded();
    } else {
        request(false);
    }
}

void MessageSearch::loadMore()
{
    if (!m_more || m_loadingMore || !m_available || m_status == Status::Searching)
        return;
    request(true);
}

void MessageSearch::request(bool nextPage)
{
    SearchMessages msg;
    msg.query = m_query.trimmed().left(protocol::kSearchQueryChars);
    msg.conversation = m_conversation;
    msg.sender = m_sender;
    msg.sinceMs = m_sinceMs;
    msg.untilMs = m_untilMs;
    msg.filesOnly = m_filesOnly;
    msg.before = nextPage ? m_results->lastSeq() : 0;
    msg.limit = protocol::kDefaultSearchLimit;
    const quint64 generation = m_generation;
    m_loadingMore = nextPage;
    if (!nextPage)
        setStatus(Status::Searching);
    const quint64 id = m_client->connection()->request(msg.encode(), [this, generation](const QCborMap& reply) {
        if (generation != m_generation)
            return; // the query or a filter changed meanwhile: this answer is not what the field shows
        m_loadingMore = false;
        if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
            m_error = errorCodeFromName(reply.value(QLatin1String("code")).toString());
            m_more = false;
            setStatus(Status::Failed);
            Q_EMIT failed(m_error);
            return;
        }
        QString error;
        const auto page = SearchPage::decode(reply, &error);
        if (!page) {
            qCWarning(lcClient) << "malformed search page:" << error;
            m_error = ErrorCode::Malformed;
            m_more = false;
            setStatus(Status::Failed);
            Q_EMIT failed(m_error);
            return;
        }
        m_more = page->more && !page->hits.isEmpty();
        m_results->append(page->hits);
        setStatus(Status::Ready);
        Q_EMIT pageLoaded();
    });
    if (id == 0) {
        m_loadingMore = false;
        m_error = ErrorCode::Timeout;
        setStatus(Status::Failed);
        Q_EMIT failed(m_error);
    }
}

void MessageSearch::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

} // namespace lanchat
