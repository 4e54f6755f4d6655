// Export of library loops (issue 14, item 6 and `loopminer-cli export`):
// drum maps and file name patterns as pure functions; then real libraries of
// real MIDI files, exported by the real CLI and read back through the
// project's reader and analysis to exactly the library windows' rolls.
#include "AudioFixtures.h"
#include "QtFileFixtures.h"
#include "CliRun.h"
#include "Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioReader.h"
#include "core/io/MidiReader.h"
#include "core/library/LibraryImport.h"
#include "core/library/LoopExport.h"
#include "core/model/RollToMidi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <map>

using namespace lm;
using namespace lm::test;

namespace {

// The roll of a window as the library's analysis gives it: the source file
// read and analysed on its own (not through the export code).
std::vector<uint64_t> sourceWindow(const std::string& path, int64_t startBar)
{
    auto midi = readMidiFile(path);
    if (!midi)
        qFatal("%s", midi.error().toString().c_str());
    return windowSteps(analysePiece(*midi), startBar);
}

PieceAnalysis readBack(const QString& path)
{
    auto midi = readMidiFile(path.toStdString());
    if (!midi)
        qFatal("%s", midi.error().toString().c_str());
    return analysePiece(*midi);
}

// Note-ons on channel 10 of a file: note -> count.
std::map<int, int> drumNotes(const QString& path)
{
    std::map<int, int> out;
    auto midi = readMidiFile(path.toStdString());
    for (const MidiTrack& t : midi->tracks)
        for (const MidiEvent& e : t.events)
            if (e.isNoteOn() && e.channel() == format::kDrumChannel)
                ++out[e.data1];
    return out;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir lib_;
    QString db_;
    std::vector<LoopRow> loops_;

private Q_SLOTS:
    void initTestCase()
    {
        const QString music = lib_.filePath("music");
        QVERIFY(QDir().mkpath(music));
        for (int i = 0; i < 4; ++i)
            QVERIFY(writeMidiFile(music.toStdString() + "/groove " + std::to_string(i) + ".mid", makeGroove(40 + i)).ok());
        db_ = lib_.filePath("lib.sqlite");
        auto db = LibraryDb::open(db_.toStdString());
        QVERIFY(db.ok());
        JobContext job;
        ImportOptions o;
        o.roots = {music.toStdString()};
        QVERIFY(importLibrary(**db, o, job).ok());
        loops_ = (*db)->loopRows(LoopQuery{}, 0, 1000);
        QVERIFY2(loops_.size() >= 6, "the fixture library needs a few kept windows");
    }

    void drumMapsParseAndNameTheirBadLines()
    {
        auto m = parseDrumMap("# my kit\nkick 36\n  Closed_Hi-Hat = 44  # pedal\n\nride:53\n", "kit.txt");
        QVERIFY2(m.ok(), m.error().toString().c_str());
        QCOMPARE(int(m->notes[0]), 36);
        QCOMPARE(int(m->notes[2]), 44);
        QCOMPARE(int(m->notes[8]), 53);
        QCOMPARE(int(m->notes[1]), int(format::kDrumOutputNote[1])); // not named: General MIDI
        QVERIFY(!m->isGeneralMidi());
        QVERIFY(DrumMap{}.isGeneralMidi());
        const std::pair<const char*, const char*> bad[] = {
            {"kick 36\ncowbell 56\n", "kit.txt: line 2: unknown drum class 'cowbell'"},
            {"kick 36\n\nsnare 200\n", "kit.txt: line 3: the note of snare must be a whole number from 0 to 127"},
            {"kick\n", "kit.txt: line 1: 'kick' is not a drum class and a note"},
            {"snare x1\n", "kit.txt: line 1: the note of snare"},
            {"kick 36\nkick 35\n", "kit.txt: line 2: Kick is mapped twice"},
        };
        for (const auto& [text, message] : bad) {
            auto r = parseDrumMap(text, "kit.txt");
            QVERIFY(!r.ok());
            QVERIFY2(r.error().toString().rfind(message, 0) == 0, r.error().toString().c_str());
        }
        auto missing = readDrumMapFile(lib_.filePath("no-such-map.txt").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().toString().find("no-such-map.txt") != std::string::npos);
    }

    void patternsFillTheirFieldsSafely()
    {
        LoopNameFields f{"My/Song: live?", 9, 0.000123, "m12", 127.96, 3, 120};
        QCOMPARE(expandExportPattern("{source}_{bar}_{score}", f), std::string("My_Song_ live__9_0.000123"));
        QCOMPARE(expandExportPattern("{n}-{id}@{tempo}", f), std::string("003-m12@128"));
        f.score.reset();
        QCOMPARE(expandExportPattern("{score}", f), std::string("none"));
        QCOMPARE(expandExportPattern("..{id}. ", f), std::string("m12"));
        QCOMPARE(sanitiseFileName("con"), std::string("_con"));
        QCOMPARE(sanitiseFileName("Aux.mid"), std::string("_Aux.mid"));
        QCOMPARE(sanitiseFileName("a\tb\\c"), std::string("a_b_c"));
        QCOMPARE(sanitiseFileName("..."), std::string("loop"));
        const std::string longName = std::string(119, 'a') + "\xC3\xA9" + "zzz"; // é across the 120-byte cut
        QCOMPARE(sanitiseFileName(longName), std::string(119, 'a'));
        QVERIFY(!checkExportPattern("{source}_{bar}"));
        QVERIFY(checkExportPattern("{source}_{bars}")->message.find("unknown field {bars}") != std::string::npos);
        QVERIFY(checkExportPattern("{source")->message.find("without its '}'") != std::string::npos);
        QVERIFY(checkExportPattern(""));
        std::vector<std::string> names = {"a", "b", "A", "a", "a-2"};
        makeNamesUnique(names);
        QCOMPARE(names, (std::vector<std::string>{"a", "b", "A-3", "a-4", "a-2"}));
    }

    void drumMapChangesOnlyTheNotes()
    {
        std::vector<uint64_t> steps(format::kWindowSteps, 0);
        steps[0] = 0b11; // kick and snare together
        steps[4] = 0b100000001; // kick and ride
        RollExportOptions gm;
        const MidiFile plain = rollToMidi(steps, gm);
        RollExportOptions mapped;
        mapped.drumNotes = format::kDrumOutputNote;
        mapped.drumNotes[0] = 60;
        mapped.drumNotes[1] = 60; // kick and snare on one pad: one hit where they meet
        const MidiFile m = rollToMidi(steps, mapped);
        auto ons = [](const MidiFile& f) {
            std::vector<std::pair<uint64_t, int>> out;
            for (const MidiEvent& e : f.tracks[1].events)
                if (e.isNoteOn())
                    out.emplace_back(e.tick, e.data1);
            return out;
        };
        QCOMPARE(ons(plain), (std::vector<std::pair<uint64_t, int>>{{0, 35}, {0, 38}, {480, 35}, {480, 51}}));
        QCOMPARE(ons(m), (std::vector<std::pair<uint64_t, int>>{{0, 60}, {480, 60}, {480, 51}}));
    }

    void newFilesNeverReplaceOldOnes()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("x.mid").toStdString();
        QVERIFY(writeNewFileAtomically(path, {1, 2, 3}).ok());
        auto again = writeNewFileAtomically(path, {4, 5});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().toString(), path + ": exists; not replaced");
        QCOMPARE(fileBytes(tmp.filePath("x.mid")), QByteArray("\x01\x02\x03", 3));
        QCOMPARE(entries(tmp.path()), QStringList{"x.mid"}); // no temp file left behind
    }

    void cliExportReadsBackToTheLibraryWindows()
    {
        QTemporaryDir out;
        QStringList ids;
        for (size_t i = 0; i < 5; ++i)
            ids << QStringLiteral("m%1").arg(loops_[i].windowId);
        const CliRun r = runCli({"export", "--db", db_, "--ids", ids.join(','), "--out", out.path()});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray files = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(files.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const LoopRow& loop = loops_[size_t(i)];
            const QJsonObject o = files[i].toObject();
            QCOMPARE(o["id"].toString(), ids[i]);
            const QString file = o["file"].toString();
            const QString stem = QFileInfo(QString::fromStdString(loop.path)).completeBaseName();
            QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("%1_bar%2_%3.mid").arg(stem).arg(loop.startBar + 1).arg(ids[i]));
            const PieceAnalysis back = readBack(file);
            QVERIFY(back.usable);
            QCOMPARE(back.bars(), int64_t(8));
            QCOMPARE(back.bassProgram, 34);
            QCOMPARE(back.drumChannel, format::kDrumChannel);
            QVERIFY(std::abs(back.firstTempoBpm() - loop.tempoBpm) < 0.01); // the source tempo
            QCOMPARE(back.timeSignatures.size(), size_t(1));
            QCOMPARE(back.timeSignatures[0].numerator, 4);
            QCOMPARE(windowSteps(back, 0), sourceWindow(loop.path, loop.startBar));
        }
        QCOMPARE(entries(out.path()).size(), 5);
    }

    void repeatTempoPatternAndDrumMap()
    {
        QTemporaryDir out;
        writeBytes(out.filePath("kit.txt"), "kick 60\nsnare 61\nclosed hi-hat 62\n");
        const LoopRow& loop = loops_[1];
        const QString id = QStringLiteral("m%1").arg(loop.windowId);
        const CliRun r = runCli({"export", "--db", db_, "--ids", id, "--out", out.filePath("new/folder"), "--repeat", "3",
                                 "--tempo", "97", "--pattern", "{n}_{source}_{tempo}", "--drum-map", out.filePath("kit.txt"),
                                 "--bass-program", "33"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString file = QDir(out.filePath("new/folder")).filePath(
            QStringLiteral("1_%1_97.mid").arg(QFileInfo(QString::fromStdString(loop.path)).completeBaseName()));
        QCOMPARE(QJsonDocument::fromJson(r.out).array()[0].toObject()["file"].toString(), file);
        auto midi = readMidiFile(file.toStdString());
        QVERIFY(midi.ok());
        QCOMPARE(midi->tempoChanges().size(), size_t(1));
        QCOMPARE(midi->tempoChanges()[0].microsPerQuarter, uint32_t(std::lround(60e6 / 97)));
        QCOMPARE(midi->tracks[0].name(), std::string("loopminer"));
        QCOMPARE(midi->tracks[1].name(), std::string("Drums"));
        QCOMPARE(midi->tracks[2].name(), std::string("Bass"));
        // Repeated: 24 bars, each 8 the window; the drum notes are the map's.
        const std::vector<uint64_t> source = sourceWindow(loop.path, loop.startBar);
        std::map<int, int> expected;
        for (int rep = 0; rep < 3; ++rep)
            for (uint64_t step : source)
                for (int row = 0; row < format::kDrumRows; ++row)
                    if ((step >> row) & 1u)
                        ++expected[row < 3 ? 60 + row : format::kDrumOutputNote[size_t(row)]];
        QCOMPARE(drumNotes(file), expected);
        QVERIFY(expected.count(60) && expected.count(62));
        // Without the map (General MIDI) the same loop reads back to 3 x the window.
        const CliRun gm = runCli({"export", "--db", db_, "--ids", id, "--out", out.path(), "--repeat", "3"});
        QVERIFY2(gm.code == 0, gm.err.constData());
        const PieceAnalysis back = readBack(QJsonDocument::fromJson(gm.out).array()[0].toObject()["file"].toString());
        QCOMPARE(back.bars(), int64_t(24));
        QCOMPARE(back.bassProgram, 34);
        for (int rep = 0; rep < 3; ++rep)
            QCOMPARE(windowSteps(back, 8 * rep), source);
    }

    void existingFilesAreKeptWithoutOverwrite()
    {
        QTemporaryDir out;
        const QString id = QStringLiteral("m%1").arg(loops_[2].windowId);
        const QStringList args{"export", "--db", db_, "--ids", id, "--out", out.path(), "--pattern", "same"};
        QCOMPARE(runCli(args).code, 0);
        const QString file = out.filePath("same.mid");
        const QByteArray before = fileBytes(file);
        const CliRun again = runCli(args + QStringList{"--tempo", "61"});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(file.toUtf8() + ": exists; not replaced"), again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out).array().size(), 0);
        QCOMPARE(fileBytes(file), before);
        QCOMPARE(entries(out.path()), QStringList{"same.mid"});
        const CliRun replaced = runCli(args + QStringList{"--tempo", "61", "--overwrite"});
        QVERIFY2(replaced.code == 0, replaced.err.constData());
        QVERIFY(fileBytes(file) != before);
        QVERIFY(std::abs(readBack(file).firstTempoBpm() - 61) < 0.01);
        // Two loops to one name in one batch: the second gets "-2".
        const QString two = id + QStringLiteral(",m%1").arg(loops_[3].windowId);
        const CliRun batch = runCli({"export", "--db", db_, "--ids", two, "--out", out.filePath("b"), "--pattern", "x"});
        QVERIFY2(batch.code == 0, batch.err.constData());
        QCOMPARE(entries(out.filePath("b")), (QStringList{"x-2.mid", "x.mid"}));
    }

    // Generated loops kept in the library (and one still pending) export from their stored rolls.
    void generatedLoopsExportTheirRolls()
    {
        QTemporaryDir out;
        GenerationBatch batch;
        batch.modelName = "default";
        batch.settings.tempoBpm = 97;
        std::vector<std::vector<uint64_t>> rolls;
        for (size_t i = 0; i < 2; ++i) {
            rolls.push_back(sourceWindow(loops_[i].path, loops_[i].startBar)); // whole 8 bars, as a model's loop
            StoredGeneratedLoop g;
            g.loop = GeneratedLoop{rolls.back(), 0.0001 * double(i + 1), 3, 2};
            batch.loops.push_back(g);
        }
        QStringList ids;
        {
            auto db = LibraryDb::open(db_.toStdString());
            QVERIFY(db.ok());
            auto kept = (*db)->addGenerationBatch(batch, true);
            QVERIFY2(kept.ok(), kept.ok() ? "" : kept.error().toString().c_str());
            auto pending = (*db)->addGenerationBatch(batch, false);
            QVERIFY(pending.ok());
            ids << QString::fromStdString(kept->loops[0].loopId().text()) << QString::fromStdString(kept->loops[1].loopId().text())
                << QString::fromStdString(pending->loops[0].loopId().text());
        }
        const CliRun r = runCli({"export", "--db", db_, "--ids", ids.join(','), "--out", out.path()});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray files = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(files.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject o = files[i].toObject();
            QCOMPARE(o["source"].toString(), QString("generated"));
            QCOMPARE(QFileInfo(o["file"].toString()).fileName(), QStringLiteral("generated_bar1_%1.mid").arg(ids[i]));
            const PieceAnalysis back = readBack(o["file"].toString());
            QCOMPARE(back.bars(), int64_t(8));
            QVERIFY(std::abs(back.firstTempoBpm() - 97) < 0.01);
            QCOMPARE(windowSteps(back, 0), rolls[size_t(i % 2)]);
        }
    }

    // An audio piece's loop: a WAV cut of its 8 bars at its own rate and channels.
    void audioLoopsAreWavCuts()
    {
        QTemporaryDir tmp;
        const std::string song = tmp.filePath("song.wav").toStdString();
        QVERIFY(writeAudio(song, toChannels(changingBars(120, 12, 44100), 2), 2, 44100)); // every bar its own tone
        const QString db = tmp.filePath("audio.sqlite");
        std::vector<LoopRow> loops;
        {
            auto lib = LibraryDb::open(db.toStdString());
            QVERIFY(lib.ok());
            JobContext job;
            ImportOptions o;
            o.roots = {song};
            o.audioTempo.bpm = 120;
            o.audioTempo.downbeat = 0;
            QVERIFY(importLibrary(**lib, o, job).ok());
            loops = (*lib)->loopRows(LoopQuery{}, 0, 10);
        }
        QVERIFY(loops.size() >= 2);
        const LoopRow& loop = loops[1];
        QCOMPARE(loop.startBar, int64_t(1));
        const CliRun r = runCli({"export", "--db", db, "--ids", QStringLiteral("m%1").arg(loop.windowId), "--out",
                                 tmp.filePath("out"), "--repeat", "4", "--tempo", "90"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).array()[0].toObject();
        QCOMPARE(o["format"].toString(), QString("wav"));
        QCOMPARE(o["bpm"].toDouble(), 120.0); // its own tempo: repeat and tempo are MIDI's
        const QString file = o["file"].toString();
        QVERIFY(file.endsWith("song_bar2_m" + QString::number(loop.windowId) + ".wav"));
        auto info = probeAudio(file.toStdString());
        QVERIFY(info.ok());
        QCOMPARE(info->sampleRate, 44100);
        QCOMPARE(info->channels, 2);
        QCOMPARE(info->frames, int64_t(8 * 2 * 44100)); // 8 bars of 2 s
        // Away from the 5 ms fades, the samples are the source's bars 2-9.
        auto frames = [](const std::string& path, int64_t from, int64_t count) {
            SF_INFO si{};
            SNDFILE* f = sf_open(path.c_str(), SFM_READ, &si);
            std::vector<short> x(size_t(count * si.channels));
            sf_seek(f, from, SEEK_SET);
            sf_readf_short(f, x.data(), count);
            sf_close(f);
            return x;
        };
        QCOMPARE(frames(file.toStdString(), 44100, 1000), frames(song, 2 * 44100 + 44100, 1000));
    }

    void badInputIsNamedAndWritesNothing()
    {
        QTemporaryDir out;
        const QString good = QStringLiteral("m%1").arg(loops_[0].windowId);
        checkMissingInput({"export", "--db", "nolib.sqlite", "--ids", good, "--out", "o"}, "nolib.sqlite");
        auto failsWith = [&](const QStringList& extra, int code, const QByteArray& named) {
            const CliRun r = runCli(QStringList{"export", "--db", db_, "--out", out.filePath("o")} + extra);
            QCOMPARE(r.code, code);
            QVERIFY2(r.err.contains(named), r.err.constData());
            QVERIFY(!QFileInfo::exists(out.filePath("o")));
        };
        failsWith({"--ids", good + ",m999999"}, 1, "no loop m999999");
        failsWith({"--ids", good + ",g999999"}, 1, "no loop g999999");
        writeBytes(out.filePath("bad.txt"), "kick 36\ntom 40\n");
        failsWith({"--ids", good, "--drum-map", out.filePath("bad.txt")}, 1, out.filePath("bad.txt").toUtf8() + ": line 2: unknown drum class 'tom'");
        failsWith({"--ids", "x12"}, 2, "not 'x12'");
        failsWith({"--ids", good, "--repeat", "0"}, 2, "--repeat");
        failsWith({"--ids", good, "--tempo", "fast"}, 2, "--tempo");
        failsWith({"--ids", good, "--pattern", "{title}"}, 2, "unknown field {title}");
        failsWith({"--ids", good, "--colour"}, 2, "--colour");
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
