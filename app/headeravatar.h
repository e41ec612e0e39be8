#pragma once

#include <QByteArray>
#include <QString>
#include <QWidget>

class QModelIndex;

namespace lanchat {

class AvatarPixmaps;

/**
 * The avatar at the left of the chat header: in a private chat the peer's photo (or initials) with their status dot
 * (none while presence is unknown), in a group the group's initials avatar. kSize logical pixels square. GUI thread.
 */
class HeaderAvatar : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSize = 36;

    /** @p avatars (may be null, not owned) gives the peer's picture; it repaints this when one arrives. */
    explicit HeaderAvatar(AvatarPixmaps* avatars, QWidget* parent = nullptr);

    /** Shows the conversation at @p index of the ConversationsModel (roles of client/modelroles.h). */
    void showConversation(const QModelIndex& index);
    /** The status whose dot is painted; empty: none (a group, or presence unknown). Tests. */
    QString status() const { return m_status; }
    /** The picture shown (SHA-256); empty: initials. Tests. */
    QByteArray picture() const { return m_picture; }

    QSize sizeHint() const override { return {kSize, kSize}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    AvatarPixmaps* m_avatars;
    QByteArray m_picture;
    QString m_initials;
    qint64 m_key = 0;
    QString m_status;
};

} // namespace lanchat
