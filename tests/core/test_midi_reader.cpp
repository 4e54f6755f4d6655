// The Standard MIDI File reader: valid input, and every malformed case giving
// an error that names the file, the byte offset and the problem.
#include "MidiBytes.h"

#include "core/io/MidiReader.h"

#include <QtTest>

using namespace lm;
using namespace lm::test;

class TestMidiReader : public QObject {
    Q_OBJECT

    static Result<MidiFile> parse(const Bytes& b) { return parseMidi(b.data(), b.size(), "test.mid"); }

    // Asserts failure, the file name and offset in the message, and a keyword.
    static void expectError(const Bytes& b, const char* keyword, long long offset = -2)
    {
        auto r = parse(b);
        QVERIFY2(!r.ok(), keyword);
        const std::string text = r.error().toString();
        QVERIFY2(text.rfind("test.mid: ", 0) == 0, text.c_str());
        QVERIFY2(text.find(keyword) != std::string::npos, text.c_str());
        QVERIFY2(r.error().offset >= 0, text.c_str());
        if (offset != -2)
            QCOMPARE(r.error().offset, offset);
    }

    static Bytes simpleTrack()
    {
        // note on 36, running-status note-off as velocity 0, end of track
        return {0x00, 0x99, 36, 100, 0x60, 36, 0x00, 0x00, 0xFF, 0x2F, 0x00};
    }

private Q_SLOTS:
    void readsFormat0WithRunningStatus()
    {
        auto r = parse(concat({header(0, 1, 96), track(simpleTrack())}));
        QVERIFY(r.ok());
        QCOMPARE(r->format, 0);
        QCOMPARE(r->ticksPerQuarter, 96);
        QCOMPARE(int(r->tracks.size()), 1);
        const auto& ev = r->tracks[0].events;
        QCOMPARE(int(ev.size()), 3);
        QVERIFY(ev[0].isNoteOn());
        QVERIFY(ev[1].isNoteOff()); // velocity 0 through running status
        QCOMPARE(ev[1].tick, uint64_t(0x60));
        QCOMPARE(ev[1].channel(), uint8_t(9));
    }

    void readsMetaEventsAndSkipsSysEx()
    {
        Bytes ev = {0x00, 0xFF, 0x03, 4, 'B', 'a', 's', 's',           // track name
                    0x00, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20,             // tempo 500000
                    0x00, 0xFF, 0x58, 4, 3, 2, 24, 8,                  // 3/4
                    0x00, 0xFF, 0x59, 2, 0xFE, 0,                      // key signature
                    0x00, 0xF0, 3, 0x7E, 0x7F, 0xF7,                   // SysEx
                    0x10, 0xF7, 2, 0xF3, 0x01,                         // escape
                    0x00, 0xC1, 33,                                    // program change (1 data byte)
                    0x00, 0x91, 40, 90, 0x10, 0x81, 40, 0};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        auto r = parse(concat({header(1, 1, 480), track(ev)}));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->tracks[0].name(), std::string("Bass"));
        QCOMPARE(r->tempoChanges().size(), size_t(1));
        QCOMPARE(r->tempoChanges()[0].microsPerQuarter, 500000u);
        QCOMPARE(r->timeSignatures()[0].numerator, 3);
        QCOMPARE(r->timeSignatures()[0].denominator, 4);
        int sysex = 0, notes = 0;
        for (const auto& e : r->tracks[0].events) {
            sysex += e.kind == MidiEvent::Kind::SysEx;
            notes += e.isNoteOn();
        }
        QCOMPARE(sysex, 2);
        QCOMPARE(notes, 1);
        // The escape's payload bytes (0xF3 ...) must not have been read as events.
        QCOMPARE(r->tracks[0].events.back().tick, uint64_t(0x20));
    }

    void skipsUnknownChunksAndToleratesFewerTracks()
    {
        Bytes unknown = {'X', 'F', 'I', 'H', 0, 0, 0, 2, 1, 2};
        auto r = parse(concat({header(1, 3, 480), unknown, track(simpleTrack())}));
        QVERIFY(r.ok());
        QCOMPARE(int(r->tracks.size()), 1);
    }

    void format2IsAClearError() { expectError(concat({header(2, 1, 480), track(simpleTrack())}), "format 2", 8); }
    void smpteIsAClearError() { expectError(concat({header(1, 1, 0xE728), track(simpleTrack())}), "SMPTE", 12); }
    void zeroDivisionIsAnError() { expectError(concat({header(1, 1, 0), track(simpleTrack())}), "zero ticks", 12); }
    void notMidi() { expectError(Bytes(100, 'x'), "not a Standard MIDI File", 0); }
    void shortHeaderLength() { expectError(concat({header(1, 1, 480, 4), track(simpleTrack())}), "less than 6", 4); }

    void trackLengthTooLong()
    {
        expectError(concat({header(1, 1, 480), track(simpleTrack(), 5000)}), "truncated", 18);
    }
    void trackLengthTooShort()
    {
        // the chunk ends inside the second event
        expectError(concat({header(1, 1, 480), track(simpleTrack(), 5)}), "event missing after delta time", 27);
    }
    void missingEndOfTrack()
    {
        Bytes ev = {0x00, 0x99, 36, 100, 0x60, 36, 0x00};
        expectError(concat({header(1, 1, 480), track(ev)}), "no end-of-track");
    }
    void deltaTimeOverflow()
    {
        Bytes ev = {0x81, 0x82, 0x83, 0x84, 0x05, 0x99, 36, 100};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        expectError(concat({header(1, 1, 480), track(ev)}), "longer than 4 bytes", 22);
    }
    void largestDeltaIsAccepted()
    {
        Bytes ev = {0xFF, 0xFF, 0xFF, 0x7F, 0x99, 36, 100};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        auto r = parse(concat({header(1, 1, 480), track(ev)}));
        QVERIFY(r.ok());
        QCOMPARE(r->tracks[0].events[0].tick, uint64_t(0x0FFFFFFF));
    }
    void dataByteWithoutRunningStatus()
    {
        Bytes ev = {0x00, 36, 100};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        expectError(concat({header(1, 1, 480), track(ev)}), "no running status", 23);
    }
    void dataByteWithTopBit()
    {
        Bytes ev = {0x00, 0x90, 0x90, 100};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        expectError(concat({header(1, 1, 480), track(ev)}), "top bit");
    }
    void metaLengthLies()
    {
        Bytes ev = {0x00, 0xFF, 0x03, 0x7F, 'a'};
        expectError(concat({header(1, 1, 480), track(ev)}), "claims 127 bytes");
    }
    void sysexLengthLies()
    {
        Bytes ev = {0x00, 0xF0, 0x40, 0x7E};
        expectError(concat({header(1, 1, 480), track(ev)}), "SysEx claims 64 bytes");
    }
    void shortTempoIsAnError()
    {
        Bytes ev = {0x00, 0xFF, 0x51, 1, 7};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        expectError(concat({header(1, 1, 480), track(ev)}), "too short");
    }
    void systemRealTimeByteInTrack()
    {
        Bytes ev = {0x00, 0xF8};
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        expectError(concat({header(1, 1, 480), track(ev)}), "unexpected status byte 0xF8");
    }

    void everyTruncationIsAnErrorNeverACrash()
    {
        const Bytes full = concat({header(1, 2, 480), track(simpleTrack()), track(simpleTrack())});
        QVERIFY(parse(full).ok());
        const size_t afterFirstTrack = 14 + 8 + simpleTrack().size();
        for (size_t n = 0; n < full.size(); ++n) {
            const Bytes cut(full.begin(), full.begin() + long(n));
            auto r = parse(cut);
            // Cut exactly after the first track: a valid file with fewer tracks than declared.
            QCOMPARE(r.ok(), n == afterFirstTrack);
            if (!r.ok())
                QVERIFY(r.error().offset >= 0 && !r.error().message.empty());
        }
    }

    void hugeTrackCountClaimIsHarmless()
    {
        auto r = parse(concat({header(1, 65535, 480), track(simpleTrack())}));
        QVERIFY(r.ok());
        QCOMPARE(int(r->tracks.size()), 1);
    }

    void eventLimitBoundsMemory()
    {
        Bytes ev;
        for (int i = 0; i < 1000; ++i)
            append(ev, {0x00, 0x99, 36, 100});
        ev.insert(ev.end(), kEndOfTrack.begin(), kEndOfTrack.end());
        const Bytes b = concat({header(1, 1, 480), track(ev)});
        MidiReadLimits limits;
        limits.maxEvents = 500;
        auto r = parseMidi(b.data(), b.size(), "big.mid", limits);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("limit") != std::string::npos);
    }

    void missingFileNamesTheFile()
    {
        auto r = readMidiFile("/nonexistent/dir/x.mid");
        QVERIFY(!r.ok());
        QVERIFY(r.error().toString().find("/nonexistent/dir/x.mid") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMidiReader)
#include "test_midi_reader.moc"
