#include "profileclient.h"

#include "clientconnection.h"
#include "contactsmodel.h"
#include "protocol.h"
#include "sha256.h"

#include <memory>

namespace lanchat {

namespace {

bool isOk(const QCborMap& reply)
{
    return reply.value(QLatin1String("t")).toString() == QLatin1String("ok");
}

} // namespace

ProfileClient::ProfileClient(ClientConnection* connection, ContactsModel* contacts, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_contacts(contacts)
{}

void ProfileClient::update(const ProfileUpdate& change)
{
    ++m_busy;
    const quint64 id = m_connection->request(change.encode(), [this](const QCborMap& reply) {
        --m_busy;
        const auto updated = isOk(reply) ? ProfileUpdated::decode(reply, nullptr) : std::nullopt;
        finish(updated ? std::optional(updated->user) : std::nullopt, reply);
    });
    if (id == 0) {
        --m_busy;
        Q_EMIT failed(ErrorCode::Timeout);
    }
}

void ProfileClient::clearAvatar()
{
    ProfileUpdate change;
    change.avatar = QByteArray();
    update(change);
}

void ProfileClient::uploadAvatar(const QByteArray& picture)
{
    if (picture.isEmpty() || picture.size() > protocol::kMaxAvatarBytes) {
        Q_EMIT failed(picture.isEmpty() ? ErrorCode::InvalidArgument : ErrorCode::FileTooLarge);
        return;
    }
    const quint64 generation = ++m_upload;
    // Every piece is sent at once (at most 20); the first error ends the upload, the last piece's reply completes it.
    auto reported = std::make_shared<bool>(false);
    AvatarUpload piece;
    piece.sha256 = Sha256::hash(picture);
    piece.size = picture.size();
    ++m_busy;
    for (qint64 offset = 0; offset < picture.size(); offset += protocol::kChunkBytes) {
        piece.offset = offset;
        piece.data = picture.mid(offset, protocol::kChunkBytes);
        const bool last = offset + piece.data.size() >= picture.size();
        const quint64 id =
            m_connection->request(piece.encode(), [this, generation, reported, last](const QCborMap& reply) {
                if (*reported || generation != m_upload)
                    return;
                if (!isOk(reply) || last) {
                    *reported = true;
                    --m_busy;
                    const auto done = isOk(reply) ? AvatarUploaded::decode(reply, nullptr) : std::nullopt;
                    finish(done && done->complete ? done->user : std::nullopt, reply);
                }
            });
        if (id == 0) {
            *reported = true;
            --m_busy;
            Q_EMIT failed(ErrorCode::Timeout);
            return;
        }
    }
}

void ProfileClient::finish(const std::optional<UserInfo>& user, const QCborMap& reply)
{
    if (!user) {
        const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
        Q_EMIT failed(isOk(reply) ? ErrorCode::Internal : code);
        return;
    }
    m_contacts->upsert(*user);
    Q_EMIT profileUpdated(*user);
}

} // namespace lanchat
