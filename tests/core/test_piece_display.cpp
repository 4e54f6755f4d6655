// What the piece view draws, loaded off the GUI thread: scores from the
// library only while the file is the one it analysed; a very long piece's
// matrix capped; an audio piece from its stored analysis.
#include "Fixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/PieceDisplay.h"

#include <QTemporaryDir>
#include <QtTest>

#include <utime.h>

using namespace lm;

class TestPieceDisplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scoresOnlyWhileTheFileIsTheOneAnalysed()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("m").toStdString(), file = dir + "/g.mid";
        QDir().mkpath(QString::fromStdString(dir));
        QVERIFY(writeFileAtomically(file, encodeMidi(test::makeGroove(3))).ok());
        auto db = LibraryDb::open(tmp.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        JobContext job;
        ImportOptions o;
        o.roots = {dir};
        QVERIFY(importLibrary(**db, o, job).ok());
        std::vector<std::pair<int64_t, double>> scores;
        for (const LoopRow& r : (*db)->loopRows(LoopQuery{}, 0, 1000))
            scores.push_back({r.windowId, 0.001 * double(r.startBar + 1)});
        QVERIFY(!scores.empty());
        QVERIFY((*db)->storeLoopScores(scores, 0.01, "test").ok());

        PieceDisplay d = loadPieceDisplay(db->get(), file, job);
        QVERIFY(d.error.empty());
        QVERIFY(!d.changedSinceImport);
        QCOMPARE(d.shownBars, d.bars);
        QCOMPARE(d.matrix.size(), size_t(d.bars * d.bars));
        QCOMPARE(d.scores.size(), d.windows.size());
        QCOMPARE(d.threshold.value_or(-1), 0.01);
        int scored = 0;
        for (size_t i = 0; i < d.windows.size(); ++i)
            if (d.windows[i].kept) {
                QVERIFY(d.scores[i].has_value());
                QCOMPARE(*d.scores[i], 0.001 * double(i + 1));
                ++scored;
            }
        QCOMPARE(scored, int(scores.size()));

        // Another file under the same name (another groove, a later time): no stale scores.
        QVERIFY(writeFileAtomically(file, encodeMidi(test::makeGroove(4))).ok());
        struct utimbuf later {1000000000, 1000000000};
        QCOMPARE(::utime(file.c_str(), &later), 0);
        d = loadPieceDisplay(db->get(), file, job);
        QVERIFY(d.changedSinceImport);
        for (const auto& s : d.scores)
            QVERIFY(!s.has_value());
        QVERIFY(!d.windows.empty()); // the file as it is now
    }

    void aVeryLongPieceDrawsACappedMatrix()
    {
        QTemporaryDir tmp;
        test::SongBuilder b(96);
        b.tempo(120).timeSig(4, 4).program(2, 1, 33);
        const int bars = 3000;
        for (int bar = 0; bar < bars; ++bar) {
            const uint64_t t = uint64_t(bar) * 384;
            b.note(1, 9, 36, t, t + 24).note(1, 9, 42, t + 96, t + 120).note(2, 1, 40 + bar % 5, t, t + 90);
        }
        const std::string file = tmp.filePath("long.mid").toStdString();
        QVERIFY(writeFileAtomically(file, encodeMidi(b.build())).ok());
        JobContext job;
        const PieceDisplay d = loadPieceDisplay(nullptr, file, job);
        QVERIFY(d.error.empty());
        QCOMPARE(d.bars, int64_t(bars));
        QCOMPARE(d.shownBars, PieceDisplay::kMaxShownBars);
        QCOMPARE(d.matrix.size(), size_t(d.shownBars * d.shownBars));
        // Every window, not only the drawn bars': the last bar is not full (its notes end
        // early and the end of track is not on its bar line), so bars - 8 positions.
        QCOMPARE(d.windows.size(), size_t(bars - 8));
        QCOMPARE(d.scores.size(), d.windows.size());
        // Bars 0 and 5 are the same (the bass repeats every 5 bars), 0 and 1 are not.
        QCOMPARE(d.matrix[5], 1.0);
        QVERIFY(d.matrix[1] < 1.0);
    }

    void aFileThatCannotBeReadSaysWhy()
    {
        QTemporaryDir tmp;
        const std::string file = tmp.filePath("broken.mid").toStdString();
        QVERIFY(writeFileAtomically(file, std::vector<uint8_t>{'M', 'T', 'h', 'd', 0, 0}).ok());
        JobContext job;
        const PieceDisplay d = loadPieceDisplay(nullptr, file, job);
        QVERIFY(!d.error.empty());
        QVERIFY(QString::fromStdString(d.error).contains("broken.mid"));
        const PieceDisplay audio = loadPieceDisplay(nullptr, tmp.filePath("x.wav").toStdString(), job);
        QVERIFY(QString::fromStdString(audio.error).contains("import it"));
    }
};

QTEST_MAIN(TestPieceDisplay)
#include "test_piece_display.moc"
