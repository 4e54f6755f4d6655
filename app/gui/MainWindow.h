#pragma once
// The thin main window: menus, the layout of the panels, the library file,
// and the import flow. Each panel is its own widget in ui/.
#include "core/io/LibraryDb.h"

#include <QMainWindow>
#include <QPointer>
#include <QProgressDialog>
#include <memory>
#include <optional>

class QLabel;
class QProgressDialog;
class QSplitter;
class QTabWidget;

namespace lm::ui {
class ImportRunner;
class LibraryPanel;
class LoopsPanel;
class PieceView;
} // namespace lm::ui

namespace lm::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) the library file; false with a message on failure.
    bool openLibrary(const QString& path);
    // Starts importing folders or files into the open library.
    void importPaths(const QStringList& paths);

    static QString defaultLibraryPath();
    // Brings a panel to the front by name ("library", "loops"); false when there is none.
    bool showPanel(const QString& name);
    QString libraryPath() const;
    ui::LibraryPanel* libraryPanel() const { return library_; }
    ui::LoopsPanel* loopsPanel() const { return loops_; }
    ui::PieceView* pieceView() const { return piece_; }
    ui::ImportRunner* importRunner() const { return runner_; }
    QProgressDialog* progressDialog() const { return progress_; }
    // Writes the selected window: audio pieces as WAV/FLAC cut at bar lines,
    // MIDI pieces as a MIDI file of the window's roll. Empty string when done.
    QString exportWindowTo(const QString& out);
    // Stores an audio piece's tempo (none: back to the estimate) and re-analyses
    // it off the GUI thread; tempoApplied follows.
    void applyTempo(const QString& path, std::optional<double> bpm, std::optional<double> downbeat);
    // Scores every window of the library with the detector in `modelDir`, off
    // the GUI thread; libraryScored follows. Done after each import when a
    // model folder is set.
    void scoreLibrary(const QString& modelDir);
    void setModelDir(const QString& dir) { modelDir_ = dir; }
    const QString& modelDir() const { return modelDir_; }
    // The report is shown after each import unless switched off (tests, scripts).
    void setShowImportReport(bool on) { showReport_ = on; }

Q_SIGNALS:
    void importFinished();
    void tempoApplied(const QString& path, const QString& error);
    void libraryScored(const QString& error);
    // Some of the paths given to importPaths do not exist (the message names them).
    void importRefused(const QString& message);

protected:
    void closeEvent(QCloseEvent*) override;
    void dragEnterEvent(QDragEnterEvent*) override;
    void dropEvent(QDropEvent*) override;

private:
    void buildMenus();
    void updateStatus();
    void onImportFinished(bool ok, const QString& error);

    std::unique_ptr<LibraryDb> db_;
    ui::LibraryPanel* library_ = nullptr;
    ui::LoopsPanel* loops_ = nullptr;
    ui::PieceView* piece_ = nullptr;
    QSplitter* split_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    ui::ImportRunner* runner_ = nullptr;
    QPointer<QProgressDialog> progress_; // deletes itself on close (Cancel, Escape)
    QLabel* counts_ = nullptr;
    bool showReport_ = true;
    QString modelDir_;
};

} // namespace lm::gui
