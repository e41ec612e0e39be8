#pragma once

// The world of the search tests (docs/protocol.md 14): a relay on a real SQLite file over loopback, alice (the
// owner of group "Team" with bob and carol) and dave (in no conversation with them), and the requests they send.

#include "messages/searchmessages.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QCborMap>
#include <QList>
#include <QString>

#include <memory>

namespace lanchat::test {

/** Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure. */
constexpr int kSearchWaitMs = 60000;

/** A `search` request for @p query, in @p conversation (0: every conversation). */
QCborMap searchRequest(const QString& query, qint64 conversation = 0);

class SearchFixture
{
protected:
    /** Starts the relay and signs the four users up; false (with a warning) when something failed. */
    bool setUp();
    void tearDown();

    std::unique_ptr<RawClient> client(const QString& username);
    /** The feature flags of the server's welcome. */
    QCborArray features();
    /** @p c's search @p request, decoded; an error reply is logged and gives an empty page with more = true. */
    SearchPage search(RawClient& c, const QCborMap& request);
    QList<qint64> seqs(RawClient& c, const QCborMap& request);
    qint64 send(RawClient& c, const QString& text, qint64 conversation = 0);
    qint64 uploadFile(RawClient& c, const QString& name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice; // the group's owner
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    std::unique_ptr<RawClient> m_dave; // in no conversation with the others
    qint64 m_group = 0;
};

} // namespace lanchat::test
