// A deterministic mutation run over the reader and the analysis: flipped,
// inserted, deleted and overwritten bytes must give a value or an error,
// never a crash, a hang or an unbounded allocation. (libFuzzer targets with
// coverage come with the hardening work; this runs in every ctest.)
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiReader.h"
#include "WindowChecks.h"

#include <QDir>
#include <QtTest>
#include <random>

using namespace lm;

class TestReaderMutations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mutatedGoldenFilesNeverCrash()
    {
        QDir dir(LM_TEST_DATA "/golden");
        std::vector<std::vector<uint8_t>> seeds;
        for (const auto& n : dir.entryList({"*.mid"})) {
            auto b = readFileBytes(dir.filePath(n).toStdString(), 1 << 20);
            QVERIFY(b.ok());
            seeds.push_back(*b);
        }
        std::mt19937 rng(20261124);
        const uint8_t interesting[] = {0x00, 0x7F, 0x80, 0xFF, 0xF0, 0xF7, 0x2F, 0x90, 0x99, 0xC0};
        int parsed = 0, rejected = 0, usable = 0, kept = 0;
        for (int iter = 0; iter < 20000; ++iter) {
            std::vector<uint8_t> b = seeds[rng() % seeds.size()];
            const int edits = 1 + int(rng() % 8);
            for (int e = 0; e < edits && !b.empty(); ++e) {
                const size_t at = rng() % b.size();
                switch (rng() % 5) {
                case 0: b[at] ^= uint8_t(1u << (rng() % 8)); break;
                case 1: b[at] = interesting[rng() % sizeof interesting]; break;
                case 2: b.insert(b.begin() + long(at), uint8_t(rng())); break;
                case 3: b.erase(b.begin() + long(at)); break;
                case 4: b.resize(at); break;
                }
            }
            auto r = parseMidi(b.data(), b.size(), "mutant.mid");
            if (!r.ok()) {
                ++rejected;
                // An error names the file and, where it gives one, a byte inside it.
                const Error& e = r.error();
                QVERIFY(!e.message.empty());
                QCOMPARE(QString::fromStdString(e.file), QStringLiteral("mutant.mid"));
                QVERIFY2(e.offset >= -1 && e.offset <= (long long)b.size(), e.toString().c_str());
                continue;
            }
            ++parsed;
            const PieceAnalysis a = analysePiece(*r);
            const auto w = computeWindows(a);
            // The windows are what method.md defines for the piece (recounted from the roll),
            // and the file written back reads as the same piece with the same windows.
            const std::string wrong = test::windowProblems(a, w);
            QVERIFY2(wrong.empty(), qPrintable(QString("mutant %1: %2").arg(iter).arg(wrong.c_str())));
            const std::string differs = test::roundTripProblems(*r, a, w);
            QVERIFY2(differs.empty(), qPrintable(QString("mutant %1: %2").arg(iter).arg(differs.c_str())));
            usable += a.usable;
            for (const WindowInfo& x : w)
                kept += x.kept;
        }
        qInfo("mutants parsed: %d (%d usable, %d kept windows), rejected with an error: %d", parsed, usable, kept, rejected);
        // Mutants of every kind: rejected, read, and read as usable pieces with kept
        // windows (so that the window checks above were made).
        QVERIFY(parsed > 0 && rejected > 0 && usable > 0 && kept > 0);
    }
};

QTEST_GUILESS_MAIN(TestReaderMutations)
#include "test_reader_mutations.moc"
