#include "privatechatfixture.h"

#include <QDir>
#include <QtDebug>

namespace lanchat {

bool PrivateChatFixture::startPrivateChat(const std::function<void(ServerConfig&)>& configure)
{
    m_env = std::make_unique<TransferTestEnv>();
    if (configure)
        configure(m_env->config());
    if (!m_env->startServer())
        return false;
    m_alice = m_env->connectUser(QStringLiteral("alice"));
    m_bob = m_env->connectUser(QStringLiteral("bob"));
    if (!m_alice || !m_bob) {
        qWarning("PrivateChatFixture: a user could not sign up");
        return false;
    }
    m_chat = m_env->openPrivate(*m_alice, *m_bob);
    if (!m_chat.isValid()) {
        qWarning("PrivateChatFixture: open_private failed");
        return false;
    }
    return true;
}

void PrivateChatFixture::stopPrivateChat()
{
    m_alice.reset();
    m_bob.reset();
    m_env.reset();
}

QString PrivateChatFixture::partsDir() const
{
    return QDir(m_env->dataDir()).filePath(QStringLiteral("files/tmp"));
}

} // namespace lanchat
