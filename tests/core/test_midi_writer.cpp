// The writer: what it writes reads back equal; files are replaced atomically.
#include "MidiBytes.h"

#include "core/base/FileBytes.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace lm;
using namespace lm::test;

class TestMidiWriter : public QObject {
    Q_OBJECT

    static MidiFile song()
    {
        SongBuilder b(96);
        b.tempo(93.5).timeSig(4, 4).timeSig(6, 8, 384 * 2);
        b.track(0).events.push_back(MidiEvent::meta(0, meta::TrackName, "Conductor"));
        b.track(0).events.push_back(MidiEvent::meta(0, meta::KeySignature, std::string{char(-2), 1}));
        b.track(1).events.push_back(MidiEvent::meta(0, meta::TrackName, "Drums"));
        for (int i = 0; i < 16; ++i)
            b.note(1, 9, i % 2 ? 38 : 36, uint64_t(i) * 96, uint64_t(i) * 96 + 10, 90 + i);
        MidiEvent sysex;
        sysex.kind = MidiEvent::Kind::SysEx;
        sysex.status = 0xF0;
        sysex.data = std::string("\x7E\x7F\x09\x01\xF7", 5);
        b.track(2).events.push_back(sysex);
        b.program(2, 1, 34);
        b.track(2).events.push_back(MidiEvent::channelMessage(0, 0xB1, 7, 100));
        b.track(2).events.push_back(MidiEvent::channelMessage(5, 0xE1, 0, 64));
        for (int i = 0; i < 8; ++i)
            b.note(2, 1, 28 + i, uint64_t(i) * 192, uint64_t(i) * 192 + 150);
        b.track(2).events.push_back(MidiEvent::channelMessage(1600, 0xD1, 30));
        b.track(2).events.push_back(MidiEvent::channelMessage(100000000, 0x91, 40, 1)); // a long delta
        return b.build();
    }

    static void compareFiles(const MidiFile& a, const MidiFile& b)
    {
        QCOMPARE(a.format, b.format);
        QCOMPARE(a.ticksPerQuarter, b.ticksPerQuarter);
        QCOMPARE(a.tracks.size(), b.tracks.size());
        for (size_t t = 0; t < a.tracks.size(); ++t) {
            QCOMPARE(a.tracks[t].events.size(), b.tracks[t].events.size());
            for (size_t i = 0; i < a.tracks[t].events.size(); ++i)
                QVERIFY2(a.tracks[t].events[i] == b.tracks[t].events[i],
                         qPrintable(QString("track %1 event %2").arg(t).arg(i)));
        }
    }

private Q_SLOTS:
    void roundTripInMemory()
    {
        const MidiFile f = song();
        const auto bytes = encodeMidi(f);
        auto back = parseMidi(bytes.data(), bytes.size(), "mem.mid");
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        compareFiles(f, *back);
        QCOMPARE(back->tracks[0].name(), std::string("Conductor"));
        QCOMPARE(back->timeSignatures().size(), size_t(2));
        QCOMPARE(back->timeSignatures()[1].denominator, 8);
        QVERIFY(qAbs(back->tempoChanges()[0].bpm() - 93.5) < 0.01);
    }

    void roundTripOfEveryGoldenFile()
    {
        QDir dir(LM_TEST_DATA "/golden");
        const auto names = dir.entryList({"*.mid"});
        QVERIFY(names.size() >= 10);
        for (const QString& name : names) {
            auto f = readMidiFile(dir.filePath(name).toStdString());
            QVERIFY(f.ok());
            const auto bytes = encodeMidi(*f);
            auto back = parseMidi(bytes.data(), bytes.size(), name.toStdString());
            QVERIFY(back.ok());
            compareFiles(*f, *back);
        }
    }

    void writesThroughATemporaryFileAndReplaces()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("out.mid").toStdString();
        QVERIFY(writeMidiFile(path, song()).ok());
        SongBuilder small(480);
        small.note(0, 9, 36, 0, 10);
        QVERIFY(writeMidiFile(path, small.build()).ok());
        auto back = readMidiFile(path);
        QVERIFY(back.ok());
        QCOMPARE(back->ticksPerQuarter, 480);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), QStringList{"out.mid"}); // no temp file left
    }

    void unwritableFolderIsAnErrorNamingTheFile()
    {
        auto r = writeMidiFile("/nonexistent-folder/out.mid", song());
        QVERIFY(!r.ok());
        QVERIFY(r.error().toString().find("/nonexistent-folder/out.mid") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMidiWriter)
#include "test_midi_writer.moc"
