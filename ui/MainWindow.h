#pragma once
// The thin main window: menus, the layout of the panels, the status bar with
// its jobs area, drag and drop of folders. The library and its jobs live in
// LibrarySession; each panel is its own widget and does its own actions.
#include <QMainWindow>
#include <optional>

class QLabel;
class QSplitter;
class QTabWidget;

namespace lm::ui {

class BrowseMemory;
class GeneratePanel;
class JobsBar;
class LibraryPanel;
class LatentPanel;
class MapPanel;
class LibrarySession;
class LoopsPanel;
class ModelsPanel;
class PieceView;
class RecentLibraries;
class Audition;
class Transport;
class TrainView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) the library file; false with a message on failure.
    bool openLibrary(const QString& path);
    // Starts importing folders or files into the open library.
    void importPaths(const QStringList& paths);
    // Brings a panel to the front by name ("library", "loops", "generate", "training", "models"); false when there is none.
    bool showPanel(const QString& name);

    static QString defaultLibraryPath();
    QString libraryPath() const;
    LibrarySession* session() const { return session_; }
    LibraryPanel* libraryPanel() const { return library_; }
    LoopsPanel* loopsPanel() const { return loops_; }
    PieceView* pieceView() const { return piece_; }
    GeneratePanel* generatePanel() const { return generate_; }
    JobsBar* jobsBar() const { return jobs_; }
    Audition* audition() const { return audition_; }
    Transport* transport() const { return transport_; }
    TrainView* trainView() const { return train_; }
    ModelsPanel* modelsPanel() const { return models_; }
    LatentPanel* latentPanel() const { return latent_; }
    MapPanel* mapPanel() const { return map_; }
    RecentLibraries* recentLibraries() const { return recent_; } // File > Recent Libraries
    BrowseMemory* browseMemory() const { return memory_; }      // the last selection per library
    void setModelDir(const QString& dir);
    // The report is shown after each import unless switched off (tests, scripts).
    void setShowImportReport(bool on) { showReport_ = on; }

Q_SIGNALS:
    void importFinished();
    void importRefused(const QString& message);
    void tempoApplied(const QString& path, const QString& error);
    void libraryScored(const QString& error);

protected:
    void closeEvent(QCloseEvent*) override;
    void dragEnterEvent(QDragEnterEvent*) override;
    void dropEvent(QDropEvent*) override;

private:
    void buildFileMenu();
    void buildEditMenu();
    void connectSession();
    void updateStatus();
    void buildTransport(); // ui/audition/AuditionWiring.cpp
    void buildLatent();    // ui/latent/LatentWiring.cpp (the Explore tab)
    void onImportFinished(bool ok, const QString& error);

    LibrarySession* session_;
    LibraryPanel* library_;
    LoopsPanel* loops_;
    PieceView* piece_;
    GeneratePanel* generate_;
    QTabWidget* tabs_;
    QSplitter* split_;
    JobsBar* jobs_;
    TrainView* train_;
    ModelsPanel* models_;
    QLabel* counts_;
    Audition* audition_ = nullptr;
    Transport* transport_ = nullptr;
    LatentPanel* latent_ = nullptr;
    MapPanel* map_ = nullptr;
    RecentLibraries* recent_ = nullptr;
    BrowseMemory* memory_ = nullptr;
    bool showReport_ = true;
};

} // namespace lm::ui
