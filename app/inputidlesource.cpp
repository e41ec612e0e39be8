#include "inputidlesource.h"

#include <QCoreApplication>
#include <QEvent>

namespace lanchat {

InputIdleSource::InputIdleSource(QObject* parent)
    : QObject(parent)
{
    m_sinceInput.start();
    QCoreApplication::instance()->installEventFilter(this);
}

std::optional<qint64> InputIdleSource::idleMs()
{
    return m_sinceInput.elapsed();
}

bool InputIdleSource::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_sinceInput.restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lanchat
