// An audio piece's bars as a loop (issue 14 item 4): a real WAV file written
// here, cut as the audition's loop; the cut is the export's cut sample for
// sample (same bar lines), the reader hands the loop out over and over in any
// chunk sizes without a gap, switches at the next bar line, and its position
// is the playhead's bar and step.
#include "AudioFixtures.h"

#include "core/audio/AudioExport.h"
#include "core/audio/AudioLoop.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lm;

namespace {

// An odd tempo and downbeat so that bar lines fall between frames and rounding matters.
constexpr double kBpm = 123.0;
constexpr double kDownbeat = 0.137;
constexpr int kRate = 22050;
constexpr int kChannels = 2;

std::vector<float> readAll(const std::string& path)
{
    AudioInfo info;
    auto p = probeAudio(path);
    if (!p)
        return {};
    auto s = readAudioFrames(path, 0, p->frames, info);
    return s ? *s : std::vector<float>{};
}

std::vector<float> readChunks(AudioLoopReader& reader, int64_t frames, int channels)
{
    static const int64_t sizes[] = {997, 1, 4093, 13, 7919, 2};
    std::vector<float> out;
    int64_t done = 0;
    for (int i = 0; done < frames; ++i) {
        const int64_t n = std::min(sizes[i % 6], frames - done);
        std::vector<float> chunk(size_t(n * channels));
        const int64_t got = reader.read(chunk.data(), n);
        if (got != n)
            return out;
        out.insert(out.end(), chunk.begin(), chunk.end());
        done += n;
    }
    return out;
}

} // namespace

class TestAudioLoop : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::string song_;

private Q_SLOTS:
    void initTestCase()
    {
        song_ = tmp_.filePath("song.wav").toStdString();
        const auto mono = test::changingBars(kBpm, 12, kRate); // every bar its own tone: a wrong cut shows
        std::vector<float> lead(size_t(std::lround(kDownbeat * kRate)), 0.01f);
        std::vector<float> all = lead;
        all.insert(all.end(), mono.begin(), mono.end());
        QVERIFY(test::writeAudio(song_, test::toChannels(all, kChannels), kChannels, kRate, SF_FORMAT_WAV | SF_FORMAT_FLOAT));
    }

    void theCutIsTheExportCut()
    {
        auto loop = readAudioLoop(song_, kBpm, kDownbeat, 2, 8);
        QVERIFY2(loop.ok(), loop.ok() ? "" : loop.error().toString().c_str());
        QCOMPARE(loop->sampleRate, kRate);
        QCOMPARE(loop->channels, kChannels);
        const std::string cut = tmp_.filePath("cut.wav").toStdString();
        auto exported = exportAudioBars(song_, kBpm, kDownbeat, 2, 8, cut, 0.0); // no fades: the raw samples
        QVERIFY(exported.ok());
        QCOMPARE(loop->firstFrame, exported->firstFrame);
        QCOMPARE(loop->frames(), exported->frames);
        QVERIFY(loop->samples == readAll(cut));
        // Each bar line is where the export puts that bar's start.
        QCOMPARE(loop->barStarts.size(), size_t(9));
        for (int k = 0; k <= 8; ++k) {
            auto bar = exportAudioBars(song_, kBpm, kDownbeat, 2 + k, 1, tmp_.filePath("bar.wav").toStdString(), 0.0);
            QVERIFY(bar.ok() || k == 8);
            if (k < 8)
                QCOMPARE(loop->barStarts[size_t(k)], bar->firstFrame - exported->firstFrame);
        }
        QCOMPARE(loop->barStarts.back(), loop->frames());
        // Past the end: the export's message.
        auto past = readAudioLoop(song_, kBpm, kDownbeat, 5, 8);
        QVERIFY(!past.ok());
        QVERIFY2(QString::fromStdString(past.error().toString()).contains("run past the end of the audio (12 whole bars)"),
                 past.error().toString().c_str());
    }

    void readsTheLoopOverAndOverWithoutAGap()
    {
        auto loop = std::make_shared<const AudioLoop>(*readAudioLoop(song_, kBpm, kDownbeat, 1, 8));
        AudioLoopReader reader(loop);
        const int64_t n = loop->frames();
        const auto got = readChunks(reader, 3 * n, kChannels);
        QCOMPARE(got.size(), size_t(3 * n * kChannels));
        std::vector<float> three;
        for (int i = 0; i < 3; ++i)
            three.insert(three.end(), loop->samples.begin(), loop->samples.end());
        QVERIFY(got == three);
        QCOMPARE(reader.loopsRead(), int64_t(2)); // the third pass has ended exactly at its last frame
        QCOMPARE(reader.position(), n);
        // A read at any position wraps at the loop's end.
        reader.seek(n - 5);
        std::vector<float> wrap(size_t(10 * kChannels));
        QCOMPARE(reader.read(wrap.data(), 10), int64_t(10));
        QVERIFY(std::equal(wrap.begin(), wrap.begin() + 5 * kChannels, loop->samples.end() - 5 * kChannels));
        QVERIFY(std::equal(wrap.begin() + 5 * kChannels, wrap.end(), loop->samples.begin()));
        QCOMPARE(reader.position(), int64_t(5));
    }

    void positionIsBarAndStep()
    {
        auto loop = std::make_shared<const AudioLoop>(*readAudioLoop(song_, kBpm, kDownbeat, 0, 8));
        AudioLoopReader reader(loop);
        QCOMPARE(reader.stepBehind(0), 0);
        const int64_t bar3 = loop->barStarts[3], bar4 = loop->barStarts[4];
        reader.seek(bar3 + (bar4 - bar3) / 2 + 1); // half way through bar 3 (0-based): its 9th 16th
        QCOMPARE(reader.stepBehind(0), 3 * 16 + 8);
        QCOMPARE(reader.stepBehind(bar4 - bar3), 2 * 16 + 8); // a bar still in the sound card
        reader.seek(bar3 - 1);
        QCOMPARE(reader.stepBehind(0), 3 * 16 - 1);
        reader.seek(0);
        QCOMPARE(reader.stepBehind(1), 127); // one frame behind the start: the loop's last 16th
    }

    void switchesAtTheNextBarLineAndPlaysOnceWhenNotLooping()
    {
        auto a = std::make_shared<const AudioLoop>(*readAudioLoop(song_, kBpm, kDownbeat, 0, 8));
        auto b = std::make_shared<const AudioLoop>(*readAudioLoop(song_, kBpm, kDownbeat, 3, 8));
        AudioLoopReader reader(a);
        const int64_t mid = a->barStarts[2] + 100;
        std::vector<float> head(size_t(mid * kChannels));
        QCOMPARE(reader.read(head.data(), mid), mid);
        reader.switchAtNextBar(b);
        QVERIFY(reader.switchPending());
        const int64_t rest = a->barStarts[3] - mid; // the old loop to its next bar line, then the new one from 0
        const auto got = readChunks(reader, rest + 5000, kChannels);
        QVERIFY(!reader.switchPending());
        QVERIFY(std::equal(got.begin(), got.begin() + rest * kChannels, a->samples.begin() + mid * kChannels));
        QVERIFY(std::equal(got.begin() + rest * kChannels, got.end(), b->samples.begin()));
        QCOMPARE(reader.loop(), std::shared_ptr<const AudioLoop>(b));

        AudioLoopReader once(a, false);
        std::vector<float> all(size_t((a->frames() + 77) * kChannels));
        QCOMPARE(once.read(all.data(), a->frames() + 77), a->frames());
        QVERIFY(once.finished());
        QCOMPARE(once.read(all.data(), 10), int64_t(0));
    }
};

QTEST_MAIN(TestAudioLoop)
#include "test_audio_loop.moc"
