#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lanchat {

/** One record of a CSV file: its fields as raw bytes, and the line it starts on (1-based). */
struct CsvRecord
{
    int line = 0;
    QList<QByteArray> fields;
};

/**
 * An RFC 4180 CSV parser over bytes: fields separated by commas, records by CRLF or LF; a field in double quotes
 * may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order mark at the start is skipped; empty
 * lines are skipped. Fields stay bytes (the caller decodes and checks UTF-8, so it can name the line). Strict: a
 * quote inside an unquoted field, text after a closing quote or an unterminated quote is an error naming the line.
 */
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::CsvReader)

public:
    /** Parses @p data into @p records; false with @p errorLine and @p error (translated) on malformed input. */
    static bool parse(const QByteArray& data, QList<CsvRecord>* records, int* errorLine, QString* error);
};

} // namespace lanchat
