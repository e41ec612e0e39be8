#pragma once

#include <QCborMap>
#include <QObject>

namespace lanchat {

class ClientConnection;
class DirectoryModel;

/**
 * Keeps a DirectoryModel equal to the server's department tree (docs/protocol.md 18): asks `directory` after every
 * login on a server with the `directory` feature, and applies the `directory` push. Without the feature the model
 * stays empty. Lives in the ChatClient's thread.
 */
class DirectoryLoader : public QObject
{
    Q_OBJECT

public:
    /** @p connection and @p model must outlive the loader. */
    DirectoryLoader(ClientConnection* connection, DirectoryModel* model, QObject* parent = nullptr);

    /** True when the server announced the `directory` feature. */
    bool available() const;
    /** Asks for the tree (after a login). */
    void loggedIn();
    /** Applies a `directory` push; false for any other push (nothing done). */
    bool applyPush(const QCborMap& push);

Q_SIGNALS:
    /** The tree changed on the server: people may have moved too, so the user list should be asked again. */
    void changedOnServer();

private:
    ClientConnection* m_connection;
    DirectoryModel* m_model;
};

} // namespace lanchat
