#include "automationhook.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

namespace lanchat {

namespace {

constexpr const char* kEnvironmentVariable = "LANCHAT_AUTOMATION_SOCKET";

QJsonObject failure(const QString& why)
{
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), why}};
}

/** Visible widgets first, so a hidden twin (e.g. a closed dialog of the same name) loses. */
QWidget* findWidget(const QString& name)
{
    QWidget* hidden = nullptr;
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        QList<QWidget*> candidates = window->findChildren<QWidget*>(name);
        if (window->objectName() == name)
            candidates.prepend(window);
        for (QWidget* widget : candidates) {
            if (widget->isVisible())
                return widget;
            if (hidden == nullptr)
                hidden = widget;
        }
    }
    return hidden;
}

QString textOf(const QWidget* widget)
{
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        return button->text();
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        return label->text();
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget))
        return edit->text();
    if (const auto* edit = qobject_cast<const QPlainTextEdit*>(widget))
        return edit->toPlainText();
    if (const auto* edit = qobject_cast<const QTextEdit*>(widget))
        return edit->toPlainText();
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->currentText();
    return widget->isWindow() ? widget->windowTitle() : QString();
}

void putRect(QJsonObject& out, const QRect& global)
{
    out.insert(QStringLiteral("x"), global.x());
    out.insert(QStringLiteral("y"), global.y());
    out.insert(QStringLiteral("w"), global.width());
    out.insert(QStringLiteral("h"), global.height());
}

QJsonObject describe(const QWidget* widget)
{
    QJsonObject out{{QStringLiteral("ok"), true},
                    {QStringLiteral("class"), QString::fromLatin1(widget->metaObject()->className())},
                    {QStringLiteral("visible"), widget->isVisible()},
                    {QStringLiteral("enabled"), widget->isEnabled()},
                    {QStringLiteral("focus"), widget->hasFocus()},
                    {QStringLiteral("window"), widget->window()->objectName()},
                    {QStringLiteral("wid"), QString::number(widget->window()->winId())},
                    {QStringLiteral("text"), textOf(widget)}};
    putRect(out, QRect(widget->mapToGlobal(QPoint(0, 0)), widget->size()));
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget); button && button->isCheckable())
        out.insert(QStringLiteral("checked"), button->isChecked());
    return out;
}

/** Every string the row's index holds in a named role (models name theirs in roleNames()), joined by newlines. */
QString rowText(const QModelIndex& index)
{
    QStringList parts;
    const QHash<int, QByteArray> names = index.model()->roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        const QVariant value = index.data(it.key());
        if (value.typeId() == QMetaType::QString && !value.toString().isEmpty())
            parts << value.toString();
    }
    return parts.join(u'\n');
}

/** The row's named roles as JSON (numbers, booleans and text; other types as their text form). */
QJsonObject rowRoles(const QModelIndex& index)
{
    QJsonObject roles;
    const QHash<int, QByteArray> names = index.model()->roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        const QVariant value = index.data(it.key());
        if (!value.isValid())
            continue;
        const QJsonValue json = QJsonValue::fromVariant(value);
        roles.insert(QString::fromLatin1(it.value()), json.isNull() ? QJsonValue(value.toString()) : json);
    }
    return roles;
}

QJsonObject findItem(const QString& viewName, const QString& text)
{
    auto* view = qobject_cast<QAbstractItemView*>(findWidget(viewName));
    if (view == nullptr || view->model() == nullptr)
        return failure(QStringLiteral("no item view named ") + viewName);
    const QAbstractItemModel* model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!rowText(index).contains(text, Qt::CaseInsensitive))
            continue;
        view->scrollTo(index);
        const QRect local = view->visualRect(index);
        QJsonObject out{{QStringLiteral("ok"), true}, {QStringLiteral("row"), row}};
        putRect(out, QRect(view->viewport()->mapToGlobal(local.topLeft()), local.size()));
        return out;
    }
    return failure(QStringLiteral("no row containing ") + text);
}

QJsonObject listItems(const QString& viewName)
{
    auto* view = qobject_cast<QAbstractItemView*>(findWidget(viewName));
    if (view == nullptr || view->model() == nullptr)
        return failure(QStringLiteral("no item view named ") + viewName);
    QJsonArray rows;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        rows.append(rowRoles(view->model()->index(row, 0)));
    return {{QStringLiteral("ok"), true}, {QStringLiteral("rows"), rows}};
}

QJsonObject listWindows()
{
    QJsonArray windows;
    const QWidgetList topLevels = QApplication::topLevelWidgets();
    for (const QWidget* window : topLevels) {
        if (!window->isVisible())
            continue;
        QJsonObject entry{{QStringLiteral("name"), window->objectName()},
                          {QStringLiteral("class"), QString::fromLatin1(window->metaObject()->className())},
                          {QStringLiteral("title"), window->windowTitle()},
                          {QStringLiteral("active"), window->isActiveWindow()}};
        putRect(entry, window->frameGeometry());
        windows.append(entry);
    }
    return {{QStringLiteral("ok"), true}, {QStringLiteral("windows"), windows}};
}

QJsonObject focusState()
{
    const QWidget* focus = QApplication::focusWidget();
    const QWidget* active = QApplication::activeWindow();
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("name"), focus ? focus->objectName() : QString()},
            {QStringLiteral("class"), focus ? QString::fromLatin1(focus->metaObject()->className()) : QString()},
            {QStringLiteral("window"), active ? active->objectName() : QString()}};
}

QJsonObject triggerAction(const QString& name)
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        if (auto* action = window->findChild<QAction*>(name)) {
            action->trigger();
            return {{QStringLiteral("ok"), true}};
        }
    }
    // Actions owned by non-widget objects (the tray menu's controller) hang off the application.
    if (auto* action = qApp->findChild<QAction*>(name)) {
        action->trigger();
        return {{QStringLiteral("ok"), true}};
    }
    return failure(QStringLiteral("no action named ") + name);
}

} // namespace

void AutomationHook::installFromEnvironment(QObject* parent)
{
    const QString path = qEnvironmentVariable(kEnvironmentVariable);
    if (!path.isEmpty())
        new AutomationHook(path, parent);
}

AutomationHook::AutomationHook(const QString& socketPath, QObject* parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(socketPath);
    if (!m_server->listen(socketPath))
        qWarning("automation hook: cannot listen on %s: %s", qPrintable(socketPath),
                 qPrintable(m_server->errorString()));
    connect(m_server, &QLocalServer::newConnection, this, &AutomationHook::onNewConnection);
}

void AutomationHook::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void AutomationHook::onReadyRead(QLocalSocket* socket)
{
    while (socket->canReadLine()) {
        const QJsonDocument request = QJsonDocument::fromJson(socket->readLine());
        const QJsonObject reply =
            request.isObject() ? handle(request.object()) : failure(QStringLiteral("not a JSON object"));
        socket->write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
    }
}

QJsonObject AutomationHook::handle(const QJsonObject& request) const
{
    const QString command = request.value(QStringLiteral("cmd")).toString();
    const QString name = request.value(QStringLiteral("name")).toString();
    if (command == QLatin1String("find")) {
        const QWidget* widget = findWidget(name);
        return widget ? describe(widget) : failure(QStringLiteral("no widget named ") + name);
    }
    if (command == QLatin1String("item"))
        return findItem(request.value(QStringLiteral("view")).toString(),
                        request.value(QStringLiteral("text")).toString());
    if (command == QLatin1String("items"))
        return listItems(request.value(QStringLiteral("view")).toString());
    if (command == QLatin1String("windows"))
        return listWindows();
    if (command == QLatin1String("focus"))
        return focusState();
    if (command == QLatin1String("trigger"))
        return triggerAction(name);
    if (command == QLatin1String("grab")) {
        QWidget* widget = findWidget(name);
        if (widget == nullptr)
            return failure(QStringLiteral("no widget named ") + name);
        if (!widget->grab().save(request.value(QStringLiteral("path")).toString(), "PNG"))
            return failure(QStringLiteral("cannot write the PNG"));
        return {{QStringLiteral("ok"), true}};
    }
    return failure(QStringLiteral("unknown cmd ") + command);
}

} // namespace lanchat
