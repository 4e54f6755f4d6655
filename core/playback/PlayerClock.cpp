#include "PlayerClock.h"

#include <algorithm>

namespace lm {

PlayerTime SteadyPlayerClock::now() const
{
    return std::chrono::duration_cast<PlayerTime>(std::chrono::steady_clock::now().time_since_epoch());
}

void SteadyPlayerClock::sleepUntil(PlayerTime t)
{
    std::unique_lock<std::mutex> lock(m_);
    const std::chrono::steady_clock::time_point deadline(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(t));
    cv_.wait_until(lock, deadline, [this] { return woken_; });
    woken_ = false;
}

void SteadyPlayerClock::wake()
{
    {
        std::lock_guard<std::mutex> lock(m_);
        woken_ = true;
    }
    cv_.notify_all();
}

VirtualPlayerClock::VirtualPlayerClock(PlayerTime lateness) : lateness_(lateness) {}

PlayerTime VirtualPlayerClock::now() const
{
    std::lock_guard<std::mutex> lock(m_);
    return now_;
}

void VirtualPlayerClock::sleepUntil(PlayerTime t)
{
    std::unique_lock<std::mutex> lock(m_);
    if (woken_) {
        woken_ = false;
        return;
    }
    if (t <= now_)
        return;
    sleeping_ = true;
    target_ = t;
    ++sleeps_;
    cv_.notify_all();
    cv_.wait(lock, [&] { return now_ >= t || woken_; });
    sleeping_ = false;
    woken_ = false;
    cv_.notify_all();
}

void VirtualPlayerClock::wake()
{
    {
        std::lock_guard<std::mutex> lock(m_);
        woken_ = true;
    }
    cv_.notify_all();
}

bool VirtualPlayerClock::advanceTo(PlayerTime t, std::chrono::milliseconds realTimeout)
{
    std::unique_lock<std::mutex> lock(m_);
    for (;;) {
        if (!cv_.wait_for(lock, realTimeout, [this] { return sleeping_; }))
            return false;
        if (target_ > t)
            break;
        now_ = target_ + lateness_;
        const uint64_t woken = sleeps_;
        cv_.notify_all();
        if (!cv_.wait_for(lock, realTimeout, [&] { return sleeping_ && sleeps_ != woken; }))
            return false;
    }
    now_ = std::max(now_, t);
    return true;
}

} // namespace lm
