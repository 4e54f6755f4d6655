// The Train and Models tabs, driven with QTest clicks and QSignalSpy on a
// fixture library (offscreen): a tiny training of all three networks whose
// chart series grow and whose progress bar advances; pause and resume; cancel,
// a new window, and Resume from checkpoint going on at the next epoch; the
// new model in the Models panel, activated with a click, scoring the library;
// delete with confirmation, and the bundled model that cannot be deleted.
#include "GuiFixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/ModelStore.h"
#include "ui/LibrarySession.h"
#include "ui/LoopsPanel.h"
#include "ui/jobs/JobRunner.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/models/ModelsPanel.h"
#include "ui/train/TrainCharts.h"
#include "ui/train/TrainForm.h"
#include "ui/train/TrainView.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QStandardItemModel>
#include <QLineEdit>
#include <QLineSeries>
#include <QValueAxis>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace lm;
using namespace lm::ui;

namespace {

void choose(QComboBox* box, int data)
{
    const int i = box->findData(data);
    QVERIFY(i >= 0);
    box->setCurrentIndex(i);
}

void tiny(TrainForm* f, int vqvaeEpochs)
{
    for (const auto& [name, value] : {std::pair{"detectorEpochs", 2}, {"vqvaeEpochs", vqvaeEpochs}, {"priorEpochs", 3},
                                      {"batch", 8}, {"codes", 16}, {"layers", 1}, {"hidden", 16}, {"threads", 1}}) {
        QSpinBox* s = f->spin(QString::fromLatin1(name));
        s->selectAll();
        QTest::keyClicks(s, QString::number(value));
        QCOMPARE(s->value(), value);
    }
}

int rowOf(QTableWidget* t, const QString& name)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 0)->data(Qt::UserRole).toString() == name)
            return r;
    return -1;
}

void clickRow(QTableWidget* t, int row)
{
    QVERIFY(row >= 0);
    t->scrollToItem(t->item(row, 0));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualItemRect(t->item(row, 0)).center());
}

} // namespace

class TestTrainingView : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString lib_;

    std::unique_ptr<MainWindow> window()
    {
        auto w = std::make_unique<MainWindow>();
        w->setShowImportReport(false);
        w->setModelDir(QString::fromStdString(ModelStore::user().activeDir()));
        [&] { QVERIFY(w->openLibrary(lib_)); }();
        w->show();
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        qputenv("LOOPMINER_DATA_HOME", tmp_.filePath("data").toUtf8());
        const QString music = test::setUpCollection(tmp_.path(), 6, 21);
        lib_ = tmp_.filePath("lib.sqlite");
        auto w = window();
        QSignalSpy scored(w.get(), &MainWindow::libraryScored);
        test::importAndWait(*w, music);
        QVERIFY(scored.wait(60000)); // the bundled detector scores after the import
    }

    void trainAllThreeSeeCurvesAndProgressThenActivate()
    {
        auto w = window();
        QVERIFY(w->showPanel("training"));
        TrainView* view = w->trainView();
        TrainForm* form = view->form();
        tiny(form, 4);
        choose(form->detectorData(), int(DetectorSource::SameLoops));
        choose(form->loops(), int(LoopSource::AllMined));
        form->name()->clear();
        QTest::keyClicks(form->name(), "tiny");
        QVERIFY(form->estimate()->text().startsWith("About"));
        QSignalSpy finished(view, &TrainView::trainingFinished);
        QSignalSpy bar(view->epochProgress(), &QProgressBar::valueChanged);
        QVERIFY(!view->pauseButton()->isEnabled());
        QTest::mouseClick(view->startButton(), Qt::LeftButton);
        QVERIFY(view->job()->running());
        QVERIFY(!view->startButton()->isEnabled() && view->pauseButton()->isEnabled() && view->cancelButton()->isEnabled());
        QLineSeries* train = view->charts()->series("trainLoss");
        QTRY_VERIFY_WITH_TIMEOUT(train->count() >= 1, 60000); // the series grow while it runs
        QTRY_VERIFY_WITH_TIMEOUT(view->charts()->series("hamming")->count() >= 2, 120000);
        QVERIFY(finished.wait(300000));
        // The epoch bar went 1, 2, 3, 4 (the VQ-VAE) on its way.
        int next = 1;
        for (const QList<QVariant>& v : bar)
            if (v.at(0).toInt() == next)
                ++next;
        QVERIFY2(next > 4, qPrintable(QString::number(next)));
        QCOMPARE(finished.front().at(0).toString(), QString("tiny"));
        QVERIFY2(finished.front().at(1).toBool(), qPrintable(finished.front().at(3).toString()));
        QCOMPARE(view->charts()->series("hamming")->count(), 4);
        QCOMPARE(view->charts()->series("perplexity")->count(), 4);
        QCOMPARE(train->count(), 3);                 // the prior's curves are on show at the end
        QCOMPARE(view->charts()->series("valLoss")->count(), 3);
        QVERIFY(view->charts()->series("batchLoss")->count() >= 3);
        QCOMPARE(view->epochProgress()->value(), 3);
        QCOMPARE(view->epochProgress()->maximum(), 3);
        // The detector's curves, its two phases marked at the change (after epoch 2).
        view->charts()->networkChoice()->setCurrentText("detector");
        QCOMPARE(train->count(), 4);
        QLineSeries* mark = view->charts()->series("phaseMark");
        QVERIFY(mark->isVisible());
        QCOMPARE(mark->count(), 2);
        QCOMPARE(mark->at(0).x(), 2.0);
        // Epoch axes count whole epochs: 4 epochs on a 0-4 axis with a tick per epoch.
        QValueAxis* epochs = qobject_cast<QValueAxis*>(train->attachedAxes().at(0));
        QVERIFY(epochs && epochs->orientation() == Qt::Horizontal);
        QCOMPARE(epochs->max(), 4.0);
        QCOMPARE(epochs->tickInterval(), 1.0);

        // The Models panel lists it; a click activates it and the library is scored with it.
        QVERIFY(w->showPanel("models"));
        ModelsPanel* panel = w->modelsPanel();
        const int row = rowOf(panel->table(), "tiny");
        QVERIFY(row > 0); // after the bundled model
        QVERIFY(panel->table()->item(row, 4)->text().contains("threshold"));
        QVERIFY(panel->table()->item(row, 4)->text().contains("perplexity"));
        QVERIFY(panel->table()->item(row, 2)->text().contains("all mined"));
        clickRow(panel->table(), row);
        QCOMPARE(panel->selectedName(), QString("tiny"));
        QSignalSpy scored(w.get(), &MainWindow::libraryScored);
        QTest::mouseClick(panel->activateButton(), Qt::LeftButton);
        QVERIFY(scored.wait(60000));
        QVERIFY(scored.front().at(0).toString().isEmpty());
        const std::string dir = ModelStore::user().find("tiny")->dir;
        QCOMPARE(ModelStore::user().activeName(), std::string("tiny"));
        QCOMPARE(w->session()->db()->loopModel().value_or(""), dir);
        QCOMPARE(w->session()->modelDir(), QString::fromStdString(dir));
        QVERIFY(panel->table()->item(rowOf(panel->table(), "tiny"), 0)->text().contains("active"));
    }

    void selectionIsTheLoopsPanelsFilter()
    {
        auto w = window();
        QVERIFY(w->showPanel("loops"));
        QTest::keyClicks(w->loopsPanel()->filterEdit(), "groove_2");
        QVERIFY(w->showPanel("training"));
        TrainForm* form = w->trainView()->form();
        choose(form->loops(), int(LoopSource::Selection));
        const TrainRequest r = form->request();
        QCOMPARE(r.loops, LoopSource::Selection);
        QCOMPARE(r.selection.text, std::string("groove_2"));
        const int64_t shown = w->loopsPanel()->model()->totalRows();
        QVERIFY(shown > 0);
        QVERIFY2(form->estimate()->text().contains(QString("for %1 loop").arg(shown)), qPrintable(form->estimate()->text()));
        // Kept generated loops: disabled, with a tooltip why.
        auto* items = qobject_cast<QStandardItemModel*>(form->loops()->model());
        QStandardItem* generated = items->item(form->loops()->findData(int(LoopSource::Generated)));
        QVERIFY(!generated->isEnabled());
        QVERIFY(!generated->toolTip().isEmpty());
        // Once the library keeps generated loops, they are a choice (here: one batch of 3 rolls).
        LibraryDb* db = w->session()->db();
        GenerationBatch batch;
        batch.modelName = "default";
        for (int i = 0; i < 3; ++i) {
            StoredGeneratedLoop g;
            g.loop.roll = std::vector<uint64_t>(128, 1);
            batch.loops.push_back(g);
        }
        auto added = db->addGenerationBatch(batch, true);
        QVERIFY(added.ok());
        form->updateEstimate(); // what the session's contentChanged does
        QVERIFY(generated->isEnabled());
        choose(form->loops(), int(LoopSource::Generated));
        QVERIFY2(form->estimate()->text().contains("for 3 loop"), qPrintable(form->estimate()->text()));
        std::vector<int64_t> ids;
        for (const auto& g : added->loops)
            ids.push_back(g.id);
        QVERIFY(db->deleteGenerated(ids).ok());
    }

    void pauseResumeCancelAndResumeInANewWindow()
    {
        auto w = window();
        QVERIFY(w->showPanel("training"));
        TrainView* view = w->trainView();
        tiny(view->form(), 40);
        view->form()->what()->setCurrentIndex(view->form()->what()->findData("vqvae"));
        view->form()->name()->setText("paused");
        QSignalSpy finished(view, &TrainView::trainingFinished);
        QTest::mouseClick(view->startButton(), Qt::LeftButton);
        QLineSeries* train = view->charts()->series("trainLoss");
        QTRY_VERIFY_WITH_TIMEOUT(train->count() >= 1, 60000);
        QTest::mouseClick(view->pauseButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->job()->context()->waitingInPause(), 60000);
        QVERIFY(view->resumeButton()->isEnabled() && !view->pauseButton()->isEnabled());
        const int held = view->lastEpoch();
        QTest::mouseClick(view->resumeButton(), Qt::LeftButton);
        QVERIFY(!view->job()->paused());
        QTRY_VERIFY_WITH_TIMEOUT(view->lastEpoch() >= held + 2, 60000); // it goes on
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.front().at(2).toBool()); // cancelled
        const int stoppedAt = view->lastEpoch();
        QVERIFY(stoppedAt < 40);
        w.reset(); // the window closes; its checkpoint stands

        auto again = window();
        TrainView* view2 = again->trainView();
        QComboBox* saved = view2->resumable();
        const int i = saved->findData("paused");
        QVERIFY2(i >= 0, qPrintable(saved->itemText(0)));
        saved->setCurrentIndex(i);
        QVERIFY(view2->resumeSavedButton()->isEnabled());
        QSignalSpy finished2(view2, &TrainView::trainingFinished);
        QTest::mouseClick(view2->resumeSavedButton(), Qt::LeftButton);
        QVERIFY(view2->job()->running());
        QTRY_VERIFY_WITH_TIMEOUT(view2->lastEpoch() > 0, 60000);
        QCOMPARE(view2->firstEpochOfRun(), stoppedAt + 1); // the epoch count goes on
        QTRY_VERIFY_WITH_TIMEOUT(view2->charts()->series("trainLoss")->count() > 0, 60000); // the next redraw
        QCOMPARE(view2->charts()->series("trainLoss")->at(0).x(), double(stoppedAt + 1));
        // Closing the window while it trains stops it at a batch; the next window goes on too.
        QTRY_VERIFY_WITH_TIMEOUT(view2->lastEpoch() >= stoppedAt + 2, 60000);
        QVERIFY(again->close());
        QVERIFY(!view2->job()->running() || finished2.wait(60000));
        const int closedAt = view2->lastEpoch();
        QVERIFY(closedAt < 40);
        again.reset();
        auto third = window();
        TrainView* view3 = third->trainView();
        view3->resumable()->setCurrentIndex(view3->resumable()->findData("paused"));
        QSignalSpy finished3(view3, &TrainView::trainingFinished);
        QTest::mouseClick(view3->resumeSavedButton(), Qt::LeftButton);
        QVERIFY(finished3.wait(120000));
        QVERIFY2(finished3.front().at(1).toBool(), qPrintable(finished3.front().at(3).toString()));
        QCOMPARE(view3->firstEpochOfRun(), closedAt + 1);
        QCOMPARE(view3->lastEpoch(), 40);
        QVERIFY(ModelStore::user().find("paused")->pending.empty());
        QCOMPARE(view3->resumable()->findData("paused"), -1); // nothing left to resume
    }

    void renameThroughTheDialogKeepsTheActiveModel()
    {
        auto w = window();
        QVERIFY(w->showPanel("models"));
        ModelsPanel* panel = w->modelsPanel();
        clickRow(panel->table(), rowOf(panel->table(), "tiny"));
        QTest::mouseClick(panel->renameButton(), Qt::LeftButton);
        auto* dialog = panel->findChild<QInputDialog*>("renameDialog");
        QVERIFY(dialog);
        auto* edit = dialog->findChild<QLineEdit*>();
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, "tiny renamed");
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(rowOf(panel->table(), "tiny renamed") > 0);
        QCOMPARE(rowOf(panel->table(), "tiny"), -1);
        QCOMPARE(ModelStore::user().activeName(), std::string("tiny renamed"));
        QCOMPARE(w->session()->modelDir(), QString::fromStdString(ModelStore::user().activeDir()));
    }

    void evaluateShowsGeneratedBesideTraining()
    {
        auto w = window();
        QVERIFY(w->showPanel("models"));
        ModelsPanel* panel = w->modelsPanel();
        clickRow(panel->table(), rowOf(panel->table(), "default"));
        QSignalSpy evaluated(panel, &ModelsPanel::evaluated);
        QTest::mouseClick(panel->evaluateButton(), Qt::LeftButton);
        QVERIFY(panel->evaluateJob()->running());
        QVERIFY(!panel->evaluateButton()->isEnabled());
        QVERIFY(evaluated.wait(300000));
        QVERIFY2(evaluated.front().at(1).toString().isEmpty(), qPrintable(evaluated.front().at(1).toString()));
        QTableWidget* t = panel->evaluation();
        QCOMPARE(t->rowCount(), 9);
        QCOMPARE(t->verticalHeaderItem(0)->text(), QString("loops"));
        QCOMPARE(t->item(0, 0)->text(), QString("64"));           // generated
        QVERIFY(t->item(0, 1)->text().toInt() > 10);              // the library's training loops
        QCOMPARE(t->verticalHeaderItem(4)->text(), QString("bar correlation"));
        QVERIFY(t->item(4, 0)->text().toDouble() > 0);
        QVERIFY(t->item(5, 0)->text().contains("±"));             // precision, mean ± sd
    }

    void deleteAsksAndTheBundledModelStays()
    {
        auto w = window();
        QVERIFY(w->showPanel("models"));
        ModelsPanel* panel = w->modelsPanel();
        clickRow(panel->table(), rowOf(panel->table(), "default"));
        QVERIFY(!panel->deleteButton()->isEnabled());
        QVERIFY(!panel->renameButton()->isEnabled());
        QVERIFY(panel->activateButton()->isEnabled());
        clickRow(panel->table(), rowOf(panel->table(), "paused"));
        QVERIFY(panel->deleteButton()->isEnabled());
        QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
        auto* box = panel->findChild<QMessageBox*>("confirmDelete");
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!panel->findChild<QMessageBox*>("confirmDelete"));
        QVERIFY(rowOf(panel->table(), "paused") >= 0);
        QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
        box = panel->findChild<QMessageBox*>("confirmDelete");
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(rowOf(panel->table(), "paused"), -1);
        QVERIFY(!ModelStore::user().find("paused"));
        QVERIFY(rowOf(panel->table(), "default") == 0);
    }
};

QTEST_MAIN(TestTrainingView)
#include "test_training_view.moc"
