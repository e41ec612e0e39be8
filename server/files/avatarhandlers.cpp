#include "avatarhandlers.h"

#include "avatarblobs.h"
#include "avatarimage.h"
#include "filestore.h"
#include "logging.h"
#include "messages/profilemessages.h"
#include "profilehandlers.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sha256.h"
#include "storage/storage.h"

#include <QFile>

namespace lanchat {

AvatarHandlers::AvatarHandlers(const QString& dataDir, Storage& storage, ProfileHandlers& profiles, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_storage(storage)
    , m_profiles(profiles)
{}

void AvatarHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(AvatarUpload::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { upload(s, r, id); });
    router.add(QLatin1String(AvatarRead::kType), [this](Session& s, const QCborMap& r, quint64 id) { read(s, r, id); });
}

void AvatarHandlers::upload(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<AvatarUpload>(session, request, id);
    if (!req)
        return;
    if (req->size > protocol::kMaxAvatarBytes) {
        m_pending.remove(&session);
        session.replyError(id, ErrorCode::FileTooLarge,
                           QStringLiteral("an avatar is at most %1 bytes").arg(protocol::kMaxAvatarBytes));
        return;
    }
    if (req->size <= 0 || req->data.isEmpty() || req->offset + req->data.size() > req->size) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("data empty or beyond size"));
        return;
    }
    if (req->offset == 0) {
        if (!m_pending.contains(&session) && m_pending.size() >= kMaxUploads) {
            session.replyError(id, ErrorCode::RateLimited, QStringLiteral("too many avatar uploads at once"));
            return;
        }
        if (!m_pending.contains(&session))
            connect(&session, &QObject::destroyed, this, [this, key = &session] { m_pending.remove(key); });
        m_pending.insert(&session, Pending{req->sha256, req->size, QByteArray()});
    }
    const auto it = m_pending.find(&session);
    if (it == m_pending.end() || it->sha256 != req->sha256 || it->size != req->size || it->data.size() != req->offset) {
        session.replyError(id, ErrorCode::OffsetMismatch, QStringLiteral("start again at offset 0"));
        return;
    }
    it->data.append(req->data);
    if (it->data.size() < it->size) {
        session.reply(id, AvatarUploaded{it->data.size(), false, std::nullopt}.encode());
        return;
    }
    const Pending done = *it;
    m_pending.erase(it);
    finishUpload(session, done, id);
}

void AvatarHandlers::finishUpload(Session& session, const Pending& pending, quint64 id)
{
    if (Sha256::hash(pending.data) != pending.sha256) {
        session.replyError(id, ErrorCode::HashMismatch, QStringLiteral("the bytes do not match sha256"));
        return;
    }
    if (const std::optional<QString> problem = AvatarImage::check(pending.data)) {
        qCInfo(lcServer) << "avatar of" << session.user().value() << "refused:" << *problem;
        session.replyError(id, ErrorCode::BadImage, *problem);
        return;
    }
    if (!AvatarBlobs::write(m_dataDir, m_storage, pending.sha256, pending.data)) {
        session.replyError(id, ErrorCode::StorageFull, QStringLiteral("cannot write the avatar"));
        return;
    }
    const qint64 size = pending.size;
    m_profiles.setAvatar(session, id, pending.sha256, [size](const UserInfo& info) {
        return AvatarUploaded{size, true, info}.encode();
    });
}

void AvatarHandlers::read(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<AvatarRead>(session, request, id);
    if (!req)
        return;
    if (req->length <= 0) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("length must be 1..262144"));
        return;
    }
    if (!m_storage.isAvatar(req->sha256)) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("not an avatar"));
        return;
    }
    QFile file(FileStore(m_dataDir).blobPath(req->sha256));
    if (!file.open(QIODevice::ReadOnly)) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("the avatar's content is gone"));
        return;
    }
    if (req->offset > file.size()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("offset beyond size"));
        return;
    }
    file.seek(req->offset);
    session.reply(id, AvatarData{req->offset, file.size(), file.read(req->length)}.encode());
}

} // namespace lanchat
