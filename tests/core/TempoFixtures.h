#pragma once
// Grooves whose metrical level is easy to get wrong, as MIDI, and their
// renders: by FluidSynth (OfflineSynth) and, where it is installed, by
// timidity with the freepats patches (a second synth and sound set).
#include "MidiBytes.h"

#include "core/io/MidiWriter.h"
#include "core/playback/OfflineSynth.h"

#include <QProcess>
#include <QFile>
#include <QStandardPaths>
#include <QString>

#include <string>

namespace lm::test {

struct GrooveSpec {
    double bpm = 120;
    int bars = 12;
    int hatsPerBeat = 2;  // 1 quarters, 2 eighths, 4 sixteenths
    int hatVelocity = 80;
    int snareVelocity = 105;
    int pickupBeats = 0;  // beats of a snare fill before bar 0 (4: a whole bar)
    bool halfTimeKick = false; // kick on beat 1 only, snare on 3 instead of 2 and 4
    bool eighthBass = false;   // the bass on every eighth (rock), not on 1 and 3
    bool openHatOffbeats = false; // an open hat on every off-beat eighth
};

// Kick on 1 and 3, snare on 2 and 4, hats as asked, bass on 1 and 3 and a
// piano chord held through each bar, the chords C Am F G. Bar 0 starts after
// the pickup, at pickupBeats * 60 / bpm seconds.
inline MidiFile makeTempoGroove(const GrooveSpec& g)
{
    const int tpq = 480;
    SongBuilder b(tpq);
    b.tempo(g.bpm).timeSig(4, 4);
    b.program(2, 1, 33).program(3, 0, 0);
    const uint64_t beat = tpq, bar = 4 * beat, start = uint64_t(g.pickupBeats) * beat;
    for (int p = 0; p < g.pickupBeats; ++p) // the fill: two snare strokes a beat
        for (int h = 0; h < 2; ++h) {
            const uint64_t t = uint64_t(p) * beat + uint64_t(h) * beat / 2;
            b.note(1, 9, 38, t, t + beat / 4, 70 + 10 * p);
        }
    const int roots[4] = {36, 33, 29, 31};
    const int chords[4][3] = {{60, 64, 67}, {57, 60, 64}, {53, 57, 60}, {55, 59, 62}};
    for (int m = 0; m < g.bars; ++m) {
        const uint64_t t0 = start + uint64_t(m) * bar;
        for (int k = 0; k < 4; ++k) {
            const uint64_t t = t0 + uint64_t(k) * beat;
            if (!g.halfTimeKick)
                b.note(1, 9, k % 2 ? 38 : 36, t, t + beat / 4, k % 2 ? g.snareVelocity : 110);
            else if (k % 2 == 0)
                b.note(1, 9, k == 0 ? 36 : 38, t, t + beat / 4, k == 0 ? 110 : g.snareVelocity);
            if (g.openHatOffbeats)
                b.note(1, 9, 46, t + beat / 2, t + beat, g.hatVelocity);
            for (int h = 0; h < g.hatsPerBeat; ++h) {
                const uint64_t th = t + uint64_t(h) * beat / uint64_t(g.hatsPerBeat);
                b.note(1, 9, 42, th, th + beat / 8, g.hatVelocity);
            }
        }
        const int r = roots[m % 4];
        if (g.eighthBass)
            for (int e = 0; e < 8; ++e)
                b.note(2, 1, r, t0 + uint64_t(e) * beat / 2, t0 + uint64_t(e + 1) * beat / 2 - 10, e % 2 ? 90 : 100);
        else
            b.note(2, 1, r, t0, t0 + beat, 100).note(2, 1, r, t0 + 2 * beat, t0 + 3 * beat, 95);
        for (int n : chords[m % 4])
            b.note(3, 0, n, t0, t0 + bar - 10, 70);
    }
    return b.build();
}

// Renders with FluidSynth and writes a 16-bit WAV; "" or the reason it failed.
inline std::string renderWithFluidSynth(const MidiFile& f, const std::string& wav)
{
    auto synth = OfflineSynth::create(defaultSoundfontPath(), 44100);
    if (!synth)
        return synth.error().toString();
    auto audio = (*synth)->render(encodeMidi(f));
    if (!audio)
        return audio.error().toString();
    auto w = writeWav16(wav, audio->stereo, 2, audio->sampleRate);
    return w ? std::string() : w.error().toString();
}

inline bool haveTimidity()
{
    return !QStandardPaths::findExecutable(QStringLiteral("timidity")).isEmpty() &&
           QFile::exists(QStringLiteral("/etc/timidity/freepats.cfg"));
}

// Renders with timidity and freepats; "" or the reason it failed.
inline std::string renderWithTimidity(const MidiFile& f, const std::string& mid, const std::string& wav)
{
    if (!writeMidiFile(mid, f).ok())
        return "cannot write " + mid;
    QProcess p;
    p.start(QStringLiteral("timidity"), {"-c", "/etc/timidity/freepats.cfg", "-Ow", "-s", "22050", "-o",
                                         QString::fromStdString(wav), QString::fromStdString(mid)});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return "timidity failed: " + p.readAllStandardError().toStdString();
    return {};
}

} // namespace lm::test
