#include "MainWindow.h"

#include "ui/ImportRunner.h"
#include "ui/LibraryPanel.h"
#include "ui/LoopsPanel.h"
#include "ui/dialogs/ImportReportDialog.h"
#include "ui/models/LibraryTableModel.h"
#include "ui/views/PieceView.h"

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

namespace lm::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("loopminer"));
    setAcceptDrops(true);
    resize(1280, 820);
    library_ = new ui::LibraryPanel(this);
    loops_ = new ui::LoopsPanel(this);
    piece_ = new ui::PieceView(this);
    auto* tabs = new QTabWidget(this);
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
    statusBar()->addPermanentWidget(counts_);
    runner_ = new ui::ImportRunner(this);
    connect(runner_, &ui::ImportRunner::finished, this, &MainWindow::onImportFinished);
    connect(library_, &ui::LibraryPanel::fileActivated, piece_, &ui::PieceView::showFile);
    connect(loops_, &ui::LoopsPanel::loopChosen, this, [this](const QString& path, int startBar) {
        if (piece_->currentFile() != path)
            piece_->showFile(path);
        piece_->selectWindow(startBar);
    });
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

QString MainWindow::libraryPath() const { return db_ ? QString::fromStdString(db_->path()) : QString(); }

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newLib = file->addAction(tr("&New Library..."));
    connect(newLib, &QAction::triggered, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("New library"), QDir::homePath(), tr("Libraries (*.sqlite)"));
        if (!p.isEmpty())
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
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder of MIDI files"));
        if (!dir.isEmpty())
            importPaths({dir});
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* find = edit->addAction(tr("&Filter Library"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, library_, &ui::LibraryPanel::focusFilter);
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
    db_ = std::move(*db);
    library_->setLibrary(db_.get());
    loops_->setLibrary(db_.get());
    QSettings().setValue(QStringLiteral("library/path"), path);
    setWindowTitle(QStringLiteral("loopminer — %1").arg(QFileInfo(path).fileName()));
    updateStatus();
    return true;
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (!db_ || runner_->running() || paths.isEmpty())
        return;
    progress_ = new QProgressDialog(tr("Looking for MIDI files..."), tr("Cancel"), 0, 0, this);
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
    if (!ok)
        QMessageBox::warning(this, tr("Import failed"), error);
    else if (showReport_)
        ui::ImportReportDialog(runner_->summary(), this).exec();
    Q_EMIT importFinished();
}

void MainWindow::updateStatus()
{
    if (!db_) {
        counts_->setText(tr("No library"));
        return;
    }
    const LibraryCounts c = db_->counts();
    counts_->setText(tr("%1 files, %2 usable, %3 windows kept").arg(c.files).arg(c.usable).arg(c.windowsKept));
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
