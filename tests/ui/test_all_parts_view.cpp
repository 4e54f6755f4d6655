// Issue 19 in the piece view: which matrix is shown (labelled), the reason a
// file gives no loops, empty bar pairs drawn as empty (not 1), and the bar lane
// of loop scores (the strip's colours, tooltips, a click selects the window).
#include "../core/Fixtures.h"

#include "ui/LibrarySession.h"
#include "ui/views/BarScoreLane.h"
#include "ui/views/ColorMap.h"
#include "ui/views/MatrixChoice.h"
#include "ui/views/PieceView.h"
#include "ui/views/ScoreFormat.h"
#include "ui/views/SsmView.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace lm;

namespace {

const QColor kEmptyPair(150, 150, 150);

// Piano and strings only, 8 bars, bars 2 and 4 silent (as tests/core/test_all_parts.cpp).
MidiFile pianoAndStrings()
{
    test::SongBuilder b(4);
    b.tempo(100).timeSig(4, 4).program(1, 0, 0).program(2, 1, 40);
    for (int bar : {0, 1, 3, 5, 6, 7}) {
        const uint64_t t = uint64_t(bar) * 16;
        b.note(1, 0, 60 + bar, t, t + 4);
        if (bar != 3)
            b.note(2, 1, 100, t + 8, t + 10);
    }
    return b.build();
}

// Drums and bass for 16 bars with bars 5 and 6 silent: usable, with empty bars in the method's roll.
MidiFile grooveWithSilentBars()
{
    test::SongBuilder b(480);
    b.tempo(120).timeSig(4, 4).program(2, 1, 33);
    for (int bar = 0; bar < 16; ++bar) {
        if (bar == 5 || bar == 6)
            continue;
        for (int s = 0; s < 16; ++s) {
            const uint64_t t = uint64_t(bar) * 1920 + uint64_t(s) * 120;
            b.note(1, 9, s % 4 == 0 ? 36 : 42, t, t + 60);
            if (s % 2 == 0)
                b.note(2, 1, 36 + (s / 2) % 3, t, t + 200);
        }
    }
    return b.build();
}

bool show(ui::PieceView& view, const std::string& file)
{
    QSignalSpy shown(&view, &ui::PieceView::pieceShown);
    view.showFile(QString::fromStdString(file));
    return shown.wait(20000);
}

} // namespace

class TestAllPartsView : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    std::string write(const std::string& name, const MidiFile& f)
    {
        const std::string path = tmp_.filePath(QString::fromStdString(name)).toStdString();
        return writeFileAtomically(path, encodeMidi(f)).ok() ? path : std::string();
    }

private Q_SLOTS:
    // A file without drums and bass: the all-parts matrix, labelled, its reason beside it,
    // and its two silent bars drawn as empty, not as similarity 1.
    void pianoAndStringsShowAllPartsWithTheReason()
    {
        const std::string file = write("piano_strings.mid", pianoAndStrings());
        ui::PieceView view;
        view.resize(900, 760);
        view.show();
        QVERIFY(show(view, file));
        ui::SsmView* ssm = view.ssmView();
        ui::MatrixChoice* choice = view.matrixChoice();
        QCOMPARE(ssm->bars(), 8);
        QVERIFY(choice->allPartsShown());
        QVERIFY(!choice->toggle()->isVisible()); // nothing else to show
        QVERIFY2(choice->title()->text().contains("all parts (piano, strings)"), qPrintable(choice->title()->text()));
        QVERIFY(choice->title()->isVisible());
        const QString why = choice->reason()->text();
        QVERIFY2(why.contains("no drum part and no bass part: the matrix shows all parts; no loops are mined from this file"),
                 qPrintable(why));
        QVERIFY(choice->reason()->isVisible());
        QVERIFY2(view.infoLabel()->text().contains("8 bars"), qPrintable(view.infoLabel()->text()));

        // Bars 2 and 4 are silent: their pair (and each one's diagonal) is "empty", the rest viridis.
        QVERIFY(ssm->pairEmpty(2, 4) && ssm->pairEmpty(4, 2) && ssm->pairEmpty(2, 2));
        QCOMPARE(ssm->cellColour(2, 4), kEmptyPair);
        QVERIFY(ssm->cellColour(2, 4) != ui::viridis(1.0)); // what the rule alone would draw (d = 0)
        QVERIFY(!ssm->pairEmpty(0, 2));
        QVERIFY(ssm->cellColour(0, 2) != kEmptyPair);
        QCOMPARE(ssm->cellColour(0, 0), ui::viridis(1.0));
        QVERIFY(ssm->legendItems().join(' ').contains("grey: empty bars"));
        // A file without windows: the lane shows nothing as scored.
        QCOMPARE(choice->lane()->bars(), 8);
        for (int b = 0; b < 8; ++b)
            QVERIFY(!choice->lane()->scores()[size_t(b)].has_value());
    }

    // No note at all: no matrix, no label; the view's own text says why.
    void aFileWithoutNotesSaysSo()
    {
        test::SongBuilder b(480);
        b.tempo(120).timeSig(4, 4).program(1, 0, 0);
        const std::string file = write("silent.mid", b.build());
        ui::PieceView view;
        view.show();
        QVERIFY(show(view, file));
        QCOMPARE(view.ssmView()->bars(), 0);
        QVERIFY2(view.ssmView()->emptyText().contains("no bars to show: no notes"), qPrintable(view.ssmView()->emptyText()));
        QVERIFY(!view.matrixChoice()->title()->isVisible());
        QVERIFY(!view.matrixChoice()->reason()->isVisible());
        QVERIFY(!view.matrixChoice()->lane()->isVisible());
    }

    // A usable groove with silent bars: the method's matrix with the pair empty; the toggle
    // switches to all parts and back, the label follows, the selected window stays.
    void aUsableGrooveTogglesToAllParts()
    {
        const std::string file = write("silent_bars.mid", grooveWithSilentBars());
        ui::PieceView view;
        view.resize(900, 760);
        view.show();
        QVERIFY(show(view, file));
        ui::SsmView* ssm = view.ssmView();
        ui::MatrixChoice* choice = view.matrixChoice();
        QCOMPARE(ssm->bars(), 16);
        QVERIFY(!choice->allPartsShown());
        QVERIFY(choice->title()->text().contains("drums + bass"));
        QVERIFY(!choice->reason()->isVisible()); // usable, windows kept: nothing to explain
        QCOMPARE(ssm->cellColour(5, 6), kEmptyPair);
        QVERIFY(!ssm->pairEmpty(4, 5));
        QVERIFY(choice->toggle()->isVisible());
        view.selectWindow(7);
        QSignalSpy switched(choice, &ui::MatrixChoice::matrixShown);
        QTest::mouseClick(choice->toggle(), Qt::LeftButton);
        QCOMPARE(switched.count(), 1);
        QVERIFY(choice->allPartsShown());
        QVERIFY2(choice->title()->text().contains("all parts (drums, bass)"), qPrintable(choice->title()->text()));
        QVERIFY(choice->reason()->text().contains("still come from the drums + bass roll"));
        QCOMPARE(ssm->cellColour(5, 6), kEmptyPair);
        QCOMPARE(ssm->selectedWindow(), 7);
        QTest::mouseClick(choice->toggle(), Qt::LeftButton);
        QVERIFY(!choice->allPartsShown());
        QVERIFY(choice->title()->text().contains("drums + bass"));
    }

    // The bar lane of a hand-scored library: each bar's best covering window, in the
    // strip's colour, its tooltip; a click on a bar selects that window.
    void clickingABarSelectsItsBestWindow()
    {
        const QString dir = tmp_.filePath("scored");
        QDir().mkpath(dir);
        const std::string file = (dir + "/groove.mid").toStdString();
        QVERIFY(writeFileAtomically(file, encodeMidi(test::makeStyledGroove(4, 120, 24))).ok());
        const std::string lib = tmp_.filePath("scored.sqlite").toStdString();
        {
            auto db = LibraryDb::open(lib);
            QVERIFY(db.ok());
            JobContext job;
            ImportOptions o;
            o.roots = {dir.toStdString()};
            QVERIFY(importLibrary(**db, o, job).ok());
            std::vector<std::pair<int64_t, double>> scores; // by start bar: 5, 1, 4, 2, 3, 5, 1, ... thousandths
            for (const LoopRow& r : (*db)->loopRows(LoopQuery{}, 0, 1000))
                scores.push_back({r.windowId, 0.001 * double(1 + (r.startBar * 3) % 5)});
            QVERIFY(scores.size() >= 10);
            QVERIFY((*db)->storeLoopScores(scores, 0.0025, "test").ok());
        }
        ui::LibrarySession session;
        QCOMPARE(session.open(QString::fromStdString(lib)), QString());
        ui::PieceView view;
        view.setSession(&session);
        view.resize(1000, 820);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(show(view, file));
        ui::BarScoreLane* lane = view.matrixChoice()->lane();
        ui::SsmView* ssm = view.ssmView();
        QCOMPARE(lane->bars(), ssm->bars());
        QVERIFY(lane->isVisible());

        // The minimum over the kept windows covering each bar, from the library's own rows.
        const auto stored = session.db()->windowsOf(file);
        for (int b = 0; b < lane->bars(); ++b) {
            std::optional<double> best;
            int64_t from = -1;
            for (const StoredWindow& w : stored)
                if (w.kept && w.loopScore && w.startBar <= b && b < w.startBar + 8 && (!best || *w.loopScore < *best)) {
                    best = w.loopScore;
                    from = w.startBar;
                }
            QCOMPARE(lane->scores()[size_t(b)].has_value(), best.has_value());
            if (best) {
                QCOMPARE(lane->scores()[size_t(b)]->score, *best);
                QCOMPARE(lane->scores()[size_t(b)]->window, from);
            }
        }

        // Bar 12: its best window is not the one starting there, nor the one selected now.
        const int bar = 12;
        QVERIFY(lane->scores()[bar].has_value());
        const int want = int(lane->scores()[bar]->window);
        QVERIFY(want != bar);
        view.selectWindow(0);
        QCOMPARE(view.selectedWindow(), 0);
        QVERIFY(want != 0);
        const QString tip = lane->toolTipFor(bar);
        QVERIFY2(tip.contains(ui::formatScore(lane->scores()[bar]->score)), qPrintable(tip));
        QVERIFY2(tip.contains(QString("bars %1–%2").arg(want + 1).arg(want + 8)), qPrintable(tip));
        QVERIFY(tip.contains(lane->scores()[bar]->score < 0.0025 ? "a loop" : "not a loop"));

        // The bar's colour is its window's colour on the strip (read near the
        // cell's top edge: the window's period digit is drawn in its centre).
        const QImage strip = ssm->grab().toImage();
        QCOMPARE(lane->barColour(bar), strip.pixelColor(ssm->stripCentre(want) - QPoint(0, 8)));

        QSignalSpy shown(&view, &ui::PieceView::windowShown);
        QTest::mouseClick(lane, Qt::LeftButton, {}, lane->barCentre(bar));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(0).toInt(), want);
        QCOMPARE(view.selectedWindow(), want);
        QCOMPARE(ssm->selectedWindow(), want);
        QCOMPARE(lane->barAt(lane->barCentre(bar).x()), bar);
    }
};

QTEST_MAIN(TestAllPartsView)
#include "test_all_parts_view.moc"
