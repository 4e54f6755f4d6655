// The Explore tab (issue 17 items 1 and 2), driven with QTest on the real
// window, the bundled default model and a library in which every file is
// there twice: "Find similar" lists the chosen loop's copy first at distance
// 0, and a double-click shows and plays it; Set A / Set B and Interpolate
// fill the strip with 8 steps (step 0 is A's reconstruction, the last B's), a
// click chooses a step, Play step auditions it through the Transport, Keep
// step adds it to the library, Export writes it as MIDI.
#include "GuiFixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/library/LatentLoops.h"
#include "core/library/LibraryDb.h"
#include "core/library/LoopRolls.h"
#include "core/playback/PlayerClock.h"
#include "ui/LibrarySession.h"
#include "ui/LoopsPanel.h"
#include "ui/audition/Audition.h"
#include "ui/latent/InterpolationStrip.h"
#include "ui/latent/GenerationNovelty.h"
#include "ui/latent/LatentPanel.h"
#include "ui/latent/MapPanel.h"
#include "ui/latent/MapView.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/generate/GenerationForm.h"
#include "core/library/LoopSet.h"
#include "core/model/LoopFormat.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/views/PieceView.h"

#include "../core/RecordingOutput.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace lm;

class TestExplore : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString music_;
    std::shared_ptr<VirtualPlayerClock> clock_ = std::make_shared<VirtualPlayerClock>();
    test::RecordingOutput* output_ = nullptr;

    void open(ui::MainWindow& w, const QString& db)
    {
        w.setShowImportReport(false);
        w.setModelDir(QStringLiteral(LM_DEFAULT_MODEL));
        QVERIFY(w.openLibrary(tmp_.filePath(db)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        test::importAndWait(w, music_);
        w.audition()->setClock(clock_);
        w.audition()->setOutputFactory([this](const OutputChoice&) -> Result<std::unique_ptr<MidiOutput>> {
            auto out = std::make_unique<test::RecordingOutput>(clock_);
            output_ = out.get();
            return std::unique_ptr<MidiOutput>(std::move(out));
        });
        QVERIFY(w.showPanel("loops"));
        QTRY_VERIFY(w.loopsPanel()->table()->model()->rowCount() > 4);
    }

    // Chooses row `row` of the loops panel with the keyboard, as a user does.
    static void chooseLoop(ui::MainWindow& w, int row)
    {
        QTableView* t = w.loopsPanel()->table();
        t->setFocus();
        t->setCurrentIndex(t->model()->index(0, 0));
        for (int i = 0; i < row; ++i)
            QTest::keyClick(t, Qt::Key_Down);
    }

    static void click(QPushButton* b)
    {
        QVERIFY2(b->isEnabled(), qPrintable(b->text()));
        QTest::mouseClick(b, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        music_ = test::setUpCollection(tmp_.path(), 3, 9);
        for (const QString& f : QDir(music_).entryList({"*.mid"}, QDir::Files))
            QVERIFY(QFile::copy(music_ + "/" + f, music_ + "/copy_of_" + f));
    }

    void similarListsTheCopyFirstAndPlaysIt()
    {
        ui::MainWindow w;
        open(w, "similar.sqlite");
        if (QTest::currentTestFailed())
            return;
        // A loop whose roll only its twin (the same bar of the other copy of its file) has.
        std::map<std::vector<uint64_t>, std::vector<LoopId>> byRoll;
        QAbstractItemModel* m = w.loopsPanel()->table()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const auto id = LoopId::parse(m->index(r, 0).data(ui::LoopsTableModel::LoopIdRole).toString().toStdString());
            QVERIFY(id);
            auto roll = loopRoll(*w.session()->db(), *id);
            QVERIFY(roll.ok());
            byRoll[roll->steps].push_back(*id);
        }
        std::optional<LoopId> pick, twinId;
        for (const auto& [roll, ids] : byRoll)
            if (ids.size() == 2 && !pick) {
                pick = ids[0];
                twinId = ids[1];
            }
        QVERIFY(pick);
        int row = 0;
        while (m->index(row, 0).data(ui::LoopsTableModel::LoopIdRole).toString() != QString::fromStdString(pick->text()))
            ++row;
        chooseLoop(w, row);
        ui::LatentPanel* panel = w.latentPanel();
        QTRY_VERIFY(panel->currentLoop() == pick);
        const LoopId chosen = *panel->currentLoop();
        auto info = loopInfo(*w.session()->db(), chosen);
        QVERIFY(info.ok());
        const auto twinInfo = loopInfo(*w.session()->db(), *twinId);
        QVERIFY(twinInfo.ok());
        const QString twinName = QFileInfo(QString::fromStdString(twinInfo->path)).fileName();
        QCOMPARE(twinInfo->startBar, info->startBar);
        const int64_t twin = twinId->id;

        QVERIFY(w.showPanel("explore"));
        QSignalSpy found(panel, &ui::LatentPanel::similarFound);
        click(panel->similarButton());
        QVERIFY(found.wait(60000));
        QCOMPARE(found.first().first().toString(), QString());
        QTableWidget* t = panel->similarTable();
        QCOMPARE(t->rowCount(), 10);
        QCOMPARE(t->item(0, ui::LatentPanel::SimilarLoop)->text(), QString("m%1").arg(twin));
        QCOMPARE(t->item(0, ui::LatentPanel::SimilarDistance)->text(), QString("0.000"));
        for (int r = 0; r < t->rowCount(); ++r)
            QVERIFY(t->item(r, ui::LatentPanel::SimilarLoop)->text() != QString::fromStdString(chosen.text()));

        // A double-click shows the loop in the piece view and plays it.
        const QRect cell = t->visualRect(t->model()->index(0, ui::LatentPanel::SimilarSource));
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(QFileInfo(w.pieceView()->currentFile()).fileName(), twinName);
        QTRY_COMPARE(w.pieceView()->selectedWindow(), int(info->startBar));
        QTRY_VERIFY(w.audition()->playing());
        w.audition()->stop();
    }

    void interpolationStripAuditionsKeepsAndExportsAStep()
    {
        ui::MainWindow w;
        open(w, "walk.sqlite");
        if (QTest::currentTestFailed())
            return;
        ui::LatentPanel* panel = w.latentPanel();
        chooseLoop(w, 0);
        QTRY_VERIFY(panel->currentLoop().has_value());
        const LoopId a = *panel->currentLoop();
        QVERIFY(w.showPanel("explore"));
        click(panel->setAButton());
        QVERIFY(w.showPanel("loops"));
        chooseLoop(w, w.loopsPanel()->table()->model()->rowCount() - 1);
        QTRY_VERIFY(panel->currentLoop() && *panel->currentLoop() != a);
        const LoopId b = *panel->currentLoop();
        QVERIFY(w.showPanel("explore"));
        click(panel->setBButton());
        QCOMPARE(panel->stepsBox()->value(), 8); // the default
        QSignalSpy done(panel, &ui::LatentPanel::interpolated);
        click(panel->interpolateButton());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toString(), QString());
        ui::InterpolationStrip* strip = panel->strip();
        QCOMPARE(strip->count(), 8);
        const Interpolation& walk = panel->interpolation();
        QCOMPARE(walk.steps.front().roll, walk.reconstructionA);
        QCOMPARE(walk.steps.back().roll, walk.reconstructionB);
        QCOMPARE(walk.steps.front().fromA <= walk.steps.back().fromA, true);
        (void)b;

        // Choose step 3 with the mouse, play it, move on with Right.
        QVERIFY(!panel->playStepButton()->isEnabled());
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->cellRect(3).center());
        QCOMPARE(strip->current(), 3);
        QVERIFY2(panel->stepLabel()->text().startsWith("Step 3"), qPrintable(panel->stepLabel()->text()));
        click(panel->playStepButton());
        QTRY_VERIFY(w.audition()->playing());
        QCOMPARE(panel->auditionSteps(), walk.steps[3].roll);
        QTest::keyClick(strip, Qt::Key_Right);
        QCOMPARE(strip->current(), 4);
        QCOMPARE(panel->auditionSteps(), walk.steps[4].roll);
        QTRY_VERIFY(w.audition()->switchesQueued() >= 1); // the player takes the new step at the bar line
        w.audition()->stop();

        // Keep it: a generated loop in the library with the step's roll.
        const auto before = w.session()->db()->generatedLoops().size();
        click(panel->keepStepButton());
        const auto kept = w.session()->db()->generatedLoops();
        QCOMPARE(kept.size(), before + 1);
        QCOMPARE(kept.back().loop.roll, walk.steps[4].roll);
        // Export it: a MIDI file that reads back as the step's roll.
        const QString file = tmp_.filePath("step_04.mid");
        QCOMPARE(panel->exportStepTo(file), QString());
        auto back = readLoopRoll(file.toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QCOMPARE(*back, walk.steps[4].roll);
    }

    // The map: one dot per loop; hover shows a loop, a click plays it, a lasso filters the Loops panel.
    void mapHasOneDotPerLoopAndItsLassoFiltersTheLoops()
    {
        ui::MainWindow w;
        open(w, "map.sqlite");
        if (QTest::currentTestFailed())
            return;
        const int loops = w.loopsPanel()->table()->model()->rowCount();
        QVERIFY(w.showPanel("map"));
        ui::MapPanel* panel = w.mapPanel();
        QSignalSpy built(panel, &ui::MapPanel::built);
        click(panel->buildButton());
        QVERIFY(built.wait(60000));
        QCOMPARE(built.first().first().toString(), QString());
        ui::MapView* view = panel->view();
        QCOMPARE(view->count(), loops); // every loop of the library, once
        std::set<std::string> ids;
        for (const auto& d : view->dots())
            ids.insert(d.id.text());
        QCOMPARE(int(ids.size()), loops);
        QVERIFY(panel->statusLabel()->text().contains("trustworthiness"));
        // Colour by loop score: the dots' colours follow their scores.
        panel->colourBox()->setFocus();
        QTest::keyClick(panel->colourBox(), Qt::Key_Down);
        QCOMPARE(panel->colourBox()->currentData().toInt(), int(ui::MapView::Colour::Score));

        QTest::mouseMove(view, view->position(0).toPoint());
        QTRY_COMPARE(view->hovered().value_or(-1) >= 0, true);
        QTest::mouseClick(view, Qt::LeftButton, {}, view->position(*view->hovered()).toPoint());
        QTRY_VERIFY(w.audition()->playing());
        w.audition()->stop();

        // A lasso around the left half of the plot.
        const QRect r = view->rect();
        const QPoint corners[] = {{2, 2}, {r.width() / 2, 2}, {r.width() / 2, r.height() - 2}, {2, r.height() - 2}, {2, 3}};
        QSignalSpy chosen(panel, &ui::MapPanel::selectionChanged);
        QTest::mousePress(view, Qt::LeftButton, {}, corners[0]);
        for (const QPoint& c : corners) {
            QMouseEvent move(QEvent::MouseMove, c, view->mapToGlobal(c), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, {}, corners[4]);
        QCOMPARE(chosen.count(), 1);
        int inside = 0;
        for (int i = 0; i < view->count(); ++i)
            inside += view->position(i).x() < r.width() / 2 ? 1 : 0;
        QVERIFY(inside > 0 && inside < loops);
        QCOMPARE(int(view->selection().size()), inside);
        QTRY_COMPARE(w.loopsPanel()->table()->model()->rowCount(), inside);
        QVERIFY(!w.loopsPanel()->onlyLoopsButton()->isHidden());
        QTest::mouseClick(w.loopsPanel()->onlyLoopsButton(), Qt::LeftButton);
        QTRY_COMPARE(w.loopsPanel()->table()->model()->rowCount(), loops);
    }

    // Novelty in the Generate panel, on the demo library the default model learnt: a copy is
    // the roll of a training loop, a new loop is more than 10 % of cells from every one.
    void generatedLoopsShowTheirNovelty()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        w.setModelDir(QStringLiteral(LM_DEFAULT_MODEL));
        QVERIFY(w.openLibrary(tmp_.filePath("demo.sqlite")));
        w.show();
        QSignalSpy scored(&w, &ui::MainWindow::libraryScored); // the training loops are those under its threshold
        test::importAndWait(w, QStringLiteral(LM_DEMO_DIR));
        QVERIFY(!scored.isEmpty() || scored.wait(120000));
        QVERIFY(w.showPanel("generate"));
        ui::GeneratePanel* g = w.generatePanel();
        g->form()->count()->setValue(6);
        auto* novelty = g->findChild<ui::GenerationNovelty*>("generationNovelty");
        QVERIFY(novelty);
        QSignalSpy measured(novelty, &ui::GenerationNovelty::measured);
        QTest::mouseClick(g->generateButton(), Qt::LeftButton);
        QVERIFY(measured.wait(120000));
        QCOMPARE(measured.last().first().toString(), QString());
        const LoopSet training = loadLoopSet(*w.session()->db());
        QTableWidget* t = g->results();
        QCOMPARE(t->rowCount(), 6);
        int copies = 0;
        for (int r = 0; r < t->rowCount(); ++r) {
            const QString text = t->item(r, ui::GenerationNovelty::column())->text();
            const auto loop = w.session()->db()->generatedLoop(t->item(r, ui::GeneratePanel::Number)->data(Qt::UserRole).toLongLong());
            QVERIFY(loop);
            double nearest = 1;
            for (const auto& roll : training.rolls) {
                int differ = 0, either = 0;
                for (int s = 0; s < format::kWindowSteps; ++s) {
                    differ += __builtin_popcountll(roll[size_t(s)] ^ loop->loop.roll[size_t(s)]);
                    either += __builtin_popcountll(roll[size_t(s)] | loop->loop.roll[size_t(s)]);
                }
                nearest = std::min(nearest, either ? double(differ) / either : 0.0);
            }
            if (text.startsWith("copy"))
                QCOMPARE(nearest, 0.0);
            else if (text.startsWith("near copy"))
                QVERIFY(nearest > 0 && nearest <= 0.1);
            else
                QVERIFY2(text.startsWith("new") && nearest > 0.1, qPrintable(text));
            copies += text.startsWith("new") ? 0 : 1;
        }
        qInfo("%s", qPrintable(novelty->summary()->text()));
        QTest::mouseClick(novelty->hideCopies(), Qt::LeftButton);
        int hidden = 0;
        for (int r = 0; r < t->rowCount(); ++r)
            hidden += t->isRowHidden(r) ? 1 : 0;
        QCOMPARE(hidden, copies);
    }
};

QTEST_MAIN(TestExplore)
#include "test_explore.moc"
