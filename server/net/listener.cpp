#include "listener.h"

namespace lanchat {

void Listener::incomingConnection(qintptr descriptor)
{
    emit accepted(descriptor);
}

} // namespace lanchat
