#pragma once

#include "logindialog.h"

#include <QCoreApplication>
#include <QEvent>

namespace lanchat::test {

/** Counts every time a LoginDialog is shown in this application (however briefly). GUI thread only. */
class LoginShowCounter : public QObject
{
public:
    LoginShowCounter() { QCoreApplication::instance()->installEventFilter(this); }
    ~LoginShowCounter() override { QCoreApplication::instance()->removeEventFilter(this); }
    int shown() const { return m_shown; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show && qobject_cast<LoginDialog*>(watched))
            ++m_shown;
        return false;
    }

private:
    int m_shown = 0;
};

} // namespace lanchat::test
