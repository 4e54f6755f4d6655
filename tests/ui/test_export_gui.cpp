// Export from the window (issue 14, export): the Export dialog on Ctrl+E and
// on the loops panel's Export Selected, driven with real clicks and keys;
// the question about an existing file (a refusal leaves it byte for byte);
// a batch of more than a few files as a job; a drag's mime data of .mid
// files that read back to the selected loops.
#include "GuiFixtures.h"
#include "../core/QtFileFixtures.h"
#include "../core/CliRun.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "ui/LibrarySession.h"
#include "ui/LoopDrag.h"
#include "ui/LoopExporter.h"
#include "ui/LoopListExport.h"
#include "ui/LoopsPanel.h"
#include "ui/dialogs/ExportDialog.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/jobs/JobRunner.h"
#include "ui/jobs/JobsBar.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/views/PieceView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QTableWidget>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <functional>

using namespace lm;
using namespace lm::test;

namespace {

PieceAnalysis readBack(const QString& path)
{
    auto midi = readMidiFile(path.toStdString());
    if (!midi)
        qFatal("%s", midi.error().toString().c_str());
    return analysePiece(*midi);
}

// The library window's roll, from its source file (not through the export code).
std::vector<uint64_t> libraryRoll(const QModelIndex& row)
{
    return windowSteps(readBack(row.data(ui::LoopsTableModel::FullPathRole).toString()),
                       row.data(ui::LoopsTableModel::StartBarRole).toLongLong());
}

// Answers each new modal widget named `name` with `answer`, in order, as it
// appears (the watcher polls the UI's state; it waits on no clock). Returns
// how many were answered so far.
class ModalAnswers : public QObject {
public:
    using Answer = std::function<void(QWidget*)>;
    ModalAnswers(const QString& name, std::vector<Answer> answers) : name_(name), answers_(std::move(answers))
    {
        timer_.setInterval(5);
        connect(&timer_, &QTimer::timeout, this, [this] {
            QWidget* m = QApplication::activeModalWidget();
            if (!m || m->objectName() != name_ || m == last_.data() || done_ >= answers_.size())
                return;
            last_ = m;
            answers_[done_++](m);
        });
        timer_.start();
    }
    size_t done() const { return done_; }

private:
    QString name_;
    std::vector<Answer> answers_;
    QTimer timer_;
    QPointer<QWidget> last_;
    size_t done_ = 0;
};

ModalAnswers::Answer click(const char* button)
{
    return [button](QWidget* box) {
        auto* b = box->findChild<QPushButton*>(QLatin1String(button));
        QVERIFY2(b, button);
        QTest::mouseClick(b, Qt::LeftButton);
    };
}

void setText(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Ctrl+E on the window, made active again first (a closed dialog leaves no active window offscreen).
void pressCtrlE(QWidget& w)
{
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
}

void clickExport(QWidget* dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

class TestExportGui : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString music_;

    void openLibrary(ui::MainWindow& w, const QString& name)
    {
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath(name)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        importAndWait(w, music_);
        QVERIFY(w.showPanel(QStringLiteral("loops")));
        QTRY_VERIFY(w.loopsPanel()->model()->rowCount() >= 8);
    }

    // Clicks row `first`, then Shift-clicks row `last`, as a user selects.
    static void selectRows(ui::MainWindow& w, int first, int last)
    {
        QTableView* t = w.loopsPanel()->table();
        auto* m = w.loopsPanel()->model();
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualRect(m->index(first, 1)).center());
        QTest::mouseClick(t->viewport(), Qt::LeftButton, Qt::ShiftModifier, t->visualRect(m->index(last, 1)).center());
        QCOMPARE(t->selectionModel()->selectedRows().size(), last - first + 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        music_ = setUpCollection(tmp_.path(), 8, 5);
        QSettings().clear();
    }

    void batchExportAsksBeforeReplacing()
    {
        ui::MainWindow w;
        openLibrary(w, "batch.sqlite");
        QAction* action = w.loopsPanel()->exporting()->exportSelectedAction();
        QVERIFY(!action->isEnabled());
        selectRows(w, 0, 2);
        QVERIFY(action->isEnabled());
        const QString out = tmp_.filePath("batch");
        auto* exporter = w.loopsPanel()->exporting()->exporter();
        QSignalSpy finished(exporter, &ui::LoopExporter::finished);

        ModalAnswers options("exportDialog", {[&](QWidget* d) {
            auto* dialog = static_cast<ui::ExportDialog*>(d);
            QCOMPARE(dialog->mode(), ui::ExportDialog::Mode::Folder);
            setText(dialog->targetEdit(), out);
            setText(dialog->patternEdit(), "{n}_{id}");
            QVERIFY(dialog->previewLabel()->text().startsWith("1_m"));
            clickExport(dialog);
        }});
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(options.done(), size_t(1));
        QVERIFY2(w.statusBar()->currentMessage().startsWith("Exported 3 loops to " + QDir::toNativeSeparators(out)),
                 qPrintable(w.statusBar()->currentMessage()));
        const QStringList files = exporter->lastReport().files;
        QCOMPARE(files.size(), 3);
        auto* m = w.loopsPanel()->model();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(QFileInfo(files[i]).fileName(), QStringLiteral("%1_%2.mid").arg(i + 1).arg(m->index(i, 0).data(ui::LoopsTableModel::LoopIdRole).toString()));
            QCOMPARE(windowSteps(readBack(files[i]), 0), libraryRoll(m->index(i, 0)));
        }

        // Again to the same names: Skip the first (it stays byte for byte), Replace All the rest.
        writeBytes(files[0], "old 0");
        writeBytes(files[1], "old 1");
        writeBytes(files[2], "old 2");
        ModalAnswers again("exportDialog", {clickExport});
        ModalAnswers questions("overwriteQuestion", {click("skip"), click("replaceAll")});
        action->trigger();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(questions.done(), size_t(2)); // Replace All: the third is not asked
        QCOMPARE(fileBytes(files[0]), QByteArray("old 0"));
        QCOMPARE(windowSteps(readBack(files[1]), 0), libraryRoll(m->index(1, 0)));
        QCOMPARE(windowSteps(readBack(files[2]), 0), libraryRoll(m->index(2, 0)));
        QCOMPARE(exporter->lastReport().skipped, 1);
        QVERIFY(w.statusBar()->currentMessage().contains("1 existing file kept"));

        // Cancel at the question: nothing is written.
        writeBytes(files[1], "old 1");
        ModalAnswers third("exportDialog", {clickExport});
        ModalAnswers cancel("overwriteQuestion", {click("cancel")});
        action->trigger();
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(fileBytes(files[0]), QByteArray("old 0"));
        QCOMPARE(fileBytes(files[1]), QByteArray("old 1"));
        QCOMPARE(w.statusBar()->currentMessage(), QString("Export cancelled"));
        QStringList names = QDir(out).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(names.size(), 3); // no temp file left behind
        w.loopsPanel()->table()->clearSelection(); // nothing selected, nothing to export (a reload keeps the chosen loop)
        QCOMPARE(w.loopsPanel()->table()->selectionModel()->hasSelection(), false);
        QVERIFY(!action->isEnabled());
    }

    void manyFilesRunAsAJob()
    {
        ui::MainWindow w;
        openLibrary(w, "job.sqlite");
        selectRows(w, 0, 7);
        auto* exporter = w.loopsPanel()->exporting()->exporter();
        QSignalSpy started(exporter->job(), &ui::JobRunner::started);
        QSignalSpy finished(exporter, &ui::LoopExporter::finished);
        ModalAnswers options("exportDialog", {[&](QWidget* d) {
            setText(static_cast<ui::ExportDialog*>(d)->targetEdit(), tmp_.filePath("many"));
            clickExport(d);
        }});
        // Held at its first file (paused as it starts), then Cancel in the jobs area: nothing written.
        ui::JobRunner* job = exporter->job();
        // (The jobs bar shows the job on `started` first; its Pause button, checked here, pauses it
        // before the job's thread runs.)
        auto pauseAtStart = connect(job, &ui::JobRunner::started, this, [&w] { w.jobsBar()->pauseButton()->setChecked(true); });
        w.loopsPanel()->exporting()->exportSelectedAction()->trigger();
        QTRY_COMPARE(w.jobsBar()->shown(), job);
        QTRY_VERIFY(w.jobsBar()->cancelButton()->isVisible());
        QTest::mouseClick(w.jobsBar()->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.last().at(0).toString(), QString("Export cancelled"));
        QVERIFY(exporter->lastReport().cancelled);
        QCOMPARE(entries(tmp_.filePath("many")), QStringList{});

        // Again, held, then resumed with the jobs area's Pause button: all eight.
        ModalAnswers again("exportDialog", {clickExport});
        w.loopsPanel()->exporting()->exportSelectedAction()->trigger();
        QTRY_VERIFY(w.jobsBar()->pauseButton()->isVisible());
        disconnect(pauseAtStart);
        QVERIFY(job->paused());
        QTest::mouseClick(w.jobsBar()->pauseButton(), Qt::LeftButton); // resume
        QVERIFY(!job->paused());
        QVERIFY(finished.wait(60000));
        QCOMPARE(started.size(), 2); // on the job's thread, not the GUI's
        QCOMPARE(exporter->lastReport().files.size(), 8);
        QCOMPARE(exporter->lastReport().errors, QStringList());
        QCOMPARE(QDir(tmp_.filePath("many")).entryList(QDir::Files).size(), 8);
    }

    void ctrlEUsesTheDialogAndAsks()
    {
        ui::MainWindow w;
        openLibrary(w, "single.sqlite");
        selectRows(w, 1, 1);
        ui::PieceView* piece = w.pieceView();
        QTRY_VERIFY(!piece->loading() && piece->selectedWindow() >= 0);
        const std::vector<uint64_t> steps = piece->selectedSteps();
        const QString file = tmp_.filePath("single/loop.mid");
        QVERIFY(QDir().mkpath(tmp_.filePath("single")));
        writeBytes(tmp_.filePath("bad-kit.txt"), "kick 36\nbongo 60\n");

        // A bad drum map keeps the dialog open and names the file and line; then a good export.
        ModalAnswers first("exportDialog", {[&](QWidget* d) {
            auto* dialog = static_cast<ui::ExportDialog*>(d);
            QCOMPARE(dialog->mode(), ui::ExportDialog::Mode::File);
            QVERIFY(dialog->targetEdit()->text().endsWith(
                QFileInfo(piece->currentFile()).completeBaseName() + QStringLiteral("_bars%1-%2.mid").arg(piece->selectedWindow() + 1).arg(piece->selectedWindow() + 8)));
            setText(dialog->targetEdit(), file);
            setText(dialog->drumMapEdit(), tmp_.filePath("bad-kit.txt"));
            clickExport(dialog);
            QVERIFY(dialog->isVisible());
            QVERIFY2(dialog->errorLabel()->text().contains("bad-kit.txt: line 2: unknown drum class 'bongo'"), qPrintable(dialog->errorLabel()->text()));
            dialog->drumMapEdit()->clear();
            dialog->repeatSpin()->setFocus();
            dialog->repeatSpin()->selectAll();
            QTest::keyClicks(dialog->repeatSpin(), "2");
            QTest::mouseClick(dialog->tempoCheck(), Qt::LeftButton);
            dialog->tempoSpin()->selectAll();
            QTest::keyClicks(dialog->tempoSpin(), "100");
            clickExport(dialog);
        }});
        QSignalSpy exported(piece, &ui::PieceView::exported);
        pressCtrlE(w);
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(0).toString(), file);
        PieceAnalysis back = readBack(file);
        QCOMPARE(back.bars(), int64_t(16));
        QVERIFY(std::abs(back.firstTempoBpm() - 100) < 0.01);
        QCOMPARE(windowSteps(back, 0), steps);
        QCOMPARE(windowSteps(back, 8), steps);

        // The same file again: the options are remembered; Cancel at the question keeps the file.
        const QByteArray before = fileBytes(file);
        ModalAnswers second("exportDialog", {[&](QWidget* d) {
            auto* dialog = static_cast<ui::ExportDialog*>(d);
            QCOMPARE(dialog->repeatSpin()->value(), 2);
            QVERIFY(dialog->tempoCheck()->isChecked());
            QCOMPARE(dialog->tempoSpin()->value(), 100.0);
            setText(dialog->targetEdit(), file);
            dialog->repeatSpin()->selectAll();
            QTest::keyClicks(dialog->repeatSpin(), "1");
            clickExport(dialog);
        }});
        ModalAnswers no("overwriteQuestion", {[](QWidget* box) {
            QVERIFY(!box->findChild<QPushButton*>("replaceAll")); // one file: Replace or Cancel
            click("cancel")(box);
        }});
        pressCtrlE(w);
        QCOMPARE(no.done(), size_t(1));
        QCOMPARE(exported.size(), 1);
        QCOMPARE(fileBytes(file), before);

        // And Replace: the new options are written.
        ModalAnswers third("exportDialog", {[&](QWidget* d) {
            setText(static_cast<ui::ExportDialog*>(d)->targetEdit(), file);
            clickExport(d);
        }});
        ModalAnswers yes("overwriteQuestion", {click("replace")});
        pressCtrlE(w);
        QCOMPARE(exported.size(), 2);
        QCOMPARE(readBack(file).bars(), int64_t(8));
        QCOMPARE(QDir(tmp_.filePath("single")).entryList(QDir::Files | QDir::Hidden), QStringList{"loop.mid"});
    }

    void dragCarriesMidiFilesOfTheSelection()
    {
        ui::MainWindow w;
        openLibrary(w, "drag.sqlite");
        selectRows(w, 2, 4);
        QSettings().setValue("export/repeat", 1);
        QSettings().setValue("export/useTempo", false);
        const std::vector<LoopId> ids = w.loopsPanel()->exporting()->selectedIds();
        QCOMPARE(ids.size(), size_t(3));
        QString error;
        std::unique_ptr<QMimeData> mime(ui::loopMimeData(*w.session()->db(), ids, ui::rememberedExportSettings(), &error));
        QVERIFY2(mime, qPrintable(error));
        const QList<QUrl> urls = mime->urls();
        QCOMPARE(urls.size(), 3);
        auto* m = w.loopsPanel()->model();
        for (int i = 0; i < 3; ++i) {
            QVERIFY(urls[i].isLocalFile());
            const QString path = urls[i].toLocalFile();
            QVERIFY(path.startsWith(ui::dragFolder()));
            QVERIFY(path.endsWith(".mid"));
            QVERIFY(QFileInfo::exists(path));
            QCOMPARE(windowSteps(readBack(path), 0), libraryRoll(m->index(2 + i, 0)));
        }
        // A real drag with the mouse: press on the selection, move past the drag distance.
        QTableView* t = w.loopsPanel()->table();
        QSignalSpy dragged(w.loopsPanel()->exporting()->dragStarter(), &ui::LoopDragStarter::dragStarted);
        const QPoint from = t->visualRect(m->index(3, 1)).center();
        QTest::mousePress(t->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(t->viewport(), from + QPoint(QApplication::startDragDistance() + 8, 4));
        QTRY_COMPARE(dragged.size(), 1);
        QTest::mouseRelease(t->viewport(), Qt::LeftButton, {}, from + QPoint(QApplication::startDragDistance() + 8, 4));
        const QList<QUrl> mouseUrls = dragged.first().at(0).value<QList<QUrl>>();
        QCOMPARE(mouseUrls.size(), 3); // the press kept the whole selection
        for (int i = 0; i < 3; ++i)
            QCOMPARE(windowSteps(readBack(mouseUrls[i].toLocalFile()), 0), libraryRoll(m->index(2 + i, 0)));

        // A second drag of the same loops: files of their own, the first drag's stay.
        std::unique_ptr<QMimeData> again(ui::loopMimeData(*w.session()->db(), ids, ui::rememberedExportSettings(), &error));
        QVERIFY(again && again->urls().size() == 3);
        QVERIFY(again->urls()[0] != urls[0]);
        QVERIFY(QFileInfo::exists(urls[0].toLocalFile()));
    }

    // Generated loops kept in the library: batch export from the loops panel
    // (source filter "Generated"), and a mouse drag from the Generate panel's results.
    void generatedLoopsExportAndDrag()
    {
        ui::MainWindow w;
        openLibrary(w, "generated.sqlite");
        auto* m = w.loopsPanel()->model();
        std::vector<std::vector<uint64_t>> rolls;
        GenerationBatch batch;
        batch.modelName = "default";
        batch.settings.tempoBpm = 101;
        for (int i = 0; i < 3; ++i) {
            rolls.push_back(libraryRoll(m->index(i, 0))); // whole 8-bar loops
            StoredGeneratedLoop g;
            g.loop = GeneratedLoop{rolls.back(), 0.0001 * (i + 1), 3, 2};
            batch.loops.push_back(g);
        }
        auto added = w.session()->db()->addGenerationBatch(batch, true);
        QVERIFY(added.ok());
        w.loopsPanel()->reload();
        QComboBox* source = w.loopsPanel()->sourceFilter();
        source->setCurrentIndex(source->findData(QStringLiteral("generated")));
        QTRY_COMPARE(m->rowCount(), 3);
        selectRows(w, 0, 2);
        const std::vector<LoopId> ids = w.loopsPanel()->exporting()->selectedIds();
        QCOMPARE(ids.size(), size_t(3));
        auto* exporter = w.loopsPanel()->exporting()->exporter();
        QSignalSpy finished(exporter, &ui::LoopExporter::finished);
        ModalAnswers options("exportDialog", {[&](QWidget* d) {
            setText(static_cast<ui::ExportDialog*>(d)->targetEdit(), tmp_.filePath("generated"));
            setText(static_cast<ui::ExportDialog*>(d)->patternEdit(), "{source}_{id}_{tempo}");
            clickExport(d);
        }});
        w.loopsPanel()->exporting()->exportSelectedAction()->trigger();
        QTRY_COMPARE(finished.size(), 1);
        const QStringList files = exporter->lastReport().files;
        QCOMPARE(files.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const LoopId id = ids[size_t(i)];
            QCOMPARE(id.source, LoopId::Source::Generated);
            QCOMPARE(QFileInfo(files[i]).fileName(), QStringLiteral("generated_%1_101.mid").arg(QString::fromStdString(id.text())));
            const auto stored = w.session()->db()->generatedLoop(id.id);
            QCOMPARE(windowSteps(readBack(files[i]), 0), stored->loop.roll);
        }

        // The Generate panel's results, dragged with the mouse.
        QVERIFY(w.showPanel(QStringLiteral("generate")));
        ui::GeneratePanel* panel = w.findChild<ui::GeneratePanel*>();
        panel->reloadHistory(added->id);
        QTableWidget* results = panel->results();
        QTRY_COMPARE(results->rowCount(), 3);
        results->selectRow(1);
        auto* drag = results->findChild<ui::LoopDragStarter*>(QStringLiteral("generateResultsDrag"));
        QVERIFY(drag);
        QSignalSpy dragged(drag, &ui::LoopDragStarter::dragStarted);
        const QPoint from = results->visualItemRect(results->item(1, 0)).center();
        QTest::mousePress(results->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(results->viewport(), from + QPoint(QApplication::startDragDistance() + 8, 0));
        QTRY_COMPARE(dragged.size(), 1);
        QTest::mouseRelease(results->viewport(), Qt::LeftButton, {}, from + QPoint(QApplication::startDragDistance() + 8, 0));
        const QList<QUrl> urls = dragged.first().at(0).value<QList<QUrl>>();
        QCOMPARE(urls.size(), 1);
        QCOMPARE(windowSteps(readBack(urls[0].toLocalFile()), 0), added->loops[1].loop.roll);
    }
};

QTEST_MAIN(TestExportGui)
#include "test_export_gui.moc"
