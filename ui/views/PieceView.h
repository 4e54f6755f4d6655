#pragma once
// One piece: its self-similarity matrix with the window strip, and the piano
// roll of the selected window. MIDI files are analysed here through core;
// audio pieces are shown from what the library stored at import (their matrix
// costs a decode to redo). Loop scores come from the library.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/library/LibraryDb.h"
#include "ui/views/SsmView.h"

#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QToolButton;

namespace lm::ui {

class LibrarySession;
class SsmView;
class PianoRollView;

class PieceView : public QWidget {
    Q_OBJECT
public:
    explicit PieceView(QWidget* parent = nullptr);

    void setLibrary(LibraryDb* db) { db_ = db; }
    // Follows the session: cleared when another library opens, shown again
    // (same window) when the library's content or scores change.
    void setSession(LibrarySession* session);
    // Shows `path` (when not already shown) with the window at startBar selected.
    void showWindowOf(const QString& path, int startBar);
    // Shows the current piece again from the library, keeping the selected window.
    void refresh();
    // File > Export Window (Ctrl+E): enabled while a window is selected.
    QAction* exportAction() const { return export_; }
    // Writes the selected window: audio pieces as WAV/FLAC cut at bar lines,
    // MIDI pieces as a MIDI file of the window's roll. "" when written, else why not.
    QString exportWindowTo(const QString& out);
    // Shows the file; false (with the reason shown) when it cannot be shown.
    bool showFile(QString path); // by value: callers pass currentFile()
    // Shows nothing (another library was opened, or nothing is selected).
    void clear();
    QLabel* infoLabel() const { return info_; }
    void selectWindow(int startBar);

    SsmView* ssmView() const { return ssm_; }
    PianoRollView* rollView() const { return roll_; }
    QToolButton* tempoButton() const { return tempo_; }
    const QString& currentFile() const { return path_; }
    bool isAudio() const { return audio_.has_value(); }
    // The audio piece's grid (bpm, downbeat seconds), when an audio piece is shown.
    std::optional<std::pair<double, double>> audioGrid() const;
    int selectedWindow() const;
    // The selected window's 57 x 128 roll (MIDI pieces).
    std::vector<uint64_t> selectedSteps() const;
    double tempoBpm() const;

Q_SIGNALS:
    void windowShown(int startBar); // -1: no window (nothing shown)
    void exported(const QString& file);
    // The user set (or, with neither value, cleared) an audio piece's tempo.
    void tempoChangeRequested(const QString& path, std::optional<double> bpm, std::optional<double> downbeat);

private:
    bool showAudio(const QString& path);
    std::vector<StripCell> stripFor(const std::vector<StoredWindow>& stored, size_t count,
                                    const std::function<bool(size_t)>& kept) const;
    void editTempo();
    void exportWithDialog();

    LibraryDb* db_ = nullptr;
    SsmView* ssm_;
    PianoRollView* roll_;
    QLabel* info_;
    QToolButton* tempo_;
    QAction* export_;
    QString path_;
    std::optional<PieceAnalysis> piece_;
    std::optional<StoredPiece> audio_;
    std::vector<WindowCorrelation> correlations_; // per window start
    std::vector<uint64_t> stacked_; // the piece's 57-row roll, stacked once per piece
};

} // namespace lm::ui
