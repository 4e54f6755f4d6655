#include "LostServer.h"

#include <csignal>
#include <mutex>

namespace lm {

void surviveLostAudioServer()
{
    // Over any handler, not only the default: Qt Test's fatal-signal handler
    // also ends the process on SIGPIPE (how test_audition_ui died once).
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        sigaction(SIGPIPE, &ignore, nullptr);
    });
}

} // namespace lm
