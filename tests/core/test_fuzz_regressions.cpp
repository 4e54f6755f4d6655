// Replays every input that fuzzing ever crashed or hung on (tests/data/fuzz-regressions,
// written there by tools/fuzz.sh), plus the golden files, through every fuzz
// target's path: the MIDI reader + analysis + writer, the library's handling of one
// file, the audio import path, and the model file container.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioAnalysis.h"
#include "core/ml/ModelFile.h"
#include "core/io/FileBytes.h"
#include "core/io/LibraryDb.h"
#include "core/io/LibraryImport.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"

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
        auto db = LibraryDb::open(":memory:");
        QVERIFY(db.ok());
        for (const QString& path : inputs) {
            auto bytes = readFileBytes(path.toStdString(), 64 << 20);
            QVERIFY(bytes.ok());
            auto midi = parseMidi(bytes->data(), bytes->size(), path.toStdString());
            if (midi.ok()) {
                const PieceAnalysis a = analysePiece(*midi);
                QVERIFY(a.usable || computeWindows(a).empty());
                const auto again = encodeMidi(*midi);
                QVERIFY(parseMidi(again.data(), again.size(), "rewritten").ok());
            } else {
                QVERIFY(!midi.error().message.empty());
            }
            const ImportedFile f = analyseMidiBytes(bytes->data(), bytes->size(), path.toStdString(), 1);
            QVERIFY(f.status == FileStatus::Usable || !f.error.empty());
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
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
