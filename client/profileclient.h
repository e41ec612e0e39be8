#pragma once

#include "errorcode.h"
#include "messages/profilemessages.h"
#include "userinfo.h"

#include <QByteArray>
#include <QObject>

namespace lanchat {

class ClientConnection;
class ContactsModel;

/**
 * Changes the logged-in user's own profile (docs/protocol.md 15): update() sends `profile_update`, uploadAvatar()
 * sends a picture with `avatar_upload` in 256 KiB pieces (the caller scales and crops it first; the desktop app makes
 * a 256 × 256 PNG). On success the contacts model gets the new User map and profileUpdated() is emitted; on an error
 * failed() with the server's code (invalid_argument, forbidden for a locked name, bad_image, file_too_large …;
 * Timeout when not connected). Owned by ChatClient; lives in its thread.
 */
class ProfileClient : public QObject
{
    Q_OBJECT

public:
    ProfileClient(ClientConnection* connection, ContactsModel* contacts, QObject* parent = nullptr);

    /** Sends @p change (absent fields stay as they are). */
    void update(const ProfileUpdate& change);
    /**
     * Uploads @p picture (PNG or JPEG bytes, at most protocol::kMaxAvatarBytes) and makes it the avatar. A larger
     * picture fails at once with FileTooLarge; nothing is sent.
     */
    void uploadAvatar(const QByteArray& picture);
    /** Removes the avatar (initials are shown again). */
    void clearAvatar();
    /** True while an update or upload waits for its reply. */
    bool busy() const { return m_busy > 0; }

Q_SIGNALS:
    void profileUpdated(const lanchat::UserInfo& user);
    void failed(lanchat::ErrorCode code);

private:
    void finish(const std::optional<UserInfo>& user, const QCborMap& reply);

    ClientConnection* m_connection;
    ContactsModel* m_contacts;
    int m_busy = 0;
    quint64 m_upload = 0; ///< generation of the current upload: replies of an abandoned one are ignored
};

} // namespace lanchat
