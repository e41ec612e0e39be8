#pragma once

#include "chatclient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabBar;

namespace lanchat {

class AppSettings;
class ServerChooser;
class ServerFinder;
class StayLoggedInBox;
class TokenVault;

/**
 * Log in and sign up in one dialog. Lists the servers ServerFinder discovers (refreshing) and accepts a
 * typed "host" or "host:port"; remembers the last server and user. "Stay logged in" asks the server for a device
 * token (the TokenVault keeps it in the system keychain, never the password); with one there for this server and
 * user, an empty password field logs in with it. Where the vault found no usable keychain, "Stay logged in" is off
 * and disabled, and a line beneath it says that nothing will be remembered.
 * Connects, always over TLS (the app offers no plaintext: a discovery answer or an old setting cannot turn
 * encryption off), asks the user to trust a new server certificate (CertificateDialog) or blocks on a changed
 * one, then logs in or registers. The sign-up tab follows the server's sign-up mode once the client knows it
 * (ChatClient::registration()): it explains when sign-up is off and asks for the invite code when one is
 * needed. Every failure is shown inline in the dialog via ErrorText, with the focus back in the password
 * field and "Log in"/"Sign up" still the default button, so Enter retries and never quits.
 * Accepted once ChatClient::loggedIn() arrives.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    /**
     * @p finder may be null (no discovery); @p client, @p settings and @p vault must outlive the dialog. The dialog
     * reads the vault's status() and token as they are: the caller waits for TokenVault::loaded() before
     * startTokenLogin().
     */
    LoginDialog(ChatClient* client, AppSettings& settings, TokenVault& vault, ServerFinder* finder,
                QWidget* parent = nullptr);

    /** Parses "host", "host:port" or "[v6]:port"; false when empty or the port is invalid. */
    static bool parseServer(const QString& text, QString* host, quint16* port);

    /** Shows @p text inline, as an error is shown (e.g. why the session ended); empty hides it. */
    void showMessage(const QString& text);
    /** The inline error currently shown (empty when none), for tests. */
    QString errorText() const;
    /**
     * Logs in with the stored device token of the last server and user, without the user's input; the dialog need not
     * be visible. False (nothing started) when there is no token or the user did not choose to stay logged in. On
     * success the dialog is accepted; on failure failed() is emitted, with the reason shown in the dialog.
     */
    bool startTokenLogin();

Q_SIGNALS:
    /** A login attempt ended without success (the reason is shown inline). */
    void failed();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Step
    {
        Idle,
        Connecting,
        Authenticating,
    };

    void buildUi();
    void retranslateUi();
    void onModeChanged();
    void updateSignUpUi();
    void onSubmit();
    void onStateChanged(ChatClient::State state);
    void onConnected();
    void onCertificateMismatch(const QString& host, quint16 port, const QString& pinned, const QString& presented);
    bool confirmFirstUse();
    /** False (with the reason shown) when the server is known not to take this sign-up. */
    bool signUpPossible();
    void authenticate();
    /** Back to Idle with @p text shown and the focus in @p focus (the password field when null). */
    void fail(const QString& text, QLineEdit* focus = nullptr);
    void setBusy(Step step);
    bool isSignUp() const;
    /** True when a login may use the stored device token instead of the password (same server, same user). */
    bool canUseToken() const;
    /** The keychain's token for the server and user now in the fields (empty when none). */
    QByteArray storedToken() const;
    /** How the server lists this computer among the account's remembered devices. */
    static QString deviceName();
    /** The client's sign-up mode if it was learnt from the server now in the server field, else Unknown. */
    ChatClient::Registration knownRegistration() const;

    ChatClient* m_client;
    AppSettings& m_settings;
    TokenVault& m_vault;
    Step m_step = Step::Idle;
    QString m_host;
    quint16 m_port = 0;
    bool m_inviteAsked = false; ///< the server answered bad_invite: show the field even if the mode is unknown
    QTabBar* m_mode = nullptr;
    QLabel* m_serverLabel = nullptr;
    ServerChooser* m_server = nullptr;
    QLabel* m_usernameLabel = nullptr;
    QLineEdit* m_username = nullptr;
    QLabel* m_displayNameLabel = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_inviteLabel = nullptr;
    QLineEdit* m_invite = nullptr;
    QLabel* m_signUpNote = nullptr;
    StayLoggedInBox* m_remember = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace lanchat
