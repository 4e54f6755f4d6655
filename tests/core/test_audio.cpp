// Audio pieces: reading every container and sample format, resampling, tempo
// and downbeat, the per-bar mel matrix, corrupt files, and loop export.
#include "AudioFixtures.h"
#include "Fixtures.h"
#include "Unreadable.h"

#include "core/audio/AudioAnalysis.h"
#include "core/audio/AudioExport.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/playback/OfflineSynth.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/resource.h>
#include <unistd.h>
#include <sys/stat.h>

using namespace lm;
using namespace lm::test;

namespace {

double meanOffDiagonal(const AudioPiece& a)
{
    const size_t n = size_t(a.bars());
    double s = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            if (i != j)
                s += a.matrix[i * n + j];
    return s / double(n * (n - 1));
}

double minOffDiagonal(const AudioPiece& a)
{
    const size_t n = size_t(a.bars());
    double m = 1;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j)
            if (i != j)
                m = std::min(m, a.matrix[i * n + j]);
    return m;
}

std::string writeBytes(const QTemporaryDir& dir, const char* name, const std::string& bytes)
{
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestAudio : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void melScaleMatchesSlaney()
    {
        // Known points of Slaney's scale: linear to 1 kHz (15 mel), log above.
        QCOMPARE(hzToMelSlaney(0), 0.0);
        QVERIFY(std::abs(hzToMelSlaney(1000) - 15.0) < 1e-12);
        QVERIFY(std::abs(hzToMelSlaney(6400) - 42.0) < 1e-9);
        for (double hz : {50.0, 700.0, 1000.0, 3999.0})
            QVERIFY(std::abs(melToHzSlaney(hzToMelSlaney(hz)) - hz) < 1e-9);
        // Area normalisation: each triangle's weights times the bin width sum to about 1.
        const auto bands = melFilterbank(8000, 16000, 128, 0, 4000);
        QCOMPARE(bands.size(), size_t(128));
        for (size_t m = 20; m < bands.size(); ++m) {
            double area = 0;
            for (double w : bands[m].weights)
                area += w * 0.5; // bin width 0.5 Hz
            QVERIFY2(std::abs(area - 1.0) < 0.02, qPrintable(QString("band %1 area %2").arg(m).arg(area)));
        }
    }

    void repeatingBarsGiveAMatrixOfOnes()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("repeat.wav").toStdString();
        QVERIFY(writeAudio(path, toChannels(repeatingBars(120, 16, 44100), 2), 2, 44100));
        auto a = analyseAudioFile(path);
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().toString().c_str());
        QVERIFY2(std::abs(a->bpm - 120) < 120 * 0.02, qPrintable(QString::number(a->bpm)));
        QVERIFY2(a->downbeat < 0.03, qPrintable(QString::number(a->downbeat)));
        QCOMPARE(a->bars(), int64_t(16));
        QVERIFY2(minOffDiagonal(*a) > 0.99, qPrintable(QString::number(minOffDiagonal(*a))));
        const auto windows = audioWindows(*a);
        QCOMPARE(windows.size(), size_t(9));
        for (double v : windows[3].correlation)
            QVERIFY(v > 0.99);
    }

    void changingBarsGiveLowOffDiagonals()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("change.wav").toStdString();
        QVERIFY(writeAudio(path, changingBars(100, 12, 44100), 1, 44100));
        auto a = analyseAudioFile(path, TempoOverride{100.0, 0.0});
        QVERIFY(a.ok());
        QCOMPARE(a->bars(), int64_t(12));
        QVERIFY(a->bpmFromUser && a->downbeatFromUser);
        const double mean = meanOffDiagonal(*a);
        QVERIFY2(mean < 0.3, qPrintable(QString::number(mean)));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(a->matrix[size_t(i * 12 + i)], 1.0);
    }

    void everyFormatRateAndChannelCountReadsAlike_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("ext");
        QTest::newRow("wav 8k mono 16") << 8000 << 1 << (SF_FORMAT_WAV | SF_FORMAT_PCM_16) << "wav";
        QTest::newRow("wav 22.05k stereo u8") << 22050 << 2 << (SF_FORMAT_WAV | SF_FORMAT_PCM_U8) << "wav";
        QTest::newRow("wav 44.1k 6ch 24") << 44100 << 6 << (SF_FORMAT_WAV | SF_FORMAT_PCM_24) << "wav";
        QTest::newRow("wav 48k stereo 32") << 48000 << 2 << (SF_FORMAT_WAV | SF_FORMAT_PCM_32) << "wav";
        QTest::newRow("wav 96k stereo float") << 96000 << 2 << (SF_FORMAT_WAV | SF_FORMAT_FLOAT) << "wav";
        QTest::newRow("aiff 44.1k stereo 16") << 44100 << 2 << (SF_FORMAT_AIFF | SF_FORMAT_PCM_16) << "aiff";
        QTest::newRow("flac 48k mono 24") << 48000 << 1 << (SF_FORMAT_FLAC | SF_FORMAT_PCM_24) << "flac";
        QTest::newRow("ogg 44.1k stereo vorbis") << 44100 << 2 << (SF_FORMAT_OGG | SF_FORMAT_VORBIS) << "ogg";
        QTest::newRow("mp3 44.1k stereo") << 44100 << 2 << (SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III) << "mp3";
    }
    void everyFormatRateAndChannelCountReadsAlike()
    {
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(int, format);
        QFETCH(QString, ext);
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("pattern." + ext).toStdString();
        QVERIFY(writeAudio(path, toChannels(repeatingBars(126, 12, rate), channels), channels, rate, format));
        auto audio = readAudioMono(path, audioformat::kSampleRate);
        QVERIFY2(audio.ok(), audio.ok() ? "" : audio.error().toString().c_str());
        QCOMPARE(audio->info.sampleRate, rate);
        QCOMPARE(audio->info.channels, channels);
        QCOMPARE(audio->sampleRate, audioformat::kSampleRate);
        const double seconds = 12 * 4 * 60.0 / 126;
        QVERIFY2(std::abs(audio->seconds() - seconds) < 0.01, qPrintable(QString::number(audio->seconds())));
        const AudioPiece a = analyseAudio(*audio);
        QVERIFY2(std::abs(a.bpm - 126) < 126 * 0.02, qPrintable(QString::number(a.bpm)));
        QCOMPARE(a.bars(), int64_t(12));
        QVERIFY2(minOffDiagonal(a) > 0.98, qPrintable(QString::number(minOffDiagonal(a))));
    }

    void resamplingKeepsATone()
    {
        // A 1 kHz tone at 44.1 kHz resampled to 8 kHz: same frequency, same level.
        const int rate = 44100;
        std::vector<float> x(rate * 2);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = float(0.5 * std::sin(2 * M_PI * 1000.0 * double(i) / rate));
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("tone.wav").toStdString();
        QVERIFY(writeAudio(path, x, 1, rate, SF_FORMAT_WAV | SF_FORMAT_FLOAT));
        auto audio = readAudioMono(path, 8000);
        QVERIFY(audio.ok());
        QVERIFY(std::abs(int64_t(audio->samples.size()) - 16000) <= 2);
        double rms = 0, ref = 0;
        for (size_t i = 2000; i < 14000; ++i) {
            const double want = 0.5 * std::sin(2 * M_PI * 1000.0 * double(i) / 8000);
            rms += double(audio->samples[i]) * audio->samples[i];
            ref += (audio->samples[i] - want) * (audio->samples[i] - want);
        }
        QVERIFY2(std::abs(std::sqrt(rms / 12000) - 0.5 / std::sqrt(2.0)) < 0.01, "level changed");
        QVERIFY2(std::sqrt(ref / 12000) < 0.01, "waveform changed");
    }

    void corruptFilesGiveAClearError()
    {
        QTemporaryDir tmp;
        const std::string good = tmp.filePath("good.wav").toStdString();
        QVERIFY(writeAudio(good, repeatingBars(120, 2, 8000), 1, 8000));
        const std::string bytes = slurp(good);
        struct Case {
            const char* name;
            std::string data;
            const char* why;
        };
        std::string lyingChannels = bytes;
        lyingChannels[22] = char(0x10), lyingChannels[23] = char(0x27); // 10,000 channels
        std::string zeroRate = bytes;
        for (int i = 24; i < 28; ++i)
            zeroRate[size_t(i)] = 0;
        // Headers libsndfile opens, refused by our own limits (64 channels, 1 kHz and up).
        std::string hundredChannels = bytes;
        hundredChannels[22] = char(100), hundredChannels[23] = 0;
        std::string rate500 = bytes;
        rate500[24] = char(0xF4), rate500[25] = char(0x01), rate500[26] = 0, rate500[27] = 0;
        const std::vector<Case> cases = {
            {"empty.wav", "", "not a readable audio file"},
            {"text.wav", "this is not audio at all, just words with a .wav name", "not a readable audio file"},
            {"header_only.wav", bytes.substr(0, 20), "not a readable audio file"},
            {"no_frames.wav", bytes.substr(0, 44), "no audio frames"},
            // These two libsndfile refuses itself ("Too many channels", "SF_INFO struct incomplete").
            {"channels.wav", lyingChannels, "not a readable audio file"},
            {"rate.wav", zeroRate, "not a readable audio file"},
            {"channels_100.wav", hundredChannels, "unsupported channel count 100 (1 to 64)"},
            {"rate_500.wav", rate500, "unsupported sample rate 500 Hz"},
            {"midi.flac", "MThd\0\0\0\6\0\0\0\1\0\x60", "not a readable audio file"},
        };
        for (const Case& c : cases) {
            const std::string path = writeBytes(tmp, c.name, c.data);
            auto r = readAudioMono(path, 8000);
            QVERIFY2(!r.ok(), c.name);
            QVERIFY2(std::strlen(c.why) > 0, c.name); // an empty reason would match any message
            const std::string msg = r.error().toString();
            QVERIFY2(msg.find(c.name) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(c.why) != std::string::npos, msg.c_str());
        }
        // Truncated in the middle of the data: what is there is read.
        const std::string cut = writeBytes(tmp, "cut.wav", bytes.substr(0, bytes.size() / 2));
        auto r = readAudioMono(cut, 8000);
        QVERIFY(r.ok());
        QVERIFY(r->samples.size() > 0 && r->samples.size() < 16000);
        // A file longer than the limit is refused before it is read.
        AudioLimits limits;
        limits.maxSeconds = 1;
        auto longer = readAudioMono(good, 8000, limits);
        QVERIFY(!longer.ok());
        QVERIFY(longer.error().message.find("limit") != std::string::npos);
        // Unreadable: a mode-0 file read without root's read overrides (the tests run
        // as root, who otherwise reads it), so that open() fails as it does for a user.
        const std::string locked = tmp.filePath("locked.wav").toStdString();
        QVERIFY(writeAudio(locked, repeatingBars(120, 2, 8000), 1, 8000));
        QCOMPARE(::chmod(locked.c_str(), 0), 0);
        {
            WithoutReadOverride noOverride;
            QVERIFY(noOverride.ok());
            const int fd = ::open(locked.c_str(), O_RDONLY);
            const int openErrno = errno;
            if (fd >= 0)
                ::close(fd);
            QVERIFY2(fd < 0 && openErrno == EACCES, "the mode-0 file can still be opened");
            auto denied = readAudioMono(locked, 8000);
            QVERIFY(!denied.ok());
            const std::string msg = denied.error().toString();
            QVERIFY2(msg.find("locked.wav") != std::string::npos, msg.c_str());
            QVERIFY2(msg.find("not a readable audio file") != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(std::strerror(EACCES)) != std::string::npos, msg.c_str());
        }
        // With the overrides back the same file reads: the error above was the permission.
        QVERIFY(readAudioMono(locked, 8000).ok());
    }

    void tempoOfRenderedGrooves()
    {
        // Drum + bass grooves rendered by FluidSynth with the GM soundfont.
        auto synth = OfflineSynth::create(defaultSoundfontPath(), 44100);
        QVERIFY2(synth.ok(), synth.ok() ? "" : synth.error().toString().c_str());
        const double tempi[] = {72, 84, 96, 105, 118, 124, 133, 141, 150, 165};
        int right = 0;
        QString report;
        for (int i = 0; i < 10; ++i) {
            auto audio = (*synth)->render(encodeMidi(makeStyledGroove(uint32_t(500 + i), tempi[i], 12)));
            QVERIFY(audio.ok());
            MonoAudio mono;
            mono.info.sampleRate = audio->sampleRate;
            mono.info.channels = 2;
            // Mix and resample as the reader does (through a file).
            QTemporaryDir tmp;
            const std::string path = tmp.filePath("groove.wav").toStdString();
            QVERIFY(writeWav16(path, audio->stereo, 2, audio->sampleRate).ok());
            auto a = analyseAudioFile(path);
            QVERIFY(a.ok());
            const bool ok = std::abs(a->bpm - tempi[i]) <= 0.02 * tempi[i];
            right += ok;
            report += QString(" %1->%2").arg(tempi[i]).arg(a->bpm, 0, 'f', 1);
        }
        qInfo("tempi: %s", qPrintable(report));
        QVERIFY2(right >= 9, qPrintable(QString("%1 of 10 within 2%:%2").arg(right).arg(report)));
    }

    void exportCutsBarsAtTheSourceFormat()
    {
        QTemporaryDir tmp;
        const std::string src = tmp.filePath("song.wav").toStdString();
        const int rate = 48000;
        const auto mono = repeatingBars(120, 8, rate, 0.25);
        QVERIFY(writeAudio(src, toChannels(mono, 2), 2, rate, SF_FORMAT_WAV | SF_FORMAT_PCM_24));
        const std::string out = tmp.filePath("loop.wav").toStdString();
        auto cut = exportAudioBars(src, 120, 0.25, 2, 4, out);
        QVERIFY2(cut.ok(), cut.ok() ? "" : cut.error().toString().c_str());
        QCOMPARE(cut->frames, int64_t(4 * 2 * rate)); // 4 bars of 2 s
        QCOMPARE(cut->firstFrame, int64_t((0.25 + 4.0) * rate));
        AudioInfo info;
        auto back = readAudioFrames(out, 0, cut->frames, info);
        QVERIFY(back.ok());
        QCOMPARE(info.sampleRate, rate);
        QCOMPARE(info.channels, 2);
        QCOMPARE(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_24);
        QCOMPARE(info.frames, cut->frames);
        // Faded at both cuts, the source in between.
        QCOMPARE((*back)[0], 0.0f);
        QVERIFY(std::abs((*back)[back->size() - 2]) < 1e-3);
        const size_t mid = size_t(rate) * 3;
        for (size_t i = mid; i < mid + 1000; ++i)
            QVERIFY(std::abs((*back)[i * 2] - mono[size_t(cut->firstFrame) + i]) < 1e-4);
        // FLAC too.
        const std::string flac = tmp.filePath("loop.flac").toStdString();
        auto cutFlac = exportAudioBars(src, 120, 0.25, 0, 8, flac);
        QVERIFY(cutFlac.ok());
        QVERIFY(probeAudio(flac).ok());
        QCOMPARE(probeAudio(flac)->format, SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
        // Past the end: an error that says how many bars there are; nothing written.
        const std::string past = tmp.filePath("past.wav").toStdString();
        auto bad = exportAudioBars(src, 120, 0.25, 4, 8, past);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("8 whole bars") != std::string::npos, bad.error().message.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(past)));
        // Unknown extension.
        QVERIFY(!exportAudioBars(src, 120, 0.25, 0, 1, tmp.filePath("x.mp3").toStdString()).ok());
    }

    void audioFilesImportBesideMidi()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath("music");
        QDir().mkpath(dir);
        for (int i = 0; i < 3; ++i)
            QVERIFY(writeFileAtomically((dir + "/groove" + QString::number(i) + ".mid").toStdString(),
                                        encodeMidi(makeGroove(uint32_t(40 + i))))
                        .ok());
        const std::string song = (dir + "/song.wav").toStdString();
        QVERIFY(writeAudio(song, toChannels(repeatingBars(120, 16, 44100), 2), 2, 44100));
        QVERIFY(writeAudio((dir + "/short.flac").toStdString(), repeatingBars(120, 6, 22050), 1, 22050,
                           SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
        writeBytes(tmp, "music/broken.wav", "RIFF, but not really");
        auto db = LibraryDb::open(tmp.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        auto import = [&] {
            JobContext job;
            ImportOptions o;
            o.roots = {dir.toStdString()};
            auto r = importLibrary(**db, o, job);
            if (!r.ok())
                qFatal("%s", r.error().toString().c_str());
            return *r;
        };
        const ImportSummary s = import();
        QCOMPARE(s.seen, int64_t(6));
        QCOMPARE(s.failed, int64_t(1));
        bool sawShort = false, sawBroken = false;
        for (const SkippedFile& sk : s.skipped) {
            sawShort |= sk.path.find("short.flac") != std::string::npos && sk.reason.find("shorter than 8 bars") == 0;
            sawBroken |= sk.path.find("broken.wav") != std::string::npos
                && sk.reason.find("not a readable audio file") == 0;
        }
        QVERIFY(sawShort && sawBroken);
        auto info = (*db)->fileInfo(song);
        QVERIFY(info && info->piece);
        QCOMPARE(info->kind, std::string("audio"));
        QCOMPARE(info->status, FileStatus::Usable);
        QVERIFY(std::abs(info->piece->tempoBpm - 120) < 2.4);
        QCOMPARE(info->piece->sampleRate, 44100);
        QCOMPARE(info->piece->channels, 2);
        QCOMPARE(info->piece->bars, int64_t(16));
        QCOMPARE(info->piece->matrix.size(), size_t(256));
        QCOMPARE((*db)->windowsOf(song).size(), size_t(9));
        FileQuery audioOnly;
        audioOnly.kind = "audio";
        QCOMPARE((*db)->countFiles(audioOnly), int64_t(3));

        // The user's tempo: stored, applied at once, and kept when the file changes.
        QVERIFY((*db)->setTempoSetting(song, TempoSetting{60.0, 0.0}).ok());
        auto again = reanalyseFile(**db, song);
        QVERIFY(again.ok());
        QCOMPARE((*db)->fileInfo(song)->piece->bars, int64_t(8));
        QVERIFY((*db)->fileInfo(song)->piece->tempoFromUser);
        QCOMPARE((*db)->windowsOf(song).size(), size_t(1));
        struct timespec times[2] = {{0, UTIME_OMIT}, {1'700'000'000, 0}};
        QCOMPARE(::utimensat(AT_FDCWD, song.c_str(), times, 0), 0);
        const ImportSummary s2 = import();
        QCOMPARE(s2.read, int64_t(1)); // only the touched song
        QCOMPARE(s2.unchanged, int64_t(5));
        QCOMPARE((*db)->fileInfo(song)->piece->tempoBpm, 60.0);
        QVERIFY((*db)->clearTempoSetting(song).ok());
        QVERIFY(reanalyseFile(**db, song).ok());
        QVERIFY(std::abs((*db)->fileInfo(song)->piece->tempoBpm - 120) < 2.4);
        QVERIFY(!(*db)->fileInfo(song)->piece->tempoFromUser);
    }

    void commandLineOnAudio()
    {
        QTemporaryDir tmp;
        const QString song = tmp.filePath("song.wav");
        QVERIFY(writeAudio(song.toStdString(), repeatingBars(110, 10, 32000), 1, 32000));
        auto run = [](const QStringList& args, QByteArray* err = nullptr) {
            QProcess p;
            p.start(LM_CLI, args);
            p.waitForFinished(60000);
            if (err)
                *err = p.readAllStandardError();
            return std::make_pair(p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object());
        };
        auto [code, o] = run({"windows", song});
        QCOMPARE(code, 0);
        QCOMPARE(o["kind"].toString(), QString("audio"));
        QVERIFY(std::abs(o["bpm"].toDouble() - 110) < 2.2);
        QVERIFY(o.contains("downbeat") && o.contains("bpm_confidence"));
        QCOMPARE(o["bars"].toInt(), 10);
        QCOMPARE(o["windows"].toArray().size(), 3);
        QCOMPARE(o["windows"].toArray()[0].toObject()["correlation"].toArray().size(), 28);
        // The preferred range decides the octave: 110 BPM folded into 150..300 reads as 220.
        std::tie(code, o) = run({"windows", song, "--prefer-bpm", "150:300"});
        QCOMPARE(code, 0);
        QVERIFY2(std::abs(o["bpm"].toDouble() - 220) < 4.4, qPrintable(QString::number(o["bpm"].toDouble())));
        std::tie(code, o) = run({"windows", song, "--prefer-bpm", "100:120"});
        QCOMPARE(code, 2); // not an octave wide
        std::tie(code, o) = run({"ssm", song, "--bpm", "55", "--downbeat", "0"});
        QCOMPARE(code, 0);
        QCOMPARE(o["bpm"].toDouble(), 55.0);
        QCOMPARE(o["bpm_from_user"].toBool(), true);
        QCOMPARE(o["matrix"].toArray().size(), 5);
        const QString out = tmp.filePath("loop.wav");
        std::tie(code, o) = run({"export-audio", song, "--start-bar", "1", "--bars", "8", "--out", out});
        QCOMPARE(code, 0);
        QCOMPARE(o["sample_rate"].toInt(), 32000);
        QVERIFY(probeAudio(out.toStdString()).ok());
        QVERIFY(std::abs(probeAudio(out.toStdString())->seconds() - 8 * 240.0 / o["bpm"].toDouble()) < 0.001);
        QByteArray err;
        std::tie(code, o) = run({"export-audio", song, "--start-bar", "5", "--out", out}, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains("song.wav") && err.contains("past the end"), err.constData());
        std::tie(code, o) = run({"export-audio", song, "--start-bar", "0"});
        QCOMPARE(code, 2);
        const std::string junk = writeBytes(tmp, "junk.ogg", "OggS but nothing more");
        std::tie(code, o) = run({"windows", QString::fromStdString(junk)}, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains("junk.ogg"), err.constData());
    }

    void exportNeverDamagesAnExistingFile()
    {
        // A full disk, made with a file-size limit (works as root too): the
        // export fails with a message and the file that was there stays whole.
        QTemporaryDir tmp;
        const std::string src = tmp.filePath("song.wav").toStdString();
        QVERIFY(writeAudio(src, repeatingBars(120, 8, 44100), 1, 44100));
        const std::string out = tmp.filePath("loop.wav").toStdString();
        writeBytes(tmp, "loop.wav", "the user's own file");
        struct rlimit old {};
        ::getrlimit(RLIMIT_FSIZE, &old);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 4096;
        ::setrlimit(RLIMIT_FSIZE, &small);
        auto r = exportAudioBars(src, 120, 0, 0, 4, out);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().toString().find("loop.wav") != std::string::npos, r.error().toString().c_str());
        QCOMPARE(slurp(out), std::string("the user's own file"));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 2); // no temp file left behind
    }
};

QTEST_GUILESS_MAIN(TestAudio)
#include "test_audio.moc"
