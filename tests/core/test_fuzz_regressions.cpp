// Replays every input that fuzzing ever crashed or hung on (tests/data/fuzz-regressions,
// written there by tools/fuzz.sh), plus the golden files, through every fuzz
// target's path: the MIDI reader + analysis + writer, the library's handling of one
// file, the audio import path, and the model file container.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioAnalysis.h"
#include "core/ml/ModelFile.h"
#include "core/base/FileBytes.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "WindowChecks.h"

#include <QDir>
#include <QtTest>

using namespace lm;

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replay()
    {
        QStringList inputs;
        for (const char* sub : {"/fuzz-regressions", "/golden"}) {
            QDir dir(QString(LM_TEST_DATA) + sub);
            for (const QString& n : dir.entryList(QDir::Files))
                if (!n.startsWith('.') && !n.endsWith(".json") && !n.endsWith(".txt"))
                    inputs << dir.filePath(n);
        }
        QVERIFY(inputs.size() >= 10);
        int usable = 0, unreadable = 0;
        auto db = LibraryDb::open(":memory:");
        QVERIFY(db.ok());
        for (const QString& path : inputs) {
            auto bytes = readFileBytes(path.toStdString(), 64 << 20);
            QVERIFY(bytes.ok());
            auto midi = parseMidi(bytes->data(), bytes->size(), path.toStdString());
            const ImportedFile f = analyseMidiBytes(bytes->data(), bytes->size(), path.toStdString(), 1);
            if (midi.ok()) {
                const PieceAnalysis a = analysePiece(*midi);
                const auto windows = computeWindows(a);
                // Windows as method.md defines them (recounted from the roll), the same
                // piece when written back, and the import's record agrees with both.
                const std::string wrong = test::windowProblems(a, windows);
                QVERIFY2(wrong.empty(), qPrintable(path + ": " + wrong.c_str()));
                const std::string differs = test::roundTripProblems(*midi, a, windows);
                QVERIFY2(differs.empty(), qPrintable(path + ": " + differs.c_str()));
                QCOMPARE(f.status, a.usable ? FileStatus::Usable : FileStatus::Unusable);
                QVERIFY2(f.error.find(a.reason) != std::string::npos, f.error.c_str());
                QCOMPARE(f.windows.size(), windows.size());
                for (size_t i = 0; i < windows.size(); ++i) {
                    QCOMPARE(f.windows[i].startBar, windows[i].startBar);
                    QCOMPARE(f.windows[i].kept, windows[i].kept);
                    QCOMPARE(f.windows[i].correlation, windows[i].correlation);
                }
                usable += a.usable;
            } else {
                QVERIFY(!midi.error().message.empty());
                // The import says why, in the reader's words, and keeps nothing of it.
                QCOMPARE(f.status, FileStatus::Error);
                QVERIFY2(f.error.find(midi.error().message) != std::string::npos, f.error.c_str());
                QVERIFY(f.windows.empty());
                ++unreadable;
            }
            QVERIFY((*db)->begin().ok());
            QVERIFY((*db)->store(f).ok());
            QVERIFY((*db)->commit().ok());
            QCOMPARE((*db)->windowsOf(path.toStdString()).size(), f.windows.size());
            // The audio path (fuzz_audio_reader) with the same limits.
            AudioLimits limits;
            limits.maxSeconds = 120;
            auto audio = readAudioMonoFromMemory(bytes->data(), bytes->size(), path.toStdString(), 8000, limits);
            if (audio.ok()) {
                const AudioPiece piece = analyseAudio(*audio);
                QCOMPARE(piece.matrix.size(), size_t(piece.bars() * piece.bars()));
                for (const AudioWindow& w : audioWindows(piece))
                    for (double v : w.correlation)
                        QVERIFY(v >= -1.0 && v <= 1.0);
            } else {
                QVERIFY(!audio.error().message.empty());
            }
            // The model file container (fuzz_model_file).
            for (const char* kind : {"detector", "vqvae", "prior"}) {
                auto m = ml::decodeModelFile(bytes->data(), bytes->size(), path.toStdString(), kind);
                QVERIFY(m.ok() || !m.error().message.empty());
            }
        }
        // The golden files include usable pieces; every regression input is checked above.
        qInfo("%d inputs: %d usable, %d unreadable as MIDI", int(inputs.size()), usable, unreadable);
        QVERIFY(usable > 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
