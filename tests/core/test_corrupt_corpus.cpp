// The corrupt-input corpus (issue "Hardening"): more than 50 malformed MIDI and
// audio files, made here, imported beside good ones by the command-line tool.
// Each bad file gets a reason in the report, every good file is imported, the
// library stays sound, and the importer's memory stays bounded.
#include "AudioFixtures.h"
#include "Fixtures.h"
#include "Unreadable.h"

#include "core/library/LibraryDb.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace lm;
using namespace lm::test;

namespace {

void writeRaw(const QString& path, const Bytes& b)
{
    std::ofstream(path.toStdString(), std::ios::binary).write(reinterpret_cast<const char*>(b.data()), std::streamsize(b.size()));
}

Bytes readRaw(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestCorruptCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyBadFileIsReportedAndTheRestImports()
    {
        QTemporaryDir tmp;
        tmp.setAutoRemove(qEnvironmentVariableIsEmpty("LM_KEEP_CORPUS"));
        if (!qEnvironmentVariableIsEmpty("LM_KEEP_CORPUS"))
            qInfo("corpus in %s", qPrintable(tmp.path()));
        const QString bad = tmp.filePath("bad"), good = tmp.filePath("good");
        QDir().mkpath(bad);
        QDir().mkpath(good);
        // Good files: ten grooves and one audio loop.
        for (int i = 0; i < 10; ++i)
            QVERIFY(writeFileAtomically((good + QString("/groove%1.mid").arg(i)).toStdString(),
                                        encodeMidi(makeGroove(uint32_t(300 + i))))
                        .ok());
        QVERIFY(writeAudio((good + "/loop.wav").toStdString(), repeatingBars(120, 12, 22050), 1, 22050));

        QStringList expected; // every bad file name
        auto add = [&](const QString& name, const Bytes& b) {
            writeRaw(bad + "/" + name, b);
            expected << name;
        };
        // MIDI: a valid two-track file cut at every chunk boundary and inside each chunk.
        const Bytes midi = encodeMidi(makeGroove(77));
        std::vector<size_t> cuts = {0, 4, 8, 13, 14};
        for (size_t at = 14; at + 8 <= midi.size();) { // chunk starts
            const size_t len = (size_t(midi[at + 4]) << 24) | (size_t(midi[at + 5]) << 16) | (size_t(midi[at + 6]) << 8) | midi[at + 7];
            cuts.push_back(at + 4);
            cuts.push_back(at + 8);
            cuts.push_back(at + 8 + len / 2);
            at += 8 + len;
        }
        for (size_t c : cuts)
            add(QString("cut_at_%1.mid").arg(c), Bytes(midi.begin(), midi.begin() + long(c)));
        // Lying chunk lengths.
        add("header_len_1000.mid", concat({header(1, 1, 96, 1000), track(kEndOfTrack)}));
        add("track_len_too_long.mid", concat({header(1, 1, 96), track(kEndOfTrack, 100000)}));
        add("track_len_too_short.mid", concat({header(1, 1, 96), track({0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00}, 5)}));
        // Data bytes with no status ("endless running status" from nothing), 100,000 of them.
        Bytes endless = {0x00};
        for (int i = 0; i < 100000; ++i)
            endless.push_back(uint8_t(i % 2 ? 0x40 : 0x00));
        add("endless_running_status.mid", concat({header(0, 1, 96), track(endless)}));
        // Delta times near 2^28 (the largest a variable-length quantity holds), many of them.
        Bytes huge;
        for (int i = 0; i < 50; ++i)
            append(huge, {0xFF, 0xFF, 0xFF, 0x7F, 0x90, 60, 100});
        huge.insert(huge.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        add("delta_2_28.mid", concat({header(0, 1, 96), track(huge)}));
        add("delta_too_long.mid", concat({header(0, 1, 96), track({0x80, 0x80, 0x80, 0x80, 0x00, 0x90, 60, 100, 0x00, 0xFF, 0x2F, 0x00})}));
        add("tpq_zero.mid", concat({header(0, 1, 0), track(kEndOfTrack)}));
        add("smpte.mid", concat({header(0, 1, 0xE728), track(kEndOfTrack)}));
        add("format_2.mid", concat({header(2, 1, 96), track(kEndOfTrack)}));
        add("tracks_65535_claimed.mid", concat({header(1, 65535, 96), track(kEndOfTrack)}));
        add("no_end_of_track.mid", concat({header(0, 1, 96), track({0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0})}));
        add("empty.mid", {});
        add("text.mid", Bytes{'h', 'e', 'l', 'l', 'o', ' ', 'm', 'i', 'd', 'i'});
        add("sysex_too_long.mid", concat({header(0, 1, 96), track({0x00, 0xF0, 0x8F, 0xFF, 0xFF, 0x7F, 0x01})}));
        add("meta_too_long.mid", concat({header(0, 1, 96), track({0x00, 0xFF, 0x01, 0x8F, 0xFF, 0xFF, 0x7F, 0x41})}));
        add("empty_tracks.mid", concat({header(1, 3, 96), track(kEndOfTrack), track(kEndOfTrack), track(kEndOfTrack)}));
        add("drums_only.mid", encodeMidi([] {
                SongBuilder b(96);
                for (int i = 0; i < 64; ++i)
                    b.note(1, 9, 36, uint64_t(i) * 24, uint64_t(i) * 24 + 12, 100);
                return b.build();
            }()));
        // A 100 MB file of one note: refused by size before it is read.
        {
            Bytes one = concat({header(0, 1, 96)});
            Bytes events = {0x00, 0x90, 60, 100};
            events.resize(100u << 20, 0x00);
            one = concat({one, track(events)});
            add("one_note_100MB.mid", one);
        }
        // Audio.
        const QString wavPath = tmp.filePath("ok.wav");
        QVERIFY(writeAudio(wavPath.toStdString(), repeatingBars(120, 4, 8000), 1, 8000));
        const Bytes wav = readRaw(wavPath);
        auto patched = [&](size_t at, std::initializer_list<int> v) {
            Bytes b = wav;
            size_t i = at;
            for (int x : v)
                b[i++] = uint8_t(x);
            return b;
        };
        add("wav_data_size_lies.wav", patched(40, {0xFF, 0xFF, 0xFF, 0x7F}));
        add("wav_riff_size_lies.wav", patched(4, {0x01, 0x00, 0x00, 0x00}));
        add("wav_zero_frames.wav", Bytes(wav.begin(), wav.begin() + 44));
        add("wav_10000_channels.wav", patched(22, {0x10, 0x27}));
        add("wav_rate_0.wav", patched(24, {0, 0, 0, 0}));
        add("wav_rate_10MHz.wav", patched(24, {0x80, 0x96, 0x98, 0x00}));
        add("wav_format_tag_99.wav", patched(20, {99, 0}));
        add("wav_header_only.wav", Bytes(wav.begin(), wav.begin() + 12));
        add("not_audio.wav", Bytes(300, 'z'));
        add("midi_bytes.wav", midi);
        add("empty.flac", {});
        add("garbage.flac", Bytes{'f', 'L', 'a', 'C', 0, 0, 0, 34, 1, 2, 3});
        add("garbage.ogg", Bytes{'O', 'g', 'g', 'S', 0, 2, 0, 0});
        add("garbage.aiff", Bytes{'F', 'O', 'R', 'M', 0, 0, 0, 4, 'A', 'I', 'F', 'F'});
        add("garbage.mp3", Bytes{'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});
        add("silence.wav", [&] {
            const QString p = tmp.filePath("s.wav");
            writeAudio(p.toStdString(), std::vector<float>(8000 * 30, 0.0f), 1, 8000);
            return readRaw(p);
        }());
        {
            QTemporaryDir t2;
            const QString p = t2.filePath("t.flac");
            QVERIFY(writeAudio(p.toStdString(), repeatingBars(120, 8, 22050), 1, 22050, SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
            const Bytes flac = readRaw(p);
            add("flac_cut_in_header.flac", Bytes(flac.begin(), flac.begin() + 30));
        }
        // A link to itself, a link to nowhere, and a folder that links back to its parent.
        QVERIFY(::symlink("self.mid", (bad + "/self.mid").toUtf8().constData()) == 0);
        expected << "self.mid";
        QVERIFY(::symlink("/nonexistent/x.mid", (bad + "/dangling.mid").toUtf8().constData()) == 0);
        expected << "dangling.mid";
        QVERIFY(::symlink(".", (bad + "/loop").toUtf8().constData()) == 0);
        // A good file with mode 0. The tests run as root, who reads it anyway, so the scan
        // runs without root's read overrides (see Unreadable.h): it must say so by name.
        writeRaw(bad + "/locked.mid", midi);
        QCOMPARE(::chmod((bad + "/locked.mid").toUtf8().constData(), 0), 0);
        expected << "locked.mid";
        QVERIFY2(expected.size() >= 50, qPrintable(QString::number(expected.size())));

        const QString db = tmp.filePath("lib.sqlite");
        QProcess scan;
        scan.setChildProcessModifier(dropReadOverrideInChild);
        scan.start(LM_CLI, {"scan", good, bad, "--db", db, "--quiet"});
        QVERIFY(scan.waitForFinished(300000));
        QCOMPARE(scan.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(scan.readAllStandardOutput()).object();
        QMap<QString, QString> reasons;
        for (const auto& v : o["skipped"].toArray())
            reasons[QFileInfo(v.toObject()["file"].toString()).fileName()] = v.toObject()["reason"].toString();
        QStringList missing;
        for (const QString& name : expected)
            if (reasons.value(name).isEmpty())
                missing << name;
        QVERIFY2(missing.isEmpty(), qPrintable("no reason for: " + missing.join(", ")));
        QVERIFY(reasons["one_note_100MB.mid"].contains("too large"));
        QVERIFY2(reasons["tpq_zero.mid"].contains("zero ticks per quarter note"), qPrintable(reasons["tpq_zero.mid"]));
        QVERIFY2(reasons["locked.mid"].contains(QString::fromLocal8Bit(std::strerror(EACCES))), qPrintable(reasons["locked.mid"]));
        QVERIFY(reasons["wav_10000_channels.wav"].contains("channel"));
        QVERIFY(reasons["self.mid"].contains("link"));
        // The good files are all there, usable.
        auto lib = LibraryDb::open(db.toStdString());
        QVERIFY(lib.ok());
        QVERIFY((*lib)->integrityCheck().ok());
        FileQuery goodOnly;
        goodOnly.text = "/good/";
        goodOnly.usableOnly = true;
        QCOMPARE((*lib)->countFiles(goodOnly), int64_t(11));
        // Memory: the importer never came near the 100 MB file's size, let alone more.
        const double peak = o["peak_rss_mb"].toDouble();
        qInfo("%d bad files, each with a reason; importer peak RSS %.0f MB", int(expected.size()), peak);
        QVERIFY2(peak > 0, qPrintable(QString::number(peak)));
#if defined(__SANITIZE_ADDRESS__)
        // Under AddressSanitizer the RSS holds its shadow memory and the freed
        // blocks it keeps in quarantine (292 MB seen here, 155 MB with an 8 MB
        // quarantine): the bound is checked by the plain build, which ./test runs.
        qInfo("AddressSanitizer build: the 200 MB bound is left to the plain build");
#else
        QVERIFY2(peak < 200, qPrintable(QString::number(peak)));
#endif
        for (const QString& name : expected)
            qDebug("%s: %s", qPrintable(name), qPrintable(reasons[name]));
    }
};

QTEST_GUILESS_MAIN(TestCorruptCorpus)
#include "test_corrupt_corpus.moc"
