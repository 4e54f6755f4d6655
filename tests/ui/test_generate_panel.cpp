// The Generation panel, driven with QTest and QSignalSpy on the real window
// with the build's default model (share/loopminer/models/default): generate
// 8 loops and see them listed with their rolls ("kept K of N drawn" while it
// runs), keep 4 and discard the rest, filter the loops panel to generated
// loops and find exactly those 4, also after reopening the library.
#include "GuiFixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/base/DataPaths.h"
#include "core/io/MidiReader.h"
#include "core/library/LibraryDb.h"
#include "ui/LibrarySession.h"
#include "ui/LoopsPanel.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/generate/GenerationForm.h"
#include "ui/jobs/JobRunner.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/ScoreFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <set>

using namespace lm;

namespace {

void clickRow(QTableWidget* t, int row, Qt::KeyboardModifiers mods = {})
{
    const QModelIndex i = t->model()->index(row, ui::GeneratePanel::Score);
    t->scrollTo(i);
    QTest::mouseClick(t->viewport(), Qt::LeftButton, mods, t->visualRect(i).center());
}

void clickButton(QPushButton* b)
{
    QVERIFY2(b->isEnabled(), qPrintable(b->text()));
    QTest::mouseClick(b, Qt::LeftButton);
}

// Types a value into a spin box as a user does: select all, type, Enter.
void typeInto(QAbstractSpinBox* box, const QString& text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

// Moves the combo with the arrow keys (no popup) to the entry whose data is `data`.
bool chooseByKeys(QComboBox* combo, const QString& data)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentData().toString() != data; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    return combo->currentData().toString() == data;
}

std::set<QString> shownLoopIds(ui::LoopsPanel* panel)
{
    std::set<QString> ids;
    auto* m = panel->model();
    while (m->canFetchMore({}))
        m->fetchMore({});
    for (int r = 0; r < m->rowCount(); ++r)
        ids.insert(m->index(r, 0).data(ui::LoopsTableModel::LoopIdRole).toString());
    return ids;
}

int activeCells(const std::vector<uint64_t>& roll)
{
    int n = 0;
    for (uint64_t m : roll)
        n += __builtin_popcountll(m);
    return n;
}

} // namespace

class TestGeneratePanel : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString music_;

private Q_SLOTS:
    void initTestCase() { music_ = test::setUpCollection(tmp_.path(), 6, 21); }

    void generateKeepFourAndFindThemInTheLoopsPanel()
    {
        const QString lib = tmp_.filePath("gen.sqlite");
        std::set<QString> kept;
        int64_t mined = 0;
        {
            ui::MainWindow w;
            w.setShowImportReport(false);
            w.setModelDir(QString::fromStdString(defaultModelDir())); // the build's copy of the bundled model
            QVERIFY(w.openLibrary(lib));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            test::importAndWait(w, music_);
            LoopQuery minedOnly;
            minedOnly.source = LoopQuery::Source::Mined;
            mined = w.session()->db()->countLoops(minedOnly);
            QVERIFY(mined > 0);

            QVERIFY(w.showPanel("generate"));
            ui::GeneratePanel* p = w.generatePanel();
            QCOMPARE(p->results()->rowCount(), 0); // empty state: no batch yet
            QVERIFY(!p->keepAllButton()->isEnabled());
            QVERIFY(!p->keepButton()->isEnabled());
            typeInto(p->form()->count(), "8");
            QCheckBox* random = p->form()->randomSeed();
            QVERIFY(random->isChecked()); // random by default
            QTest::mouseClick(random, Qt::LeftButton, {}, QPoint(8, random->height() / 2));
            QVERIFY(!random->isChecked());
            typeInto(p->form()->seed(), "77");
            typeInto(p->form()->tempo(), "97");
            QCOMPARE(p->form()->count()->value(), 8);
            QCOMPARE(p->form()->seed()->value(), 77);

            QSignalSpy progress(p->job(), &ui::JobRunner::progress);
            QSignalSpy finished(p, &ui::GeneratePanel::generationFinished);
            clickButton(p->generateButton());
            QVERIFY(!p->generateButton()->isEnabled()); // one run at a time
            QVERIFY(finished.wait(300000));
            QCOMPARE(finished.first().first().toString(), QString());
            const QRegularExpression live(QStringLiteral("^kept (\\d+) of (\\d+) drawn$"));
            int liveReports = 0;
            for (const QList<QVariant>& args : progress)
                liveReports += live.match(args.at(3).toString()).hasMatch();
            QVERIFY2(liveReports > 0, "no 'kept K of N drawn' while it ran");
            QVERIFY2(p->statusLabel()->text().startsWith("Kept 8 of"), qPrintable(p->statusLabel()->text()));

            // Eight results, each shown with its roll when chosen.
            QTableWidget* t = p->results();
            QCOMPARE(t->rowCount(), 8);
            LibraryDb* db = w.session()->db();
            for (int r = 0; r < 8; ++r) {
                clickRow(t, r);
                const std::vector<LoopId> sel = p->selectedLoops();
                QCOMPARE(sel.size(), size_t(1));
                const auto stored = db->generatedLoop(sel[0].id);
                QVERIFY(stored);
                QVERIFY(!stored->kept);
                QCOMPARE(stored->seed, uint64_t(77));
                QCOMPARE(stored->tempoBpm, 97.0);
                QVERIFY(stored->loop.loopScore < 0.001);
                QCOMPARE(t->item(r, ui::GeneratePanel::Score)->text(), ui::formatScore(stored->loop.loopScore));
                QCOMPARE(w.pieceView()->generatedLoopShown(), std::optional<LoopId>(sel[0]));
                QCOMPARE(w.pieceView()->selectedSteps(), stored->loop.roll);
                QCOMPARE(w.pieceView()->shownLoop().steps, stored->loop.roll); // what Play plays
                QCOMPARE(w.pieceView()->shownLoop().bpm, 97.0);
                QCOMPARE(w.pieceView()->rollView()->activeCells(), activeCells(stored->loop.roll));
                QVERIFY(w.pieceView()->rollView()->activeCells() >= 64); // 32 drum and 32 bass cells at least
            }

            // At 1024 x 700 the results and the buttons under them are still there.
            w.resize(1024, 700);
            QTRY_VERIFY(w.height() <= 700);
            QVERIFY(!p->keepButton()->visibleRegion().isEmpty());
            QVERIFY(!p->discardBatchButton()->visibleRegion().isEmpty());
            QVERIFY(t->viewport()->height() >= 3 * t->rowHeight(0));
            w.resize(1280, 820);

            // Keep 4 (rows 1, 3, 5, 7 by ctrl-click), then discard the others.
            clickRow(t, 0);
            for (int r : {2, 4, 6})
                clickRow(t, r, Qt::ControlModifier);
            const std::vector<LoopId> toKeep = p->selectedLoops();
            QCOMPARE(toKeep.size(), size_t(4));
            for (const LoopId& id : toKeep)
                kept.insert(QString::fromStdString(id.text()));
            QSignalSpy changed(p, &ui::GeneratePanel::libraryLoopsChanged);
            clickButton(p->keepButton());
            QCOMPARE(changed.count(), 1);
            int keptRows = 0;
            for (int r = 0; r < t->rowCount(); ++r)
                keptRows += t->item(r, ui::GeneratePanel::State)->text() == "kept";
            QCOMPARE(keptRows, 4);
            for (int r : {1, 3, 5, 7})
                clickRow(t, r, r == 1 ? Qt::NoModifier : Qt::ControlModifier);
            QCOMPARE(p->selectedLoops().size(), size_t(4));
            clickButton(p->discardButton());
            QCOMPARE(t->rowCount(), 4);
            QCOMPARE(p->historyBox()->count(), 1);

            // The loops panel, filtered to generated loops: exactly those 4.
            QVERIFY(w.showPanel("loops"));
            ui::LoopsPanel* loops = w.loopsPanel();
            QVERIFY(loops->sourceFilter()->findData("model:default") >= 0); // one entry per model
            QVERIFY(chooseByKeys(loops->sourceFilter(), "generated"));
            QTRY_COMPARE(loops->model()->rowCount(), 4);
            QCOMPARE(shownLoopIds(loops), kept);
            QVERIFY(chooseByKeys(loops->sourceFilter(), "model:default"));
            QCOMPARE(shownLoopIds(loops), kept);
            QVERIFY(chooseByKeys(loops->sourceFilter(), "mined"));
            QCOMPARE(int64_t(shownLoopIds(loops).size()), mined);
            QVERIFY(chooseByKeys(loops->sourceFilter(), "all"));
            QCOMPARE(int64_t(shownLoopIds(loops).size()), mined + 4);

            // Choosing a generated loop there shows it in the piece view.
            QVERIFY(chooseByKeys(loops->sourceFilter(), "generated"));
            QSignalSpy chosen(loops, &ui::LoopsPanel::loopIdChosen);
            QTableView* view = loops->table();
            const QModelIndex first = loops->model()->index(0, ui::LoopsTableModel::Score);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
            QCOMPARE(chosen.count(), 1);
            const LoopId id = chosen.first().first().value<LoopId>();
            QVERIFY(kept.count(QString::fromStdString(id.text())));
            QCOMPARE(w.pieceView()->generatedLoopShown(), std::optional<LoopId>(id));
            QCOMPARE(w.pieceView()->selectedSteps(), db->generatedLoop(id.id)->loop.roll);
            // It is the shown loop for Export too: the file reads back as its roll, at its tempo.
            const QString out = tmp_.filePath("generated.mid");
            QCOMPARE(w.pieceView()->exportWindowTo(out), QString());
            auto midi = readMidiFile(out.toStdString());
            QVERIFY(midi.ok());
            QCOMPARE(windowSteps(analysePiece(*midi), 0), db->generatedLoop(id.id)->loop.roll);
            QCOMPARE(qRound(analysePiece(*midi).firstTempoBpm()), 97);
        }

        // Reopened: the same 4, and the batch in the history with its 4 kept loops.
        ui::MainWindow again;
        again.setShowImportReport(false);
        QVERIFY(again.openLibrary(lib));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.showPanel("loops"));
        QVERIFY(chooseByKeys(again.loopsPanel()->sourceFilter(), "generated"));
        QTRY_COMPARE(again.loopsPanel()->model()->rowCount(), 4);
        QCOMPARE(shownLoopIds(again.loopsPanel()), kept);
        QCOMPARE(again.generatePanel()->historyBox()->count(), 1);
        QCOMPARE(again.generatePanel()->results()->rowCount(), 4);
        QVERIFY(again.generatePanel()->batchInfo()->text().contains("seed 77"));

        // The seed shown makes the batch again: Reuse settings, Generate, the same rolls.
        ui::GeneratePanel* p = again.generatePanel();
        QVERIFY(again.showPanel("generate"));
        p->form()->seed()->setValue(1);
        clickButton(p->findChild<QPushButton*>("generateReuse"));
        QCOMPARE(p->form()->seed()->value(), 77);
        QVERIFY(!p->form()->randomSeed()->isChecked());
        QSignalSpy finished(p, &ui::GeneratePanel::generationFinished);
        clickButton(p->generateButton());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(p->historyBox()->count(), 2);
        const GenerationBatch* remade = p->shownBatch();
        QVERIFY(remade);
        QCOMPARE(remade->loops.size(), size_t(8));
        QCOMPARE(remade->settings.seed, uint64_t(77));
        LibraryDb* db = again.session()->db();
        std::set<std::vector<uint64_t>> keptRolls, remadeRolls;
        for (const QString& id : kept)
            keptRolls.insert(db->generatedLoop(LoopId::parse(id.toStdString())->id)->loop.roll);
        for (int i : {0, 2, 4, 6})
            remadeRolls.insert(remade->loops[size_t(i)].loop.roll);
        QCOMPARE(remadeRolls, keptRolls);
    }

    // Stop: a run that would take long (a threshold almost nothing passes)
    // stops after its next batch of draws, says so, and what it found is listed.
    void stopEndsARunAtItsNextBatch()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("stop.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPanel("generate"));
        ui::GeneratePanel* p = w.generatePanel();
        typeInto(p->form()->count(), "1000");
        typeInto(p->form()->maxScore(), "0.000001");
        QSignalSpy progress(p->job(), &ui::JobRunner::progress);
        QSignalSpy finished(p, &ui::GeneratePanel::generationFinished);
        clickButton(p->generateButton());
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 && progress.last().at(3).toString().contains("drawn"), 120000);
        clickButton(p->findChild<QPushButton*>("generateStop"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toString(), QString());
        QVERIFY2(p->statusLabel()->text().startsWith("Stopped: kept"), qPrintable(p->statusLabel()->text()));
        QCOMPARE(p->historyBox()->count(), 1);
        QVERIFY(p->shownBatch()->drawn < 500000); // far from the draw limit
        QVERIFY(p->generateButton()->isEnabled());
    }

    // A model folder that is not there: the run fails naming it, nothing is
    // stored, and Generate can be clicked again.
    void aMissingModelIsNamedAndNothingIsStored()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        const QString missing = tmp_.filePath("no-such-model");
        w.setModelDir(missing);
        QVERIFY(w.openLibrary(tmp_.filePath("nomodel.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPanel("generate"));
        ui::GeneratePanel* p = w.generatePanel();
        QSignalSpy finished(p, &ui::GeneratePanel::generationFinished);
        clickButton(p->generateButton());
        QVERIFY(finished.wait(60000));
        const QString error = finished.first().first().toString();
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY2(p->statusLabel()->text().contains(missing), qPrintable(p->statusLabel()->text()));
        QCOMPARE(p->historyBox()->count(), 0);
        QVERIFY(w.session()->db()->generationHistory().empty());
        QVERIFY(p->generateButton()->isEnabled());
    }
};

QTEST_MAIN(TestGeneratePanel)
#include "test_generate_panel.moc"
