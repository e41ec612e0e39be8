#include "ldapconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QVariant>

namespace lanchat {

namespace {

bool readBoolValue(const QSettings& s, const char* key, bool* value, QString* error)
{
    const QString k = QLatin1String(key);
    if (!s.contains(k))
        return true;
    const QString v = s.value(k).toString().trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes")) {
        *value = true;
    } else if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no")) {
        *value = false;
    } else {
        //: %1 is a config key, %2 the value found
        *error =
            QCoreApplication::translate("lanchat::LdapConfig", "ldap/%1: expected true or false, got '%2'").arg(k, v);
        return false;
    }
    return true;
}

bool readIntValue(const QSettings& s, const char* key, int* value, int min, int max, QString* error)
{
    const QString k = QLatin1String(key);
    if (!s.contains(k))
        return true;
    bool ok = false;
    const int v = s.value(k).toString().trimmed().toInt(&ok);
    if (!ok || v < min || v > max) {
        //: %1 is a config key, %2..%3 the allowed range, %4 the value found
        *error = QCoreApplication::translate("lanchat::LdapConfig", "ldap/%1: expected an integer in %2..%3, got '%4'")
                     .arg(k)
                     .arg(min)
                     .arg(max)
                     .arg(s.value(k).toString());
        return false;
    }
    *value = v;
    return true;
}

void readStringValue(const QSettings& s, const char* key, QString* value)
{
    const QString k = QLatin1String(key);
    if (!s.contains(k))
        return;
    // QSettings reads an unquoted value with commas (a DN, `local,ldap`) as a list: join it back.
    const QVariant v = s.value(k);
    *value = (v.typeId() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(',')) : v.toString()).trimmed();
}

} // namespace

bool LdapConfig::applyPreset(const QString& name)
{
    if (name == QLatin1String("openldap")) {
        userFilter = QStringLiteral("(&(objectClass=inetOrgPerson)(uid=%u))");
        usernameAttribute = QStringLiteral("uid");
        departmentAttribute = QStringLiteral("departmentNumber");
        photoAttribute = QStringLiteral("jpegPhoto");
        departmentSource = DepartmentSource::Dn;
    } else if (name == QLatin1String("ad")) {
        // Accounts only (objectCategory=person excludes contacts), and never disabled ones (userAccountControl bit 2,
        // matched with the LDAP_MATCHING_RULE_BIT_AND rule).
        userFilter = QStringLiteral("(&(objectCategory=person)(objectClass=user)(sAMAccountName=%u)"
                                    "(!(userAccountControl:1.2.840.113556.1.4.803:=2)))");
        usernameAttribute = QStringLiteral("sAMAccountName");
        // AD keeps people in OUs by site or policy more often than by department; its `department` is the HR value.
        departmentAttribute = QStringLiteral("department");
        photoAttribute = QStringLiteral("thumbnailPhoto");
        departmentSource = DepartmentSource::Attribute;
    } else {
        return false;
    }
    displayNameAttribute = QStringLiteral("displayName");
    emailAttribute = QStringLiteral("mail");
    phoneAttribute = QStringLiteral("telephoneNumber");
    titleAttribute = QStringLiteral("title");
    preset = name;
    return true;
}

bool LdapConfig::read(QSettings& s, LdapConfig* config, QString* error)
{
    s.beginGroup(QStringLiteral("ldap"));
    const auto done = [&s](bool ok) {
        s.endGroup();
        return ok;
    };
    QString preset;
    readStringValue(s, "preset", &preset);
    if (!preset.isEmpty() && !config->applyPreset(preset)) {
        //: openldap and ad are typed as they are
        *error = QCoreApplication::translate("lanchat::LdapConfig", "ldap/preset: expected openldap or ad, got '%1'")
                     .arg(preset);
        return done(false);
    }
    if (!readBoolValue(s, "enabled", &config->enabled, error) ||
        !readBoolValue(s, "start_tls", &config->startTls, error) ||
        !readBoolValue(s, "allow_plaintext", &config->allowPlaintext, error) ||
        !readIntValue(s, "timeout_ms", &config->timeoutMs, 100, 600 * 1000, error) ||
        !readIntValue(s, "max_pending", &config->maxPending, 1, 100000, error) ||
        !readIntValue(s, "sync_interval_min", &config->syncIntervalMin, 0, 7 * 24 * 60, error))
        return done(false);
    readStringValue(s, "url", &config->url);
    readStringValue(s, "ca_file", &config->caFile);
    readStringValue(s, "bind_dn", &config->bindDn);
    readStringValue(s, "bind_password_file", &config->bindPasswordFile);
    readStringValue(s, "base_dn", &config->baseDn);
    readStringValue(s, "user_filter", &config->userFilter);
    readStringValue(s, "attr_username", &config->usernameAttribute);
    readStringValue(s, "attr_display_name", &config->displayNameAttribute);
    readStringValue(s, "attr_email", &config->emailAttribute);
    readStringValue(s, "attr_phone", &config->phoneAttribute);
    readStringValue(s, "attr_title", &config->titleAttribute);
    readStringValue(s, "attr_department", &config->departmentAttribute);
    readStringValue(s, "attr_photo", &config->photoAttribute);
    QString departmentFrom;
    readStringValue(s, "department_from", &departmentFrom);
    if (departmentFrom == QLatin1String("dn")) {
        config->departmentSource = DepartmentSource::Dn;
    } else if (departmentFrom == QLatin1String("attribute")) {
        config->departmentSource = DepartmentSource::Attribute;
    } else if (departmentFrom == QLatin1String("none")) {
        config->departmentSource = DepartmentSource::None;
    } else if (!departmentFrom.isEmpty()) {
        //: dn, attribute and none are typed as they are
        *error = QCoreApplication::translate("lanchat::LdapConfig",
                                             "ldap/department_from: expected dn, attribute or none, got '%1'")
                     .arg(departmentFrom);
        return done(false);
    }
    QString order;
    readStringValue(s, "order", &order);
    order.remove(QLatin1Char(' '));
    if (order == QLatin1String("ldap,local")) {
        config->order = Order::LdapFirst;
    } else if (order.isEmpty() || order == QLatin1String("local,ldap")) {
        config->order = Order::LocalFirst;
    } else {
        //: local,ldap and ldap,local are typed as they are
        *error = QCoreApplication::translate("lanchat::LdapConfig",
                                             "ldap/order: expected local,ldap or ldap,local, got '%1'")
                     .arg(order);
        return done(false);
    }
    if (!config->enabled)
        return done(true);
    if (config->url.isEmpty() || config->baseDn.isEmpty()) {
        *error = QCoreApplication::translate("lanchat::LdapConfig", "ldap: enabled=true needs url and base_dn");
        return done(false);
    }
    if (!config->userFilter.contains(QLatin1String("%u"))) {
        *error =
            QCoreApplication::translate("lanchat::LdapConfig", "ldap/user_filter: needs %u where the login name goes");
        return done(false);
    }
    if (config->isPlaintext()) {
        *error = QCoreApplication::translate(
            "lanchat::LdapConfig",
            "ldap/url: ldap:// without start_tls sends passwords in clear text; use ldaps://, start_tls=true, "
            "or allow_plaintext=true");
        return done(false);
    }
    if (!config->bindPasswordFile.isEmpty()) {
        QFile file(config->bindPasswordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("lanchat::LdapConfig", "ldap/bind_password_file: cannot read %1")
                         .arg(config->bindPasswordFile);
            return done(false);
        }
        config->bindPassword = file.readLine().trimmed();
    }
    return done(true);
}

QStringList LdapConfig::toIniLines() const
{
    const auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    return {QStringLiteral("[ldap]"),
            QStringLiteral("enabled=%1").arg(flag(enabled)),
            QStringLiteral("url=%1").arg(url),
            QStringLiteral("start_tls=%1").arg(flag(startTls)),
            QStringLiteral("allow_plaintext=%1").arg(flag(allowPlaintext)),
            QStringLiteral("ca_file=%1").arg(caFile),
            QStringLiteral("bind_dn=%1").arg(bindDn),
            QStringLiteral("bind_password_file=%1").arg(bindPasswordFile),
            QStringLiteral("base_dn=%1").arg(baseDn),
            QStringLiteral("preset=%1").arg(preset),
            QStringLiteral("user_filter=%1").arg(userFilter),
            QStringLiteral("attr_username=%1").arg(usernameAttribute),
            QStringLiteral("attr_display_name=%1").arg(displayNameAttribute),
            QStringLiteral("attr_email=%1").arg(emailAttribute),
            QStringLiteral("attr_phone=%1").arg(phoneAttribute),
            QStringLiteral("attr_title=%1").arg(titleAttribute),
            QStringLiteral("department_from=%1")
                .arg(departmentSource == DepartmentSource::Dn          ? QStringLiteral("dn")
                     : departmentSource == DepartmentSource::Attribute ? QStringLiteral("attribute")
                                                                       : QStringLiteral("none")),
            QStringLiteral("attr_department=%1").arg(departmentAttribute),
            QStringLiteral("attr_photo=%1").arg(photoAttribute),
            QStringLiteral("sync_interval_min=%1").arg(syncIntervalMin),
            QStringLiteral("timeout_ms=%1").arg(timeoutMs),
            QStringLiteral("max_pending=%1").arg(maxPending),
            QStringLiteral("order=%1")
                .arg(order == Order::LdapFirst ? QStringLiteral("ldap,local") : QStringLiteral("local,ldap"))};
}

QStringList LdapConfig::managedProfileFields() const
{
    QStringList fields;
    if (!enabled)
        return fields;
    if (!displayNameAttribute.isEmpty())
        fields.append(QStringLiteral("display_name"));
    if (!emailAttribute.isEmpty())
        fields.append(QStringLiteral("email"));
    if (!phoneAttribute.isEmpty())
        fields.append(QStringLiteral("phone"));
    if (!photoAttribute.isEmpty())
        fields.append(QStringLiteral("avatar"));
    return fields;
}

QStringList LdapConfig::attributes() const
{
    QStringList list{usernameAttribute};
    const QString department = departmentSource == DepartmentSource::Attribute ? departmentAttribute : QString();
    for (const QString& a :
         {displayNameAttribute, emailAttribute, phoneAttribute, titleAttribute, department, photoAttribute}) {
        if (!a.isEmpty() && !list.contains(a, Qt::CaseInsensitive))
            list.append(a);
    }
    return list;
}

QStringList LdapConfig::urls() const
{
    return url.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool LdapConfig::isPlaintext() const
{
    if (allowPlaintext || startTls)
        return false;
    for (const QString& u : urls()) {
        if (!u.startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace lanchat
