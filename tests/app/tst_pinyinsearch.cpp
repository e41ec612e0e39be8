// Contacts and groups by pinyin in the real main window against a real relay in-process (127.0.0.1, port 0): the
// sidebar search, the forward dialog, the new group's member picker and the @ completer find 张三 by "zs",
// "zhangsan", "zhang san", "张" and "Zhang", and 王小明 by "wangxm" and "xm"; polyphonic surnames read as surnames.
// No sleeps: QTRY_* and QSignalSpy::wait only. With LANCHAT_SHOTS_DIR set, the states are written there as PNGs.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "forwarddialog.h"
#include "groupdialog.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "mentioncompleter.h"
#include "mentioncontroller.h"
#include "messageinput.h"
#include "modelroles.h"
#include "sidebar.h"
#include "testserver.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

QStringList shown(const QAbstractItemModel* model, int role)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data(role).toString());
    out.sort();
    return out;
}

QStringList completerRows(const MentionCompleter* completer)
{
    QStringList names;
    for (const MentionCandidate& c : completer->candidates())
        names.append(c.everyone ? QStringLiteral("*") : c.displayName);
    return names;
}

} // namespace

class tst_PinyinSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sidebarFindsByPinyin_data();
    void sidebarFindsByPinyin();
    void forwardDialogFindsByPinyin();
    void memberPickerFindsByPinyin();
    void completerOffersByPinyinPrefixesFirst();

private:
    std::unique_ptr<ChatClient> person(const QString& username, const QString& displayName);
    QLineEdit* search() const { return child<QLineEdit>(m_window->sidebar(), "searchEdit"); }
    QListView* list(const char* name) const { return child<QListView>(m_window->sidebar(), name); }
    void shoot(const QString& name);

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_me, m_zhang, m_wang, m_zeng, m_shan, m_zoe;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_group;
};

std::unique_ptr<ChatClient> tst_PinyinSearch::person(const QString& username, const QString& displayName)
{
    auto client = newClient();
    if (!signUp(*client, *m_desk.relay, username, displayName))
        return {};
    return client;
}

void tst_PinyinSearch::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    // Usernames that share no letters with the pinyin, so only the reading can find them.
    m_me = person(QStringLiteral("me"), QStringLiteral("Me"));
    m_zhang = person(QStringLiteral("u101"), QStringLiteral("张三"));
    m_wang = person(QStringLiteral("u102"), QStringLiteral("王小明"));
    m_zeng = person(QStringLiteral("u103"), QStringLiteral("曾国藩"));
    m_shan = person(QStringLiteral("u104"), QStringLiteral("单雄信"));
    m_zoe = person(QStringLiteral("zoe"), QStringLiteral("Zoe"));
    QVERIFY(m_me && m_zhang && m_wang && m_zeng && m_shan && m_zoe);
    m_window = std::make_unique<MainWindow>(m_me.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 560);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    for (ChatClient* peer : {m_zhang.get(), m_wang.get(), m_shan.get()})
        QVERIFY(openPrivate(*m_me, peer->currentUser().id).isValid());
    QSignalSpy opened(m_me.get(), &ChatClient::conversationOpened);
    m_me->createGroup(QStringLiteral("项目组"), {m_zhang->currentUser().id, m_wang->currentUser().id,
                                                 m_zeng->currentUser().id, m_zoe->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.last().first().value<ConversationId>();
    QTRY_VERIFY_WITH_TIMEOUT(m_me->conversations()->rowOf(m_group) >= 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_me->contacts()->rowCount(), 6, kWaitMs);
}

void tst_PinyinSearch::cleanupTestCase()
{
    m_window.reset();
    m_zoe.reset();
    m_shan.reset();
    m_zeng.reset();
    m_wang.reset();
    m_zhang.reset();
    m_me.reset();
    m_desk.relay.reset();
}

void tst_PinyinSearch::shoot(const QString& name)
{
    const QString dir = qEnvironmentVariable("LANCHAT_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    for (const auto language : {AppSettings::Language::English, AppSettings::Language::Chinese}) {
        m_desk.languages->apply(language);
        QApplication::processEvents();
        const QString suffix = language == AppSettings::Language::English ? QStringLiteral("en") : QStringLiteral("zh");
        m_window->grab().save(dir + QLatin1Char('/') + name + QLatin1Char('-') + suffix + QStringLiteral(".png"));
    }
    m_desk.languages->apply(AppSettings::Language::English);
}

void tst_PinyinSearch::sidebarFindsByPinyin_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("conversations");
    QTest::addColumn<QStringList>("contacts");
    const QString zhang = QStringLiteral("张三");
    const QString wang = QStringLiteral("王小明");
    QTest::newRow("initials") << QStringLiteral("zs") << QStringList{zhang} << QStringList{zhang};
    QTest::newRow("full pinyin") << QStringLiteral("zhangsan") << QStringList{zhang} << QStringList{zhang};
    QTest::newRow("pinyin with a space") << QStringLiteral("zhang san") << QStringList{zhang} << QStringList{zhang};
    QTest::newRow("Han character") << QStringLiteral("张") << QStringList{zhang} << QStringList{zhang};
    QTest::newRow("capitalised syllable") << QStringLiteral("Zhang") << QStringList{zhang} << QStringList{zhang};
    QTest::newRow("syllable and initials") << QStringLiteral("wangxm") << QStringList{wang} << QStringList{wang};
    // 项目组 is xiang mu zu: "xm" fits its first two syllables as well.
    QTest::newRow("from the given name") << QStringLiteral("xm") << QStringList{wang, QStringLiteral("项目组")}
                                         << QStringList{wang};
    QTest::newRow("单 is shan in a name")
        << QStringLiteral("shanxx") << QStringList{QStringLiteral("单雄信")} << QStringList{QStringLiteral("单雄信")};
    QTest::newRow("曾 is zeng (a contact only)")
        << QStringLiteral("zgf") << QStringList{} << QStringList{QStringLiteral("曾国藩")};
    QTest::newRow("a group title") << QStringLiteral("xmz") << QStringList{QStringLiteral("项目组")} << QStringList{};
    QTest::newRow("username substring") << QStringLiteral("10") << QStringList{}
                                        << QStringList{zhang, wang, QStringLiteral("曾国藩"), QStringLiteral("单雄信")};
    QTest::newRow("display name substring")
        << QStringLiteral("oe") << QStringList{} << QStringList{QStringLiteral("Zoe")};
}

void tst_PinyinSearch::sidebarFindsByPinyin()
{
    QFETCH(QString, query);
    QFETCH(QStringList, conversations);
    QFETCH(QStringList, contacts);
    conversations.sort();
    contacts.sort();
    search()->clear();
    // QTest types Latin-1 only; a Han character arrives as an input method would commit it.
    if (query.front().unicode() < 0x80)
        QTest::keyClicks(search(), query);
    else
        search()->insert(query);
    QCOMPARE(shown(list("conversationList")->model(), roles::ConversationTitle), conversations);
    QCOMPARE(shown(list("contactList")->model(), roles::ContactDisplayName), contacts);
    if (query == QLatin1String("zs"))
        shoot(QStringLiteral("pinyin-sidebar"));
    search()->clear();
    QCOMPARE(list("contactList")->model()->rowCount(), 6);
}

void tst_PinyinSearch::forwardDialogFindsByPinyin()
{
    ForwardDialog dialog(m_me.get(), 1, m_window.get());
    auto* search = child<QLineEdit>(&dialog, "forwardSearch");
    auto* targets = child<QListView>(&dialog, "forwardTargets");
    QTest::keyClicks(search, QStringLiteral("wxm"));
    QCOMPARE(shown(targets->model(), roles::ConversationTitle), QStringList{QStringLiteral("王小明")});
    QCOMPARE(dialog.targetTitle(), QStringLiteral("王小明")); // highlighted: Enter forwards there
    search->clear();
    QTest::keyClicks(search, QStringLiteral("xiangmu"));
    QCOMPARE(shown(targets->model(), roles::ConversationTitle), QStringList{QStringLiteral("项目组")});
}

void tst_PinyinSearch::memberPickerFindsByPinyin()
{
    GroupDialog dialog(m_me.get(), m_window.get());
    auto* filter = child<QLineEdit>(&dialog, "memberFilter");
    auto* members = child<QListWidget>(&dialog, "memberList");
    const auto visible = [members] {
        QStringList out;
        for (int i = 0; i < members->count(); ++i) {
            if (!members->item(i)->isHidden())
                out.append(members->item(i)->text());
        }
        out.sort();
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(members->count(), 5, kWaitMs);
    QTest::keyClicks(filter, QStringLiteral("zgf"));
    QCOMPARE(visible(), QStringList{QStringLiteral("曾国藩")});
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("z"));
    QCOMPARE(visible(), (QStringList{QStringLiteral("Zoe"), QStringLiteral("张三"), QStringLiteral("曾国藩")}));
    filter->clear();
    QCOMPARE(visible().size(), 5);
}

void tst_PinyinSearch::completerOffersByPinyinPrefixesFirst()
{
    m_window->openConversation(m_group);
    MessageInput* input = m_window->conversationView()->input();
    MentionCompleter* completer = m_window->conversationView()->mentions()->completer();
    input->clear();
    QTest::keyClicks(input, QStringLiteral("@wxm"));
    QTRY_VERIFY(!completer->isHidden());
    QCOMPARE(completerRows(completer), QStringList{QStringLiteral("王小明")});
    shoot(QStringLiteral("pinyin-mention"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(input->toPlainText(), QStringLiteral("@王小明 "));
    // A name that begins with what was typed comes first, then the names whose reading does.
    input->clear();
    QTest::keyClicks(input, QStringLiteral("@z"));
    QTRY_VERIFY(!completer->isHidden());
    QCOMPARE(completerRows(completer).first(), QStringLiteral("Zoe"));
    QCOMPARE(completerRows(completer).size(), 3); // Zoe, then 张三 and 曾国藩 (zeng, read as a surname)
    QTest::keyClicks(input, QStringLiteral("s"));
    QCOMPARE(completerRows(completer), QStringList{QStringLiteral("张三")});
    // The translated "everyone" by its pinyin, for the owner.
    m_desk.languages->apply(AppSettings::Language::Chinese);
    input->clear();
    QTest::keyClicks(input, QStringLiteral("@syr"));
    QTRY_VERIFY(!completer->isHidden());
    QCOMPARE(completerRows(completer), QStringList{QStringLiteral("*")});
    m_desk.languages->apply(AppSettings::Language::English);
    input->clear();
}

QTEST_MAIN(tst_PinyinSearch)
#include "tst_pinyinsearch.moc"
