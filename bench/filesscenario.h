#pragma once

#include "benchharness.h"

namespace lanchat::bench {

/**
 * Scenario 5: upload and download of one large random file through the server (file_offer,
 * file_chunk with a window, file_read with a window, fsync of the downloaded copy), and in the same run the
 * baseline: a plain TCP copy of the same bytes over loopback into a file on the same disk, fsynced at the end.
 */
class FilesScenario
{
public:
    FilesScenario(BenchHarness& harness, qint64 bytes);
    /** Rows: plain copy, upload, download (MB/s; notes give the ratio to the plain copy). */
    QList<RunResult> run();

private:
    bool makeSource(QString* error);
    RunResult upload(BenchConnection* connection, qint64 conversation);
    RunResult download(BenchConnection* connection, qint64 conversation);
    RunResult plainCopy();

    BenchHarness& m_harness;
    qint64 m_bytes;
    QString m_source;
    QByteArray m_sha256;
};

} // namespace lanchat::bench
