#include "userimport.h"

#include "csvreader.h"
#include "departmentpath.h"
#include "passwordhasher.h"
#include "protocol.h"
#include "storage.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace lanchat {

namespace {

const QStringList& knownColumns()
{
    static const QStringList columns{QStringLiteral("username"),   QStringLiteral("display_name"),
                                     QStringLiteral("department"), QStringLiteral("title"),
                                     QStringLiteral("phone"),      QStringLiteral("email"),
                                     QStringLiteral("password")};
    return columns;
}

bool validUsername(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,%1}$").arg(protocol::kMaxUsernameChars));
    return pattern.match(name).hasMatch();
}

bool validPhone(const QString& phone)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9+() -]{0,%1}$").arg(protocol::kMaxPhoneChars));
    return pattern.match(phone).hasMatch();
}

bool validEmail(const QString& email)
{
    static const QRegularExpression pattern(QStringLiteral("^([^@\\s]+@[^@\\s]+)?$"));
    return email.size() <= protocol::kMaxEmailChars && pattern.match(email).hasMatch();
}

/** @p bytes as UTF-8; false when they are not valid UTF-8. */
bool decode(const QByteArray& bytes, QString* out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

UserImport::UserImport(Storage& storage, const PasswordHasher* hasher)
    : m_storage(storage)
    , m_hasher(hasher)
{}

bool UserImport::fail(int line, const QString& why)
{
    m_errorLine = line;
    //: %1 a line number of the CSV file, %2 what is wrong with it
    m_error = tr("line %1: %2").arg(line).arg(why);
    m_rows.clear();
    return false;
}

bool UserImport::load(const QByteArray& csv)
{
    m_rows.clear();
    m_error.clear();
    m_errorLine = 0;
    if (csv.size() > kMaxFileBytes)
        return fail(1, tr("the file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024)));
    QList<CsvRecord> records;
    int line = 0;
    QString why;
    if (!CsvReader::parse(csv, &records, &line, &why))
        return fail(line, why);
    if (records.isEmpty())
        return fail(1, tr("the file is empty (the first line is the header)"));
    if (!readHeader(records.first().fields))
        return false;
    QHash<QString, int> seen; // case-folded username → line
    for (qsizetype i = 1; i < records.size(); ++i) {
        Row row;
        if (!readRow(records.at(i).line, records.at(i).fields, &row))
            return false;
        const QString key = row.username.toCaseFolded();
        if (seen.contains(key))
            return fail(row.line, tr("username '%1' is already on line %2").arg(row.username).arg(seen.value(key)));
        seen.insert(key, row.line);
        m_rows.append(row);
    }
    return true;
}

bool UserImport::readHeader(const QList<QByteArray>& fields)
{
    m_columns.clear();
    for (const QByteArray& field : fields) {
        QString name;
        if (!decode(field, &name))
            return fail(1, tr("invalid UTF-8"));
        name = name.trimmed().toLower();
        if (!knownColumns().contains(name))
            return fail(1, tr("unknown column '%1' (known: %2)").arg(name, knownColumns().join(QStringLiteral(", "))));
        if (m_columns.contains(name))
            return fail(1, tr("column '%1' appears twice").arg(name));
        m_columns.append(name);
    }
    for (const char* required : {"username", "display_name"}) {
        if (!m_columns.contains(QLatin1String(required)))
            return fail(1, tr("missing column '%1'").arg(QLatin1String(required)));
    }
    if (m_columns.contains(QLatin1String("password")) && !m_hasher)
        return fail(1, tr("the password column cannot be used here"));
    return true;
}

bool UserImport::readRow(int line, const QList<QByteArray>& fields, Row* row)
{
    if (fields.size() != m_columns.size())
        return fail(line, tr("%1 fields, but the header has %2").arg(fields.size()).arg(m_columns.size()));
    QHash<QString, QString> value;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QString text;
        if (!decode(fields.at(i), &text))
            return fail(line, tr("invalid UTF-8 in column '%1'").arg(m_columns.at(i)));
        value.insert(m_columns.at(i), m_columns.at(i) == QLatin1String("password") ? text : text.trimmed());
    }
    row->line = line;
    row->username = value.value(QStringLiteral("username"));
    if (!validUsername(row->username))
        return fail(line, tr("invalid username '%1' (allowed: A-Z a-z 0-9 . _ -, 1-32)").arg(row->username));
    row->displayName = value.value(QStringLiteral("display_name"));
    if (row->displayName.isEmpty() || row->displayName.size() > protocol::kMaxNameChars)
        return fail(line, tr("invalid display name (1-64 characters)"));
    QString why;
    if (!DepartmentPath::parse(value.value(QStringLiteral("department")), &row->department, &why))
        return fail(line, why);
    const QSet<QString> distinct(row->department.cbegin(), row->department.cend());
    if (distinct.size() != row->department.size())
        return fail(line,
                    tr("department path '%1' names a department twice (a cycle)").arg(row->department.join(u'/')));
    row->title = value.value(QStringLiteral("title"));
    if (row->title.size() > protocol::kMaxTitleChars)
        return fail(line, tr("the title is longer than %1 characters").arg(protocol::kMaxTitleChars));
    if (!validPhone(value.value(QStringLiteral("phone"))))
        return fail(line, tr("invalid phone number '%1'").arg(value.value(QStringLiteral("phone"))));
    if (!validEmail(value.value(QStringLiteral("email"))))
        return fail(line, tr("invalid email address '%1'").arg(value.value(QStringLiteral("email"))));
    if (m_columns.contains(QLatin1String("phone")))
        row->phone = value.value(QStringLiteral("phone"));
    if (m_columns.contains(QLatin1String("email")))
        row->email = value.value(QStringLiteral("email"));
    const QString password = value.value(QStringLiteral("password"));
    if (!password.isEmpty()) {
        const qsizetype bytes = password.toUtf8().size();
        if (bytes < protocol::kMinPasswordBytes || bytes > protocol::kMaxPasswordBytes)
            return fail(line, tr("the password must be 8-1024 bytes"));
        // Only new accounts take it (write()); hashing for existing ones would be wasted seconds.
        if (!m_storage.userByName(row->username)) {
            row->passwordHash = m_hasher->hash(password);
            if (row->passwordHash.isEmpty())
                return fail(line, tr("cannot hash the password"));
        }
    }
    return true;
}

bool UserImport::apply(qint64 nowMs, Report* report)
{
    *report = Report{};
    m_error.clear();
    if (!m_storage.beginTransaction()) {
        m_error = tr("cannot start the transaction");
        return false;
    }
    for (const Row& row : std::as_const(m_rows)) {
        if (!write(row, nowMs, report)) {
            m_storage.rollbackTransaction();
            *report = Report{};
            //: %1 a line number of the CSV file
            m_error = tr("line %1: cannot store the account; nothing was imported").arg(row.line);
            m_errorLine = row.line;
            return false;
        }
    }
    if (!m_storage.commitTransaction()) {
        m_storage.rollbackTransaction();
        *report = Report{};
        m_error = tr("cannot commit the import; nothing was imported");
        return false;
    }
    return true;
}

bool UserImport::write(const Row& row, qint64 nowMs, Report* report)
{
    DirectoryStore& directory = m_storage.directory();
    const DepartmentId department =
        DepartmentPath::ensure(directory, row.department, nowMs, &report->departmentsCreated);
    if (!row.department.isEmpty() && !department.isValid())
        return false;
    const std::optional<UserRecord> existing = m_storage.userByName(row.username);
    if (!existing) {
        UserId id;
        const bool noPassword = row.passwordHash.isEmpty();
        bool ignored = false;
        if (m_storage.createUser(row.username, row.displayName,
                                 noPassword ? QByteArray(kNoPasswordHash) : row.passwordHash,
                                 &id) != CreateUserResult::Created ||
            !directory.setPlacement(id, department, row.title) || !writeProfile(row, id, &ignored))
            return false;
        ++report->created;
        report->withoutPassword += noPassword ? 1 : 0;
        return true;
    }
    const std::optional<Placement> placed = directory.placement(existing->id);
    if (!placed)
        return false;
    const bool sameName = existing->displayName == row.displayName;
    const bool samePlace = placed->department == department && placed->title == row.title;
    bool profileChanged = false;
    if ((!sameName && !m_storage.setDisplayName(existing->id, row.displayName)) ||
        (!samePlace && !directory.setPlacement(existing->id, department, row.title)) ||
        !writeProfile(row, existing->id, &profileChanged))
        return false;
    ++(sameName && samePlace && !profileChanged ? report->unchanged : report->updated);
    return true;
}

bool UserImport::writeProfile(const Row& row, UserId user, bool* changed)
{
    *changed = false;
    if (!row.phone && !row.email)
        return true;
    std::optional<UserProfile> profile = m_storage.userProfile(user);
    if (!profile)
        return false;
    const UserProfile before = *profile;
    profile->phone = row.phone.value_or(profile->phone);
    profile->email = row.email.value_or(profile->email);
    if (*profile == before)
        return true;
    *changed = true;
    return m_storage.setUserProfile(user, *profile);
}

} // namespace lanchat
