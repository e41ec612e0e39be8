#include "historyloader.h"

#include "clientconnection.h"
#include "conversationsmodel.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messagesmodel.h"
#include "sessionmodels.h"

namespace lanchat {

HistoryLoader::HistoryLoader(ClientConnection* connection, SessionModels* models, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_models(models)
{}

HistoryLoader::~HistoryLoader() = default;

void HistoryLoader::loadOlder(ConversationId conversation)
{
    MessagesModel* model = m_models->messages(conversation);
    if (model->isLoadingOlder() || model->atStart())
        return;
    History msg;
    msg.conversation = conversation;
    msg.before = model->oldestSeq();
    msg.limit = kPageSize;
    model->setLoadingOlder(true);
    const quint64 id = m_connection->request(msg.encode(), [this, conversation](const QCborMap& reply) {
        m_models->messages(conversation)->setLoadingOlder(false);
        if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
            const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
            if (code != ErrorCode::Timeout)
                Q_EMIT failed(code);
            return;
        }
        QString error;
        if (const auto page = MessagesPage::decode(reply, &error))
            m_models->applyHistory(conversation, page->messages, page->more);
        else
            qCWarning(lcClient) << "malformed history page:" << error;
    });
    if (id == 0)
        model->setLoadingOlder(false);
}

void HistoryLoader::loadAround(ConversationId conversation, Seq seq)
{
    History msg;
    msg.conversation = conversation;
    msg.around = seq;
    msg.limit = kPageSize;
    requestPage(
        msg,
        [this, conversation, seq](const MessagesPage& page) {
            m_models->messages(conversation)
                ->applyWindow(page.messages, page.moreBefore.value_or(page.more), page.moreAfter.value_or(false));
            Q_EMIT aroundLoaded(conversation, seq);
        },
        [] {});
}

void HistoryLoader::loadNewer(ConversationId conversation)
{
    MessagesModel* model = m_models->messages(conversation);
    if (model->gapAfter() == 0 || model->isLoadingNewer())
        return;
    History msg;
    msg.conversation = conversation;
    msg.after = model->gapAfter();
    msg.limit = kPageSize;
    model->setLoadingNewer(true);
    const bool sent = requestPage(
        msg,
        [this, conversation](const MessagesPage& page) {
            m_models->messages(conversation)->applyNewer(page.messages, page.moreAfter.value_or(page.more));
        },
        [this, conversation] { m_models->messages(conversation)->setLoadingNewer(false); });
    if (!sent)
        model->setLoadingNewer(false);
}

bool HistoryLoader::requestPage(const History& request, std::function<void(const MessagesPage&)> apply,
                                std::function<void()> settled)
{
    const quint64 id = m_connection->request(
        request.encode(), [this, apply = std::move(apply), settled = std::move(settled)](const QCborMap& reply) {
            settled();
            if (reply.value(QLatin1String("t")).toString() != QLatin1String(msgtype::kOk)) {
                const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
                if (code != ErrorCode::Timeout)
                    Q_EMIT failed(code);
                return;
            }
            QString error;
            if (const auto page = MessagesPage::decode(reply, &error))
                apply(*page);
            else
                qCWarning(lcClient) << "malformed history page:" << error;
        });
    return id != 0;
}

void HistoryLoader::loadAfterSync()
{
    const ConversationsModel* conversations = m_models->conversations();
    for (const ConversationId id : conversations->ids()) {
        const auto info = conversations->conversation(id);
        const MessagesModel* model = m_models->existingMessages(id);
        const bool empty = !model || model->storedCount() == 0;
        const bool unreadCovered =
            model && (model->atStart() || (model->storedCount() > 0 && model->oldestSeq() <= info->readSeq));
        if (info->lastSeq > 0 && (empty || (info->readSeq < info->lastSeq && !unreadCovered)))
            loadOlder(id);
    }
}

} // namespace lanchat
