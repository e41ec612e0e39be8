#pragma once

#include "ids.h"

#include <QFrame>

class QFormLayout;
class QLabel;
class QPushButton;

namespace lanchat {

class ChatClient;

/**
 * A person's profile card (docs/protocol.md 15, 16, 18), the small popup that opens from a name or an avatar: the
 * large photo (initials when there is none) with the status dot, display name, "@username", the status in words with
 * the status text, the signature, and the department (its full path, "总部 / 研发部"), job title, phone and e-mail
 * (a mailto link) as selectable text. Empty fields are not shown at all. "Send message" on someone else's card,
 * "Edit my profile…" on one's own (only on a server with `profiles`). Follows the contacts, the department tree and
 * the avatar cache while open, so a change of the person's profile or status shows at once. A Qt::Popup: Escape or a
 * click outside closes it; it deletes itself when closed. GUI thread.
 */
class ProfileCard : public QFrame
{
    Q_OBJECT

public:
    /** @p client must outlive the card; @p parent is the window it pops up over. */
    ProfileCard(ChatClient* client, UserId user, QWidget* parent);

    UserId user() const { return m_user; }
    /** Shows the card with its top left corner near @p globalPos, moved so it stays on that screen. */
    void popup(const QPoint& globalPos);

Q_SIGNALS:
    /** "Send message": open the private chat with user() (the card has closed). */
    void messageRequested(lanchat::UserId user);
    /** "Edit my profile…" on the user's own card (the card has closed). */
    void editProfileRequested();

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    void refreshPhoto();
    /** Sets @p label to @p text and shows its form row only when @p text is not empty. */
    void setRow(QLabel* label, const QString& text);

    ChatClient* m_client;
    UserId m_user;
    QLabel* m_photo;
    QLabel* m_name;
    QLabel* m_username;
    QLabel* m_status;
    QLabel* m_signature;
    QFormLayout* m_form;
    QLabel* m_department;
    QLabel* m_title;
    QLabel* m_phone;
    QLabel* m_email;
    QPushButton* m_edit;
    QPushButton* m_message;
};

} // namespace lanchat
