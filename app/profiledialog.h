#pragma once

#include "errorcode.h"
#include "userinfo.h"

#include <QByteArray>
#include <QDialog>
#include <QImage>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lanchat {

class ChatClient;

/**
 * "Edit my profile": the user's photo (pick a file or paste from the clipboard; cropped to the centre square and
 * scaled to 256 × 256, shown round as everywhere else), display name (read-only with a lock note when an
 * administrator locked it), phone, e-mail and a one-line signature, each limited to the server's length
 * (docs/protocol.md 15). Save uploads the picture first, then the fields, through ChatClient::profiles(), and closes
 * once the server accepted both; a refusal is shown in the dialog in the user's language and nothing closes.
 */
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(ChatClient* client, QWidget* parent = nullptr);

    /** Takes @p image as the new photo (cropped and scaled); false when it is null. Used by pick and paste. */
    bool setPicture(const QImage& image);
    /** The PNG bytes that Save would upload; empty when the photo was not changed. */
    QByteArray pendingPicture() const { return m_picture; }
    /** The centre square of @p image scaled to @p side × @p side pixels (the avatar the server gets). */
    static QImage squareCrop(const QImage& image, int side = 256);

private:
    void choosePicture();
    void pastePicture();
    void save();
    void saveFields();
    void showError(ErrorCode code);
    void updatePreview();
    void retranslateUi();
    void changeEvent(QEvent* event) override;

    ChatClient* m_client;
    UserInfo m_user;
    QByteArray m_picture;
    QImage m_preview;
    QLabel* m_photo;
    QPushButton* m_choose;
    QPushButton* m_paste;
    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QLabel* m_lockNote;
    QLabel* m_directoryNote; ///< shown when the company directory keeps some fields (read-only here)
    QLabel* m_phoneLabel;
    QLineEdit* m_phone;
    QLabel* m_emailLabel;
    QLineEdit* m_email;
    QLabel* m_signatureLabel;
    QLineEdit* m_signature;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    bool m_saving = false;
};

} // namespace lanchat
