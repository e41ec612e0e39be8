#include "emojicatalog.h"

namespace lanchat {

namespace {

// Space-separated, so the list reads like what the user sees.
QStringList split(const char16_t* text)
{
    return QString::fromUtf16(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

QList<EmojiCatalog::Group> EmojiCatalog::groups()
{
    return {Group::Smileys, Group::People, Group::Objects, Group::Symbols};
}

QStringList EmojiCatalog::emoji(Group group)
{
    // clang-format 14 measures these emoji differently on each pass and never settles: keep the lines by hand.
    // clang-format off
    switch (group) {
    case Group::Smileys:
        return split(u"😀 😃 😄 😁 😆 😅 🤣 😂 🙂 🙃 😉 😊 😇 🥰 😍 🤩 😘 😋 😛 😜 🤪 🤔 "
                     u"🤗 🤭 🤫 😐 😑 😶 😏 😒 🙄 😬 😌 😔 😪 😴 😷 🤒 🤯 🥳 😎 🤓 😕 😟 "
                     u"😮 😲 😳 🥺 😢 😭 😱 😤 😡 🥱");
    case Group::People:
        return split(u"👍 👎 👌 ✌️ 🤞 🤝 👏 🙌 🙏 💪 👋 🤙 👈 👉 👆 👇 ☝️ ✋ 🖐️ ✊ 👊 🤛 "
                     u"🤜 🤲 👐 🙋 🙆 🙅 🤷 🤦 🙇 💁 👀 🧑‍💻 👨‍💼 👩‍💼");
    case Group::Objects:
        return split(u"🎉 🎊 🎁 🎂 🍰 ☕ 🍵 🍺 🍻 🍜 🍚 🍎 🍉 🌹 💐 🏆 🥇 📱 💻 🖥️ ⌨️ 🖨️ "
                     u"📷 📞 📧 📅 📌 📎 📁 📄 📊 📈 🔑 🔒 💡 ⏰ ⌛ 🚀 🚗 ✈️ 🏠 🌞 🌙 ⭐ "
                     u"☔ ❄️ 🔥 💰 🧧");
    case Group::Symbols:
        return split(u"❤️ 🧡 💛 💚 💙 💜 🖤 💔 💯 ✅ ☑️ ✔️ ❌ ❎ ❓ ❗ ⚠️ 🚫 ⭕ 🔴 🟢 🔵 "
                     u"➕ ➖ ➡️ ⬅️ ⬆️ ⬇️ 🔄 🆗 🆕 🆒 💤 💬 💭 ♻️ 🔔 🔕");
    }
    // clang-format on
    return {};
}

QString EmojiCatalog::title(Group group)
{
    switch (group) {
    case Group::Smileys:
        //: tab of the emoji picker
        return tr("Smileys");
    case Group::People:
        //: tab of the emoji picker: hands and people
        return tr("People");
    case Group::Objects:
        //: tab of the emoji picker
        return tr("Objects");
    case Group::Symbols:
        //: tab of the emoji picker
        return tr("Symbols");
    }
    return {};
}

bool EmojiCatalog::contains(const QString& text)
{
    for (const Group group : groups()) {
        if (emoji(group).contains(text))
            return true;
    }
    return false;
}

} // namespace lanchat
