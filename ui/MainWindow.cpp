#include "MainWindow.h"

#include "DemoLibrary.h"
#include "BrowseMemory.h"
#include "LibraryPanel.h"
#include "LibrarySession.h"
#include "LoopDrag.h"
#include "LoopExporter.h"
#include "LoopListExport.h"
#include "LoopsPanel.h"
#include "dialogs/ImportReportDialog.h"
#include "generate/GeneratePanel.h"
#include "i18n/LanguageMenu.h"
#include "help/HelpMenu.h"
#include "jobs/JobRunner.h"
#include "jobs/JobsBar.h"
#include "latent/LatentPanel.h"
#include "latent/MapPanel.h"
#include "look/Look.h"
#include "models/LoopsTableModel.h"
#include "models/ModelsPanel.h"
#include "RecentLibraries.h"
#include "WindowState.h"
#include "train/TrainForm.h"
#include "train/TrainView.h"
#include "views/PieceView.h"
#include "views/ScoreFormat.h"
#include "views/WhyPanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QTableWidget>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

namespace lm::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("loopminer"));
    setAcceptDrops(true);
    resize(1280, 820);
    session_ = new LibrarySession(this);
    library_ = new LibraryPanel(this);
    loops_ = new LoopsPanel(this);
    piece_ = new PieceView(this);
    generate_ = new GeneratePanel(this);
    library_->setSession(session_);
    loops_->setSession(session_);
    piece_->setSession(session_);
    generate_->setSession(session_);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("panelTabs"));
    tabs_->addTab(library_, tr("Library"));
    tabs_->addTab(loops_, tr("Loops"));
    tabs_->addTab(generate_, tr("Generate"));
    train_ = new TrainView(this);
    train_->setSession(session_);
    train_->form()->setSelectionSource([this] { return loops_->model()->query(); });
    tabs_->addTab(train_, tr("Train"));
    models_ = new ModelsPanel(this);
    models_->setSession(session_);
    tabs_->addTab(models_, tr("Models"));
    connect(train_, &TrainView::trainingStarted, models_, &ModelsPanel::reload);
    connect(train_, &TrainView::trainingFinished, models_, &ModelsPanel::reload);
    split_ = new QSplitter(Qt::Horizontal, this);
    split_->setObjectName(QStringLiteral("mainSplitter"));
    split_->addWidget(tabs_);
    split_->addWidget(piece_);
    split_->setStretchFactor(1, 1);
    split_->setSizes({420, 860});
    setCentralWidget(split_);
    jobs_ = new JobsBar(this);
    for (JobRunner* r : {session_->importJob(), session_->scoreJob(), session_->tempoJob(), train_->job(), models_->evaluateJob()})
        jobs_->watch(r);
    jobs_->watch(generate_->job());
    statusBar()->addPermanentWidget(jobs_);
    counts_ = new QLabel(this);
    counts_->setObjectName(QStringLiteral("libraryCounts"));
    statusBar()->addPermanentWidget(counts_);
    connect(library_, &LibraryPanel::fileActivated, piece_, &PieceView::showFile);
    connect(loops_, &LoopsPanel::loopChosen, piece_, &PieceView::showWindowOf);
    connect(loops_, &LoopsPanel::loopIdChosen, piece_, [this](const LoopId& id) {
        if (id.source == LoopId::Source::Generated)
            piece_->showGeneratedLoop(id);
    });
    connect(generate_, &GeneratePanel::loopSelected, piece_, &PieceView::showGeneratedLoop);
    connect(generate_, &GeneratePanel::libraryLoopsChanged, loops_, &LoopsPanel::reload);
    connectSession();
    buildTransport();
    buildLatent();
    buildFileMenu();
    buildEditMenu();
    WhyPanel::installDock(this, piece_, session_); // "why is this a loop", beside the piece view
    installLook(this, tabs_, piece_); // View > Theme, Ctrl+1...7, F6, a size that fits the screen
    menuBar()->addMenu(new LanguageMenu(this));
    DemoLibrary::addMenuAction(this); // Help > Open Demo Library
    installHelpMenu(this); // last: Help > User Guide (F1), Keyboard Shortcuts, About
    memory_ = new BrowseMemory(this, session_, library_, loops_, piece_); // the last loop or piece, the loops' filters

    restoreWindowState(this, split_, tabs_);
    // Training and models need the width; the piece view has nothing to show for them.
    auto pieceForTab = [this] { piece_->setVisible(tabs_->currentWidget() != train_ && tabs_->currentWidget() != models_); };
    connect(tabs_, &QTabWidget::currentChanged, this, pieceForTab);
    pieceForTab();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectSession()
{
    connect(session_, &LibrarySession::importFinished, this, &MainWindow::onImportFinished);
    connect(session_, &LibrarySession::contentChanged, this, &MainWindow::updateStatus);
    connect(session_, &LibrarySession::scoresChanged, this, &MainWindow::updateStatus);
    connect(session_, &LibrarySession::tempoApplied, this, &MainWindow::tempoApplied);
    connect(session_, &LibrarySession::libraryScored, this, [this](const QString& error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Loop scores not updated: %1").arg(error), 10000);
        Q_EMIT libraryScored(error);
    });
    connect(session_, &LibrarySession::importRefused, this, [this](const QString& text) {
        statusBar()->showMessage(text, 10000);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Import"), text, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("importRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): a start with --import must not block here
        Q_EMIT importRefused(text);
    });
    connect(piece_, &PieceView::tempoChangeRequested, session_, &LibrarySession::applyTempo);
    connect(piece_, &PieceView::exported, this, [this](const QString& file) { statusBar()->showMessage(tr("Exported %1").arg(file), 5000); });
    jobs_->watch(loops_->exporting()->exporter()->job(), true);
    connect(loops_->exporting()->exporter(), &LoopExporter::finished, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(loops_->exporting()->dragStarter(), &LoopDragStarter::dragFailed, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    auto* resultsDrag = new LoopDragStarter( // the Generate panel's results drag out as .mid files too
        generate_->results(), [this] { return session_->db(); }, [this] { return generate_->selectedLoops(); });
    resultsDrag->setObjectName(QStringLiteral("generateResultsDrag"));
    connect(resultsDrag, &LoopDragStarter::dragFailed, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
}

QString MainWindow::defaultLibraryPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/library.sqlite");
}

QString MainWindow::libraryPath() const { return session_->path(); }

void MainWindow::setModelDir(const QString& dir) { session_->setModelDir(dir); }

bool MainWindow::showPanel(const QString& name)
{
    QWidget* panel = name == QLatin1String("library") ? static_cast<QWidget*>(library_)
        : name == QLatin1String("loops")              ? static_cast<QWidget*>(loops_)
        : name == QLatin1String("generate")           ? static_cast<QWidget*>(generate_)
        : name == QLatin1String("training") || name == QLatin1String("train") ? static_cast<QWidget*>(train_)
        : name == QLatin1String("models")             ? static_cast<QWidget*>(models_)
        : name == QLatin1String("explore")            ? static_cast<QWidget*>(latent_)
        : name == QLatin1String("map")                ? static_cast<QWidget*>(map_)
                                                      : nullptr;
    if (panel)
        tabs_->setCurrentWidget(panel);
    return panel != nullptr;
}

void MainWindow::buildFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    connect(file->addAction(tr("&New Library...")), &QAction::triggered, this, [this] {
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
    recent_ = new RecentLibraries(file, [this](const QString& p) { openLibrary(p); });
    QAction* import = file->addAction(tr("&Import Folder..."));
    import->setShortcut(QKeySequence::Open);
    connect(import, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder of MIDI and audio files"));
        if (!dir.isEmpty())
            importPaths({dir});
    });
    // Issue 18: the keys part in the bar correlation (off: the method's drums + bass).
    file->addAction(LibrarySession::keysInCorrelationAction(file));
    file->addAction(piece_->exportAction());
    file->addAction(loops_->exporting()->exportSelectedAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence(QKeySequence::Quit));
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* find = edit->addAction(tr("&Filter"), QKeySequence(QKeySequence::Find));
    connect(find, &QAction::triggered, this, [this] { // the filter of the tab on show
        if (tabs_->currentWidget() == loops_)
            loops_->focusFilter();
        else
            library_->focusFilter();
    });
}

bool MainWindow::openLibrary(const QString& path)
{
    const QString error = session_->open(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot open library"), error);
        return false;
    }
    recent_->add(path); // and the library the next start opens
    setWindowTitle(QStringLiteral("loopminer — %1").arg(QFileInfo(path).fileName()));
    updateStatus();
    return true;
}

void MainWindow::importPaths(const QStringList& paths) { session_->importPaths(paths); }

void MainWindow::onImportFinished(bool ok, const QString& error)
{
    if (!ok)
        QMessageBox::warning(this, tr("Import failed"), error);
    else if (showReport_)
        ImportReportDialog(session_->lastImport(), this).exec();
    Q_EMIT importFinished();
}

void MainWindow::updateStatus()
{
    LibraryDb* db = session_->db();
    if (!db) {
        counts_->setText(tr("No library"));
        return;
    }
    const LibraryCounts c = db->counts();
    QString text = tr("%L1 files, %L2 usable, %L3 windows kept").arg(c.files).arg(c.usable).arg(c.windowsKept);
    if (const auto threshold = db->loopThreshold()) {
        LoopQuery under;
        under.maxScore = *threshold;
        under.source = LoopQuery::Source::Mined;
        text += tr(", %L1 loops under %2").arg(db->countLoops(under)).arg(formatScore(*threshold));
    }
    counts_->setText(text);
    if (const auto& error = db->lastError()) // a read SQLite refused: the tables may be short
        statusBar()->showMessage(tr("Cannot read the library: %1").arg(QString::fromStdString(error->toString())));
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    // Running jobs stop at their next step and are joined: nothing is left
    // half-written, and a re-run of an import finishes the job.
    session_->cancelAll();
    generate_->job()->cancel();
    for (JobRunner* r : {train_->job(), models_->evaluateJob()}) // a training's last checkpoint stands
        r->cancel();
    session_->waitAll();
    generate_->job()->wait();
    for (JobRunner* r : {train_->job(), models_->evaluateJob()})
        r->wait();
    saveWindowState(this, split_);
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls() && !e->source()) // loops dragged out of a panel are not imported back
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

} // namespace lm::ui
