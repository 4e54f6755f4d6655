#pragma once
// The player's fake output for tests: every message sent, and when on the
// player's clock (virtual in most tests, so times are exact).
#include "JackFixture.h"

#include "core/playback/MidiOutput.h"
#include "core/playback/PlayerClock.h"

#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace lm::test {

inline QString hex(const std::vector<uint8_t>& m) { return hexBytes(std::vector<unsigned char>(m.begin(), m.end())); }

struct Sent {
    PlayerTime time;
    std::vector<uint8_t> message;
};

inline QString asText(const Sent& s) { return QString::number(s.time.count()) + " ns: " + hex(s.message); }

class RecordingOutput final : public MidiOutput {
public:
    explicit RecordingOutput(std::shared_ptr<PlayerClock> clock) : clock_(std::move(clock)) {}
    Result<bool> send(const std::vector<uint8_t>& message) override
    {
        std::lock_guard<std::mutex> lock(m_);
        sent_.push_back({clock_->now(), message});
        return true;
    }
    std::string name() const override { return "recording"; }
    std::vector<Sent> sent() const
    {
        std::lock_guard<std::mutex> lock(m_);
        return sent_;
    }
    QStringList text() const
    {
        QStringList out;
        for (const Sent& s : sent())
            out << asText(s);
        return out;
    }
    std::vector<PlayerTime> noteOnTimes() const
    {
        std::vector<PlayerTime> t;
        for (const Sent& s : sent())
            if (s.message.size() == 3 && (s.message[0] & 0xF0) == 0x90 && s.message[2] > 0)
                t.push_back(s.time);
        return t;
    }

private:
    std::shared_ptr<PlayerClock> clock_;
    mutable std::mutex m_;
    std::vector<Sent> sent_;
};

} // namespace lm::test
