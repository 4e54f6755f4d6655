// Issue 18 in the window: a 3/4 piece with a keys part imported, shown (its
// windows of 12-step bars, the keys drawn above the bass, "3/4" in the title),
// exported from the piece view in 3/4 with its keys; the Train tab's metre;
// the keys-in-correlation setting in the File menu.
#include "GuiFixtures.h"

#include "ui/LibraryPanel.h"
#include "ui/LibrarySession.h"
#include "ui/MainWindow.h"
#include "ui/train/TrainForm.h"
#include "ui/train/TrainView.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace lm;
using namespace lm::test;

namespace {

constexpr uint64_t kStep = 120;

// 10 bars of 3/4 with drums, bass and a piano chord on each bar's first beat.
MidiFile waltzWithKeys()
{
    SongBuilder b(480);
    b.timeSig(3, 4);
    b.program(2, 1, 33);
    b.program(3, 0, 0);
    for (int bar = 0; bar < 10; ++bar) {
        const uint64_t base = uint64_t(bar) * 12;
        for (int beat = 0; beat < 3; ++beat)
            b.note(1, 9, 36, (base + 4 * beat) * kStep, (base + 4 * beat) * kStep + 60);
        for (int e = 0; e < 6; ++e)
            b.note(1, 9, 42, (base + 2 * e) * kStep, (base + 2 * e) * kStep + 60);
        b.note(2, 1, bar % 2 ? 38 : 36, base * kStep, (base + 4) * kStep);
        for (int pitch : {60, 64, 67})
            b.note(3, 0, pitch, base * kStep, (base + 4) * kStep);
    }
    return b.build();
}

} // namespace

class TestMetreView : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString music_;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        music_ = tmp_.filePath("music");
        QVERIFY(QDir().mkpath(music_));
        QVERIFY(writeMidiFile((music_ + "/waltz.mid").toStdString(), waltzWithKeys()).ok());
        QVERIFY(writeMidiFile((music_ + "/groove.mid").toStdString(), makeGroove(41)).ok());
    }

    void aThreeFourPieceShowsItsWindowsAndKeys()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("a.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        importAndWait(w, music_);
        w.pieceView()->showFile(music_ + "/waltz.mid");
        ui::SsmView* ssm = w.pieceView()->ssmView();
        ui::PianoRollView* roll = w.pieceView()->rollView();
        QTRY_VERIFY(!w.pieceView()->loading() && ssm->bars() == 10);
        QCOMPARE(roll->startBar(), 0);
        QCOMPARE(roll->barSteps(), 12);
        QVERIFY(roll->hasKeys());
        QCOMPARE(roll->keysCells(), 8 * 3 * 4); // a three-note chord, 4 steps, in each of 8 bars
        QTest::mouseClick(ssm, Qt::LeftButton, {}, ssm->stripCentre(1));
        QCOMPARE(roll->startBar(), 1);
        QCOMPARE(roll->barSteps(), 12);
        QVERIFY(roll->activeCells() > 0);
        const ui::PieceView::ShownLoop shown = w.pieceView()->shownLoop();
        QCOMPARE(shown.steps.size(), size_t(96));
        QCOMPARE(shown.keys.size(), size_t(96));
        QCOMPARE(shown.keysProgram, 0);
        QVERIFY(w.pieceView()->infoLabel()->text().contains("keys"));

        // Export from the piece view: 3/4, 8 bars of 12 steps, the keys on their own track.
        const QString out = tmp_.filePath("window.mid");
        QCOMPARE(w.pieceView()->exportWindowTo(out), QString());
        auto midi = readMidiFile(out.toStdString());
        QVERIFY(midi.ok());
        QCOMPARE(midi->timeSignatures().size(), size_t(1));
        QCOMPARE(midi->timeSignatures()[0].numerator, 3);
        const PieceAnalysis back = analysePiece(*midi);
        QCOMPARE(back.bars(), int64_t(8));
        QCOMPARE(back.barStarts[1], int64_t(12));
        QVERIFY(back.keys());
        QCOMPARE(back.keys()->activeCells(0, back.markedSteps), int64_t(8 * 3 * 4));
    }

    void theTrainTabSaysTheModelsAreFourFour()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("b.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        importAndWait(w, music_);
        ui::TrainForm* form = w.trainView()->form();
        form->updateEstimate();
        QCOMPARE(form->request().metre, std::string("4/4"));
        QVERIFY2(form->metreNote()->text().contains("4/4 loops only"), qPrintable(form->metreNote()->text()));
        QVERIFY2(form->metreNote()->text().contains("2 mined loops in other metres are left out"),
                 qPrintable(form->metreNote()->text()));
        QComboBox* metre = form->metre();
        metre->setFocus();
        QTest::keyClick(metre, Qt::Key_Down); // 3/4
        QCOMPARE(form->request().metre, std::string("3/4"));
        QVERIFY2(form->metreNote()->text().contains("Only the detector learns 3/4 loops"), qPrintable(form->metreNote()->text()));
    }

    void theKeysInTheCorrelationIsAFileMenuSetting()
    {
        QSettings().remove(QStringLiteral("analysis/keysInCorrelation"));
        ui::MainWindow w;
        auto* action = w.findChild<QAction*>(QStringLiteral("keysInCorrelation"));
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked()); // off by default: the method's drums + bass
        QVERIFY(!ui::LibrarySession::keysInCorrelation());
        action->trigger();
        QVERIFY(ui::LibrarySession::keysInCorrelation());
        action->trigger();
        QVERIFY(!ui::LibrarySession::keysInCorrelation());
    }
};

QTEST_MAIN(TestMetreView)
#include "test_metre_view.moc"
