// "Start with the system": the XDG autostart entry written to and removed from a temporary XDG_CONFIG_HOME.

#include "autostart.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;

class tst_Autostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void writesAndRemovesTheEntry();
    void hiddenEntryCountsAsOff();
    void relativeConfigHomeIsIgnored();
    void execArgumentQuoting_data();
    void execArgumentQuoting();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_oldConfigHome;
};

void tst_Autostart::init()
{
    if (!Autostart::isSupported())
        QSKIP("no XDG autostart on this platform; the Settings dialog hides the option");
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_oldConfigHome = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", m_home->path().toLocal8Bit());
}

void tst_Autostart::cleanup()
{
    if (m_oldConfigHome.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", m_oldConfigHome);
}

void tst_Autostart::writesAndRemovesTheEntry()
{
    const QString path = m_home->filePath(QStringLiteral("autostart/lanchat.desktop"));
    QCOMPARE(Autostart::entryPath(), path);
    QVERIFY(!Autostart::isEnabled());
    QString error;
    QVERIFY2(Autostart::setEnabled(true, QStringLiteral("/opt/LanChat 1.0/bin/lanchat"), &error), qPrintable(error));
    QVERIFY(QFile::exists(path));
    QVERIFY(Autostart::isEnabled());
    QSettings entry(path, QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    QCOMPARE(entry.value(QStringLiteral("Name")).toString(), QStringLiteral("LanChat"));
    QFile raw(path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(raw.readAll().contains("\nExec=\"/opt/LanChat 1.0/bin/lanchat\"\n"));
    // Writing again replaces it; turning it off removes the file, twice is fine.
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/lanchat")));
    QVERIFY(Autostart::setEnabled(false));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(Autostart::setEnabled(false));
}

void tst_Autostart::hiddenEntryCountsAsOff()
{
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/lanchat")));
    QFile file(Autostart::entryPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("Hidden=true\n");
    file.close();
    QVERIFY(!Autostart::isEnabled());
}

void tst_Autostart::relativeConfigHomeIsIgnored()
{
    qputenv("XDG_CONFIG_HOME", "relative/dir");
    QVERIFY(Autostart::entryPath().endsWith(QStringLiteral("/.config/autostart/lanchat.desktop")));
    QVERIFY(!Autostart::entryPath().contains(QStringLiteral("relative/dir")));
}

void tst_Autostart::execArgumentQuoting_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("exec");
    QTest::newRow("plain") << QStringLiteral("/usr/bin/lanchat") << QStringLiteral("/usr/bin/lanchat");
    QTest::newRow("space") << QStringLiteral("/opt/my apps/lanchat") << QStringLiteral("\"/opt/my apps/lanchat\"");
    QTest::newRow("percent") << QStringLiteral("/opt/100%/lanchat") << QStringLiteral("/opt/100%%/lanchat");
    QTest::newRow("dollar") << QStringLiteral("/opt/$x/lanchat") << QStringLiteral("\"/opt/\\\\$x/lanchat\"");
    QTest::newRow("chinese") << QStringLiteral("/home/张三/lanchat") << QStringLiteral("/home/张三/lanchat");
}

void tst_Autostart::execArgumentQuoting()
{
    QFETCH(QString, path);
    QFETCH(QString, exec);
    QCOMPARE(Autostart::execArgument(path), exec);
}

QTEST_GUILESS_MAIN(tst_Autostart)
#include "tst_autostart.moc"
