#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;

namespace lanchat {

class TokenVault;

/**
 * The login dialog's "Stay logged in" check box and, beneath it, why it is off when the system keychain cannot be
 * used (TokenVault::Status::Unavailable): then the box is unticked and disabled, since the device token could be
 * kept nowhere else. Follows the vault's status as it changes. GUI thread only.
 */
class StayLoggedInBox : public QWidget
{
    Q_OBJECT

public:
    /** @p vault must outlive the box. */
    explicit StayLoggedInBox(TokenVault& vault, QWidget* parent = nullptr);

    /** Ticked and possible: the login should ask for a device token. */
    bool isChecked() const;
    void setChecked(bool checked);
    /** The note shown beneath the box (empty while the keychain is usable), for tests. */
    QString noteText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateState();

    TokenVault& m_vault;
    QCheckBox* m_check;
    QLabel* m_note;
    bool m_wanted = false; ///< the user's or the settings' choice, kept while the keychain is missing
};

} // namespace lanchat
