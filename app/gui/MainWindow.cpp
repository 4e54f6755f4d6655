#include "MainWindow.h"

#include "ui/ImportRunner.h"
#include "ui/LibraryPanel.h"
#include "ui/LoopsPanel.h"
#include "ui/dialogs/ImportReportDialog.h"
#include "ui/models/LibraryTableModel.h"
#include "ui/views/PieceView.h"

#include "core/audio/AudioExport.h"
#include "core/io/LibraryImport.h"
#include "core/io/MidiWriter.h"
#ifdef LOOPMINER_WITH_TORCH
#include "core/ml/LoopDetector.h"
#endif
#include "core/model/RollToMidi.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

namespace lm::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("loopminer"));
    setAcceptDrops(true);
    resize(1280, 820);
    library_ = new ui::LibraryPanel(this);
    loops_ = new ui::LoopsPanel(this);
    piece_ = new ui::PieceView(this);
    auto* tabs = tabs_ = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("panelTabs"));
    tabs->addTab(library_, tr("Library"));
    tabs->addTab(loops_, tr("Loops"));
    split_ = new QSplitter(Qt::Horizontal, this);
    split_->setObjectName(QStringLiteral("mainSplitter"));
    split_->addWidget(tabs);
    split_->addWidget(piece_);
    split_->setStretchFactor(1, 1);
    split_->setSizes({420, 860});
    setCentralWidget(split_);
    counts_ = new QLabel(this);
    counts_->setObjectName(QStringLiteral("libraryCounts"));
    statusBar()->addPermanentWidget(counts_);
    runner_ = new ui::ImportRunner(this);
    connect(runner_, &ui::ImportRunner::finished, this, &MainWindow::onImportFinished);
    connect(library_, &ui::LibraryPanel::fileActivated, piece_, &ui::PieceView::showFile);
    connect(loops_, &ui::LoopsPanel::loopChosen, this, [this](const QString& path, int startBar) {
        if (piece_->currentFile() != path)
            piece_->showFile(path);
        piece_->selectWindow(startBar);
    });
    connect(piece_, &ui::PieceView::tempoChangeRequested, this, &MainWindow::applyTempo);
    buildMenus();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    split_->restoreState(settings.value(QStringLiteral("window/split")).toByteArray());
    tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    connect(tabs, &QTabWidget::currentChanged, this,
            [](int i) { QSettings().setValue(QStringLiteral("window/tab"), i); });
}

MainWindow::~MainWindow() = default;

QString MainWindow::defaultLibraryPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/library.sqlite");
}

bool MainWindow::showPanel(const QString& name)
{
    QWidget* panel = name == QLatin1String("library") ? static_cast<QWidget*>(library_)
        : name == QLatin1String("loops")              ? static_cast<QWidget*>(loops_)
                                                      : nullptr;
    if (panel)
        tabs_->setCurrentWidget(panel);
    return panel != nullptr;
}

QString MainWindow::libraryPath() const { return db_ ? QString::fromStdString(db_->path()) : QString(); }

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newLib = file->addAction(tr("&New Library..."));
    connect(newLib, &QAction::triggered, this, [this] {
        QString p = QFileDialog::getSaveFileName(this, tr("New library"), QDir::homePath(), tr("Libraries (*.sqlite)"));
        if (p.isEmpty())
            return;
        if (!p.endsWith(QStringLiteral(".sqlite"), Qt::CaseInsensitive))
            p += QStringLiteral(".sqlite"); // what the filter promised
        openLibrary(p);
    });
    QAction* openLib = file->addAction(tr("&Open Library..."));
    openLib->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openLib, &QAction::triggered, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Open library"), QDir::homePath(), tr("Libraries (*.sqlite)"));
        if (!p.isEmpty())
            openLibrary(p);
    });
    QAction* import = file->addAction(tr("&Import Folder..."));
    import->setShortcut(QKeySequence::Open);
    connect(import, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder of MIDI and audio files"));
        if (!dir.isEmpty())
            importPaths({dir});
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QAction* exportWindow = file->addAction(tr("&Export Window..."));
    exportWindow->setObjectName(QStringLiteral("exportWindowAction"));
    exportWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportWindow->setEnabled(false);
    exportWindow->setToolTip(tr("Select a window on the matrix or the strip first"));
    connect(piece_, &ui::PieceView::windowShown, exportWindow, [exportWindow](int start) { exportWindow->setEnabled(start >= 0); });
    connect(exportWindow, &QAction::triggered, this, [this] {
        if (piece_->selectedWindow() < 0) {
            statusBar()->showMessage(tr("Nothing to export: select a window on the matrix or the strip first"), 5000);
            return;
        }
        const bool audio = piece_->isAudio();
        const QString base = QFileInfo(piece_->currentFile()).completeBaseName()
            + QStringLiteral("_bars%1-%2").arg(piece_->selectedWindow() + 1).arg(piece_->selectedWindow() + 8);
        const QString out = QFileDialog::getSaveFileName(
            this, tr("Export window"), QDir::home().filePath(base + (audio ? ".wav" : ".mid")),
            audio ? tr("Audio (*.wav *.flac)") : tr("MIDI files (*.mid)"));
        if (out.isEmpty())
            return;
        const QString error = exportWindowTo(out);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), error);
        else
            statusBar()->showMessage(tr("Exported %1").arg(out), 5000);
    });
    file->insertAction(quit, exportWindow);
    file->insertSeparator(quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* find = edit->addAction(tr("&Filter"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] { // the filter of the tab on show
        if (tabs_->currentWidget() == loops_)
            loops_->focusFilter();
        else
            library_->focusFilter();
    });
}

bool MainWindow::openLibrary(const QString& path)
{
    auto db = LibraryDb::open(path.toStdString());
    if (!db) {
        QMessageBox::warning(this, tr("Cannot open library"), QString::fromStdString(db.error().toString()));
        return false;
    }
    library_->setLibrary(nullptr);
    loops_->setLibrary(nullptr);
    piece_->clear(); // what it showed belongs to the library being closed
    piece_->setLibrary(nullptr);
    db_ = std::move(*db);
    piece_->setLibrary(db_.get());
    library_->setLibrary(db_.get());
    loops_->setLibrary(db_.get());
    QSettings().setValue(QStringLiteral("library/path"), path);
    setWindowTitle(QStringLiteral("loopminer — %1").arg(QFileInfo(path).fileName()));
    updateStatus();
    return true;
}

void MainWindow::importPaths(const QStringList& requested)
{
    if (!db_ || runner_->running() || requested.isEmpty())
        return;
    QStringList paths, missing;
    for (const QString& p : requested)
        (QFileInfo::exists(p) ? paths : missing) << p;
    if (!missing.isEmpty()) {
        const QString text = tr("Cannot import %1: no such file or folder.").arg(missing.join(QStringLiteral(", ")));
        statusBar()->showMessage(text, 10000);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Import"), text, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("importRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): a start with --import must not block here
        Q_EMIT importRefused(text);
    }
    if (paths.isEmpty())
        return;
    progress_ = new QProgressDialog(tr("Looking for MIDI and audio files..."), tr("Cancel"), 0, 0, this);
    progress_->setWindowTitle(tr("Importing"));
    progress_->setMinimumDuration(0);
    progress_->setAttribute(Qt::WA_DeleteOnClose);
    auto* clock = new QElapsedTimer;
    clock->start();
    connect(progress_, &QProgressDialog::canceled, runner_, &ui::ImportRunner::cancel);
    connect(progress_, &QDialog::rejected, runner_, &ui::ImportRunner::cancel); // Escape
    connect(runner_, &ui::ImportRunner::progress, progress_,
            [this, clock](qint64 done, qint64 total, const QString& file) {
                if (!progress_)
                    return;
                progress_->setMaximum(int(total));
                progress_->setValue(int(done));
                const double rate = done / std::max(0.001, clock->elapsed() / 1000.0);
                progress_->setLabelText(tr("%1 of %2 files, %3 files/s\n%4")
                                            .arg(done)
                                            .arg(total)
                                            .arg(rate, 0, 'f', 0)
                                            .arg(QFileInfo(file).fileName()));
            });
    connect(progress_, &QObject::destroyed, this, [clock] { delete clock; });
    progress_->show();
    runner_->start(libraryPath(), paths);
}

void MainWindow::onImportFinished(bool ok, const QString& error)
{
    if (progress_) {
        progress_->close();
        progress_ = nullptr;
    }
    library_->reload();
    loops_->reload();
    updateStatus();
    // Score again only when there is something new: windows read in this import,
    // or scores from another model.
    if (ok && !modelDir_.isEmpty()
        && (runner_->summary().read > 0 || db_->loopModel() != std::optional<std::string>(modelDir_.toStdString())))
        scoreLibrary(modelDir_);
    if (!ok)
        QMessageBox::warning(this, tr("Import failed"), error);
    else if (showReport_)
        ui::ImportReportDialog(runner_->summary(), this).exec();
    Q_EMIT importFinished();
}

QString MainWindow::exportWindowTo(const QString& out)
{
    const int start = piece_->selectedWindow();
    if (start < 0)
        return tr("No window selected");
    if (auto grid = piece_->audioGrid()) {
        auto cut = exportAudioBars(piece_->currentFile().toStdString(), grid->first, grid->second, start,
                                   format::kBarsPerWindow, out.toStdString());
        return cut ? QString() : QString::fromStdString(cut.error().toString());
    }
    const auto steps = piece_->selectedSteps();
    if (steps.empty())
        return tr("No window selected");
    RollExportOptions options;
    options.bpm = piece_->tempoBpm();
    auto written = writeMidiFile(out.toStdString(), rollToMidi(steps, options));
    return written ? QString() : QString::fromStdString(written.error().toString());
}

void MainWindow::applyTempo(const QString& path, std::optional<double> bpm, std::optional<double> downbeat)
{
    if (!db_)
        return;
    const std::string file = path.toStdString();
    auto stored = bpm || downbeat ? db_->setTempoSetting(file, TempoSetting{bpm, downbeat}) : db_->clearTempoSetting(file);
    if (!stored) {
        Q_EMIT tempoApplied(path, QString::fromStdString(stored.error().toString()));
        return;
    }
    statusBar()->showMessage(tr("Analysing %1 again...").arg(QFileInfo(path).fileName()));
    // Decoding a song takes up to a second or two: off the GUI thread, on its own connection.
    auto error = std::make_shared<QString>();
    QThread* worker = QThread::create([libPath = db_->path(), file, error] {
        auto lib = LibraryDb::open(libPath);
        auto r = lib ? reanalyseFile(**lib, file) : Result<ImportedFile>(lib.error());
        if (!r)
            *error = QString::fromStdString(r.error().toString());
    });
    connect(worker, &QThread::finished, this, [this, worker, path, error] {
        worker->deleteLater();
        statusBar()->clearMessage();
        library_->reload();
        loops_->reload();
        if (piece_->currentFile() == path)
            piece_->showFile(path);
        // The piece's windows are new rows: score them, and the counts change.
        if (error->isEmpty() && !modelDir_.isEmpty())
            scoreLibrary(modelDir_);
        updateStatus();
        Q_EMIT tempoApplied(path, *error);
    });
    worker->start();
}

void MainWindow::scoreLibrary(const QString& modelDir)
{
    if (!db_)
        return;
    statusBar()->showMessage(tr("Scoring loops with %1...").arg(modelDir));
    auto error = std::make_shared<QString>();
    QThread* worker = QThread::create([libPath = db_->path(), dir = modelDir.toStdString(), error] {
#ifndef LOOPMINER_WITH_TORCH
        (void)libPath;
        (void)dir;
        *error = QStringLiteral("this build has no LibTorch (LOOPMINER_WITH_TORCH=OFF)");
#else
        auto detector = ml::LoopDetector::load(dir);
        auto lib = LibraryDb::open(libPath);
        if (!detector || !lib) {
            *error = QString::fromStdString(!detector ? detector.error().toString() : lib.error().toString());
            return;
        }
        if (auto r = ml::scoreLibrary(**lib, *detector, dir); !r)
            *error = QString::fromStdString(r.error().toString());
#endif
    });
    connect(worker, &QThread::finished, this, [this, worker, error] {
        worker->deleteLater();
        statusBar()->clearMessage();
        if (!error->isEmpty())
            statusBar()->showMessage(tr("Loop scores not updated: %1").arg(*error), 10000);
        library_->reload();
        loops_->reload();
        if (!piece_->currentFile().isEmpty()) {
            const int window = piece_->selectedWindow();
            piece_->showFile(piece_->currentFile());
            piece_->selectWindow(window);
        }
        updateStatus();
        Q_EMIT libraryScored(*error);
    });
    worker->start();
}

void MainWindow::updateStatus()
{
    if (!db_) {
        counts_->setText(tr("No library"));
        return;
    }
    const LibraryCounts c = db_->counts();
    QString text = tr("%1 files, %2 usable, %3 windows kept").arg(c.files).arg(c.usable).arg(c.windowsKept);
    if (const auto threshold = db_->loopThreshold()) {
        LoopQuery under;
        under.maxScore = *threshold;
        text += tr(", %1 loops under %2").arg(db_->countLoops(under)).arg(*threshold, 0, 'g', 3);
    }
    counts_->setText(text);
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    runner_->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/split"), split_->saveState());
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e)
{
    QStringList paths;
    for (const QUrl& u : e->mimeData()->urls())
        if (u.isLocalFile())
            paths << u.toLocalFile();
    importPaths(paths);
}

} // namespace lm::gui
