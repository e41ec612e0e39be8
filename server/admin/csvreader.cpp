#include "csvreader.h"

namespace lanchat {

namespace {

class Parser
{
public:
    explicit Parser(const QByteArray& data)
        : m_data(data)
    {
        if (m_data.startsWith("\xEF\xBB\xBF"))
            m_at = 3;
    }

    bool atEnd() const { return m_at >= m_data.size(); }
    int line() const { return m_line; }

    /** One record starting here; false with error() on malformed input. */
    bool record(CsvRecord* out)
    {
        out->line = m_line;
        out->fields.clear();
        for (;;) {
            QByteArray field;
            if (!this->field(&field))
                return false;
            out->fields.append(field);
            if (atEnd())
                return true;
            const char c = m_data.at(m_at++);
            if (c == ',')
                continue;
            if (c == '\r' && m_at < m_data.size() && m_data.at(m_at) == '\n')
                ++m_at;
            ++m_line;
            return true;
        }
    }

    QString error() const { return m_error; }

private:
    bool field(QByteArray* out)
    {
        if (atEnd() || m_data.at(m_at) != '"')
            return unquoted(out);
        const int startLine = m_line;
        ++m_at;
        for (;;) {
            if (atEnd()) {
                m_line = startLine;
                m_error = CsvReader::tr("a quoted field is not closed");
                return false;
            }
            const char c = m_data.at(m_at++);
            if (c == '"') {
                if (!atEnd() && m_data.at(m_at) == '"') {
                    out->append('"');
                    ++m_at;
                    continue;
                }
                break;
            }
            if (c == '\n')
                ++m_line;
            out->append(c);
        }
        if (!atEnd() && !isDelimiter(m_data.at(m_at))) {
            m_error = CsvReader::tr("text after the closing quote of a field");
            return false;
        }
        return true;
    }

    bool unquoted(QByteArray* out)
    {
        while (!atEnd() && !isDelimiter(m_data.at(m_at))) {
            if (m_data.at(m_at) == '"') {
                m_error = CsvReader::tr("a quote inside an unquoted field (quote the whole field and double it)");
                return false;
            }
            out->append(m_data.at(m_at++));
        }
        return true;
    }

    static bool isDelimiter(char c) { return c == ',' || c == '\n' || c == '\r'; }

    const QByteArray& m_data;
    qsizetype m_at = 0;
    int m_line = 1;
    QString m_error;
};

} // namespace

bool CsvReader::parse(const QByteArray& data, QList<CsvRecord>* records, int* errorLine, QString* error)
{
    records->clear();
    Parser parser(data);
    while (!parser.atEnd()) {
        CsvRecord record;
        if (!parser.record(&record)) {
            *errorLine = parser.line();
            *error = parser.error();
            return false;
        }
        const bool blank = record.fields.size() == 1 && record.fields.first().isEmpty();
        if (!blank)
            records->append(record);
    }
    return true;
}

} // namespace lanchat
