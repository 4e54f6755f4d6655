// libjack (jackd1) runs its client threads with a fixed 512 KB stack and
// touches 500,000 bytes of it at start (to fault it in for real-time use).
// glibc takes a thread's static TLS out of the stack it was asked for
// (glibc bug 11787), and LibTorch, which the window links, has so much static
// TLS that the touch runs off the end: any JACK client in this process (RtMidi
// listing ports, FluidSynth's jack driver) crashed as it was activated, as
// soon as a JACK server ran. Asking for at least 2 MiB leaves room; the
// window's binaries export this definition (ui/CMakeLists.txt), so libjack's
// calls reach it before glibc's.
#include <dlfcn.h>
#include <pthread.h>

#include <algorithm>
#include <cstddef>

namespace lm::ui {
bool jackThreadStacksWidened() { return true; } // referenced, so the linker keeps this file
} // namespace lm::ui

extern "C" int pthread_attr_setstacksize(pthread_attr_t* attr, size_t size)
{
    using Fn = int (*)(pthread_attr_t*, size_t);
    static const Fn real = reinterpret_cast<Fn>(::dlsym(RTLD_NEXT, "pthread_attr_setstacksize"));
    constexpr size_t kAtLeast = size_t(2) << 20;
    return real ? real(attr, std::max(size, kAtLeast)) : 22; // EINVAL
}
