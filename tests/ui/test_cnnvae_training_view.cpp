// The CNN-VAE baseline in the Train tab, driven with QTest on a fixture
// library (offscreen): "CNN-VAE" picked with the keyboard, a tiny run started
// with a click, paused and resumed, cancelled, then finished with "Resume from
// checkpoint" at the next epoch; the new model holds the CNN-VAE beside the
// networks copied from the active model, with its measures in model.json;
// then the Generate tab's CNN-VAE choice (disabled for a model without one)
// generates with it.
#include "GuiFixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/library/ModelStore.h"
#include "ui/generate/GenerationForm.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/jobs/JobRunner.h"
#include "ui/train/TrainCharts.h"
#include "ui/train/TrainForm.h"
#include "ui/train/TrainView.h"

#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QDoubleSpinBox>
#include <QTemporaryDir>

#include <algorithm>

using namespace lm;
using namespace lm::ui;

class TestCnnVaeTrainingView : public QObject {
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
        const QString music = test::setUpCollection(tmp_.path(), 4, 21);
        lib_ = tmp_.filePath("lib.sqlite");
        auto w = window();
        QSignalSpy scored(w.get(), &MainWindow::libraryScored);
        test::importAndWait(*w, music);
        QVERIFY(scored.wait(60000));
    }

    void pickCnnVaeTrainPauseCancelResume()
    {
        auto w = window();
        QVERIFY(w->showPanel("training"));
        TrainView* view = w->trainView();
        TrainForm* form = view->form();
        // "CNN-VAE" is the last choice of "Train": End on the focused box picks it.
        form->what()->setFocus();
        QTest::keyClick(form->what(), Qt::Key_End);
        QCOMPARE(form->what()->currentData().toString(), QString("cnnvae"));
        QVERIFY(form->what()->currentText().contains("CNN-VAE"));
        QVERIFY(!form->detectorData()->isEnabled()); // the detector is copied, not trained
        for (const auto& [name, value] : {std::pair{"cnnvaeEpochs", 12}, {"batch", 8}, {"threads", 1}}) {
            QSpinBox* s = form->spin(QString::fromLatin1(name));
            QVERIFY(s);
            s->selectAll();
            QTest::keyClicks(s, QString::number(value));
            QCOMPARE(s->value(), value);
        }
        QVERIFY(form->request().parts == std::vector<std::string>{"cnnvae"});
        QCOMPARE(form->request().cnnvaeEpochs, 12);
        QVERIFY(form->estimate()->text().startsWith("About"));
        form->loops()->setCurrentIndex(form->loops()->findData(int(LoopSource::AllMined)));
        form->name()->clear();
        QTest::keyClicks(form->name(), "cnn");

        QSignalSpy finished(view, &TrainView::trainingFinished);
        QTest::mouseClick(view->startButton(), Qt::LeftButton);
        QVERIFY(view->job()->running());
        QLineSeries* train = view->charts()->series("trainLoss");
        QTRY_VERIFY_WITH_TIMEOUT(train->count() >= 1, 60000);
        QCOMPARE(view->charts()->networkChoice()->currentText(), QString("cnnvae"));
        QTest::mouseClick(view->pauseButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->job()->context()->waitingInPause(), 60000);
        const int held = view->lastEpoch();
        QVERIFY(view->resumeButton()->isEnabled());
        QTest::mouseClick(view->resumeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->lastEpoch() >= held + 1, 60000);
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.front().at(2).toBool()); // cancelled
        const int stoppedAt = view->lastEpoch();
        QVERIFY(stoppedAt >= 1 && stoppedAt < 12);

        // Resume from checkpoint goes on at the next epoch and finishes.
        const int i = view->resumable()->findData("cnn");
        QVERIFY2(i >= 0, qPrintable(view->resumable()->itemText(0)));
        QVERIFY(view->resumable()->itemText(i).contains("CNN-VAE"));
        view->resumable()->setCurrentIndex(i);
        QSignalSpy finished2(view, &TrainView::trainingFinished);
        QTest::mouseClick(view->resumeSavedButton(), Qt::LeftButton);
        QVERIFY(finished2.wait(300000));
        QVERIFY2(finished2.front().at(1).toBool(), qPrintable(finished2.front().at(3).toString()));
        QCOMPARE(view->firstEpochOfRun(), stoppedAt + 1);
        QCOMPARE(view->lastEpoch(), 12);
        QCOMPARE(view->epochProgress()->maximum(), 12);

        const auto m = ModelStore::user().find("cnn");
        QVERIFY(m);
        for (const char* part : {"cnnvae", "detector", "vqvae", "prior"})
            QVERIFY2(std::count(m->parts.begin(), m->parts.end(), std::string(part)), part);
        QVERIFY(m->pending.empty());
        const QJsonObject cnn = m->info.value("parts").toObject().value("cnnvae").toObject();
        QCOMPARE(cnn.value("beta").toDouble(), 1.0); // annealed over the first 6 of 12 epochs
        QVERIFY(cnn.value("kl").toDouble() > 0);
        QVERIFY(cnn.value("hamming_error").toDouble() < 0.5);
        QCOMPARE(cnn.value("epochs").toInt(), 12);
        QCOMPARE(cnn.value("resumed_from_epoch").toInt(), stoppedAt);
        QVERIFY(QFile::exists(QString::fromStdString(m->dir) + "/cnnvae.lmm"));
        QVERIFY(!QFile::exists(QString::fromStdString(m->dir) + "/cnnvae.ckpt"));
        cnnDir_ = QString::fromStdString(m->dir);
    }

    // The Generate tab offers the CNN-VAE when the model has one, and generates with it.
    void generateWithTheCnnVae()
    {
        QVERIFY(!cnnDir_.isEmpty());
        {
            auto plain = window(); // the bundled model: no CNN-VAE to choose
            QVERIFY(plain->showPanel("generate"));
            auto* items = qobject_cast<QStandardItemModel*>(plain->generatePanel()->form()->network()->model());
            QVERIFY(items && !items->item(1)->isEnabled());
        }
        auto w = std::make_unique<MainWindow>();
        w->setShowImportReport(false);
        w->setModelDir(cnnDir_);
        QVERIFY(w->openLibrary(lib_));
        w->show();
        QVERIFY(w->showPanel("generate"));
        GeneratePanel* p = w->generatePanel();
        QComboBox* net = p->form()->network();
        net->setFocus();
        QTest::keyClick(net, Qt::Key_End);
        QCOMPARE(net->currentData().toString(), QString("cnnvae"));
        QVERIFY(!p->form()->temperature()->isEnabled()); // no temperature for a Gaussian
        for (const auto& [box, text] : {std::pair<QAbstractSpinBox*, QString>{p->form()->count(), "2"},
                                        {p->form()->maxScore(), "1"}, {p->form()->maxDrawn(), "3000"}}) {
            box->setFocus();
            QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(box, text);
            QTest::keyClick(box, Qt::Key_Return);
        }
        QCOMPARE(p->form()->count()->value(), 2);
        QSignalSpy finished(p, &GeneratePanel::generationFinished);
        QTest::mouseClick(p->generateButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.front().at(0).toString(), QString());
        QVERIFY(p->shownBatch());
        QCOMPARE(p->results()->rowCount(), 2);
        QVERIFY2(QString::fromStdString(p->shownBatch()->modelName).endsWith("(CNN-VAE)"), p->shownBatch()->modelName.c_str());
        // The loops are the CNN-VAE's: the CLI's `generate --net cnnvae` with the panel's seed writes the same rolls.
        QTemporaryDir out;
        QProcess cli;
        cli.start(LM_CLI, {"generate", "--model", cnnDir_, "--net", "cnnvae", "-n", "2", "--max-score", "1", "--max-drawn", "3000",
                           "--seed", QString::number(p->form()->seed()->value()), "--out", out.path(), "--quiet"});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const auto& loops = p->shownBatch()->loops;
        QCOMPARE(int(loops.size()), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(int(loops[size_t(i)].loop.roll.size()), 128);
            auto midi = readMidiFile(out.filePath(QString("loop_00%1.mid").arg(i + 1)).toStdString());
            QVERIFY(midi.ok());
            QVERIFY(windowSteps(analysePiece(*midi), 0) == loops[size_t(i)].loop.roll);
        }
    }

private:
    QString cnnDir_;
};

QTEST_MAIN(TestCnnVaeTrainingView)
#include "test_cnnvae_training_view.moc"
