// The emoji picker next to the message input: opens from its button, inserts at the cursor by click or keyboard,
// Esc closes, and a "Recently used" row (most recent first, at most 24) is kept per user in the app settings.
// With LANCHAT_SHOTS_DIR set, the picker is also written there as PNGs in English and Chinese.

#include "appsettings.h"
#include "chatclient.h"
#include "emojibutton.h"
#include "emojicatalog.h"
#include "emojipicker.h"
#include "languagemanager.h"
#include "messageinput.h"
#include "recentemoji.h"

#include <QApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace lanchat;

class tst_EmojiPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogueIsGroupedAndDistinct();
    void clickInsertsAtCursor();
    void keyboardPicksAndEscCloses();
    void recentlyUsedPerUser();

private:
    QListWidget* currentGrid(EmojiPicker* picker) const
    {
        return qobject_cast<QListWidget*>(picker->tabs()->currentWidget());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<QWidget> m_window;
    MessageInput* m_input = nullptr;
    EmojiButton* m_button = nullptr;
};

void tst_EmojiPicker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("app.ini")));
    m_languages = std::make_unique<LanguageManager>();
    m_languages->apply(AppSettings::Language::English);
    m_client = std::make_unique<ChatClient>();
    m_client->setSettings(nullptr);
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_input = new MessageInput(m_window.get());
    m_button = new EmojiButton(m_client.get(), *m_settings, m_input, m_window.get());
    layout->addWidget(m_input);
    layout->addWidget(m_button);
    m_window->resize(500, 200);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
}

void tst_EmojiPicker::catalogueIsGroupedAndDistinct()
{
    QStringList all;
    for (const EmojiCatalog::Group group : EmojiCatalog::groups()) {
        const QStringList emoji = EmojiCatalog::emoji(group);
        QVERIFY2(emoji.size() >= 30, qPrintable(EmojiCatalog::title(group)));
        all += emoji;
    }
    QVERIFY(all.size() >= 150);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
    QVERIFY(EmojiCatalog::contains(QStringLiteral("👍")));
    QVERIFY(!EmojiCatalog::contains(QStringLiteral("x")));
}

void tst_EmojiPicker::clickInsertsAtCursor()
{
    m_input->setPlainText(QStringLiteral("good job"));
    QTextCursor cursor = m_input->textCursor();
    cursor.setPosition(4);
    m_input->setTextCursor(cursor);

    QTest::mouseClick(m_button, Qt::LeftButton);
    EmojiPicker* picker = m_button->picker();
    QTRY_VERIFY(picker->isVisible());
    QVERIFY(!picker->recentList()->isVisible()); // nothing used yet
    QCOMPARE(picker->tabs()->count(), 4);
    QCOMPARE(picker->tabs()->tabText(0), QStringLiteral("Smileys"));
    const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR");
    if (!dir.isEmpty()) {
        m_languages->apply(AppSettings::Language::Chinese);
        QApplication::processEvents();
        picker->grab().save(dir + QStringLiteral("/emoji-zh.png"));
        m_languages->apply(AppSettings::Language::English);
        QApplication::processEvents();
        picker->grab().save(dir + QStringLiteral("/emoji-en.png"));
    }

    QListWidget* grid = currentGrid(picker);
    QListWidgetItem* item = grid->item(2);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualItemRect(item).center());
    QTRY_VERIFY(!picker->isVisible());
    QCOMPARE(m_input->toPlainText(), QStringLiteral("good") + item->text() + QStringLiteral(" job"));
    QCOMPARE(m_input->textCursor().position(), 4 + item->text().size());
}

void tst_EmojiPicker::keyboardPicksAndEscCloses()
{
    m_input->clear();
    m_button->showPicker();
    EmojiPicker* picker = m_button->picker();
    QTRY_VERIFY(picker->isVisible());
    // The last pick leads the recent row, which has the focus.
    QVERIFY(picker->recentList()->isVisible());
    QCOMPARE(picker->recentList()->count(), 1);
    QTest::keyClick(picker->recentList(), Qt::Key_Escape);
    QTRY_VERIFY(!picker->isVisible());
    QCOMPARE(m_input->toPlainText(), QString());

    // Into the grid of the "People" tab, three to the right, Enter.
    m_button->showPicker();
    QTRY_VERIFY(picker->isVisible());
    picker->tabs()->setCurrentIndex(1);
    QListWidget* grid = currentGrid(picker);
    grid->setFocus();
    grid->setCurrentRow(0);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentRow(), 3);
    QTest::keyClick(grid, Qt::Key_Return);
    QTRY_VERIFY(!picker->isVisible());
    QCOMPARE(m_input->toPlainText(), EmojiCatalog::emoji(EmojiCatalog::Group::People).at(3));
}

void tst_EmojiPicker::recentlyUsedPerUser()
{
    // The picks above were made with nobody logged in (user name empty): most recent first.
    RecentEmoji recent(*m_settings);
    const QStringList people = EmojiCatalog::emoji(EmojiCatalog::Group::People);
    const QStringList smileys = EmojiCatalog::emoji(EmojiCatalog::Group::Smileys);
    QCOMPARE(recent.list(QString()), (QStringList{people.at(3), smileys.at(2)}));
    m_button->showPicker();
    QTRY_VERIFY(m_button->picker()->isVisible());
    QCOMPARE(m_button->picker()->recentList()->item(0)->text(), people.at(3));
    if (const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR"); !dir.isEmpty())
        m_button->picker()->grab().save(dir + QStringLiteral("/emoji-recent-en.png"));
    m_button->picker()->close();

    // Each user has their own list, capped, a repeat moves to the front; kept in the settings file.
    for (int i = 0; i < 30; ++i)
        recent.use(QStringLiteral("alice"), smileys.at(i));
    recent.use(QStringLiteral("alice"), smileys.at(10));
    recent.use(QStringLiteral("bob"), people.at(0));
    AppSettings reopened(m_dir.filePath(QStringLiteral("app.ini")));
    m_settings->raw().sync();
    const QStringList alice = RecentEmoji(reopened).list(QStringLiteral("Alice"));
    QCOMPARE(alice.size(), RecentEmoji::kMax);
    QCOMPARE(alice.first(), smileys.at(10));
    QCOMPARE(alice.at(1), smileys.at(29));
    QCOMPARE(alice.count(smileys.at(10)), 1);
    QCOMPARE(RecentEmoji(reopened).list(QStringLiteral("bob")), QStringList{people.at(0)});
}

QTEST_MAIN(tst_EmojiPicker)
#include "tst_emojipicker.moc"
