#pragma once
// One piece: its self-similarity matrix with the window strip, and the piano
// roll of the selected window. What is drawn is loaded as a job
// (core/library's PieceDisplay: the file's analysis, or an audio piece's
// stored one, with the library's loop scores), never on the GUI thread;
// pieceShown follows each showFile.
#include "core/library/PieceDisplay.h"
#include "core/model/LoopId.h"
#include "ui/views/SsmView.h"

#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace lm::ui {

class JobRunner;
class LibrarySession;
class MatrixChoice;
class PianoRollView;
class TempoOctaveButtons;

class PieceView : public QWidget {
    Q_OBJECT
public:
    explicit PieceView(QWidget* parent = nullptr);
    ~PieceView() override;

    // Follows the session: cleared when another library opens, shown again
    // (same window) when the library's content or scores change.
    void setSession(LibrarySession* session);
    // Loads and shows the file (as a job: pieceShown follows); a later call wins.
    void showFile(QString path); // by value: callers pass currentFile()
    // Shows `path` (when not already shown) with the window at startBar selected.
    void showWindowOf(const QString& path, int startBar);
    // Shows a generated loop of the library (kept or a pending result): its
    // roll and bar matrix, no piece. It is then the shown loop: selectedSteps(),
    // tempoBpm() and Export answer for it until a piece is shown again.
    void showGeneratedLoop(const lm::LoopId& id);
    // The generated loop shown, if one is (instead of a piece's window).
    std::optional<LoopId> generatedLoopShown() const { return generated_ ? std::optional<LoopId>(generated_->loopId()) : std::nullopt; }
    // Shows the current piece again from the library, keeping the selected window.
    void refresh();
    // Shows nothing (another library was opened, or nothing is selected).
    void clear();
    void selectWindow(int startBar);
    bool loading() const;

    // File > Export Window (Ctrl+E): enabled while a window is selected.
    QAction* exportAction() const { return export_; }
    // Writes the selected window: audio pieces as WAV/FLAC cut at bar lines,
    // MIDI pieces as a MIDI file of the window's roll. "" when written, else why not.
    QString exportWindowTo(const QString& out);

    SsmView* ssmView() const { return ssm_; }
    PianoRollView* rollView() const { return roll_; }
    MatrixChoice* matrixChoice() const { return matrix_; }
    QToolButton* tempoButton() const { return tempo_; }
    TempoOctaveButtons* tempoOctaveButtons() const { return octave_; }
    QLabel* infoLabel() const { return info_; }
    const QString& currentFile() const { return path_; }
    // What is drawn now (the "why" panel reads the selected window's facts from it); null before a load.
    const PieceDisplay* shownDisplay() const { return shown_.get(); }
    // A button of another part of the window in the header row, beside Tempo… (e.g. "Why?").
    void addHeaderButton(QWidget* button);
    bool isAudio() const { return shown_ && shown_->audio; }
    // The audio piece's grid (bpm, downbeat seconds), when an audio piece is shown.
    std::optional<std::pair<double, double>> audioGrid() const;
    int selectedWindow() const;
    // The selected window's 57 x 128 roll (MIDI pieces).
    std::vector<uint64_t> selectedSteps() const;
    double tempoBpm() const;
    // What the audition plays: the loop shown now (the selected window's 128
    // step masks and its tempo; empty steps when none, or an audio piece).
    struct ShownLoop {
        std::vector<uint64_t> steps;
        double bpm = 120;
        std::vector<uint64_t> keys; // the window's keys part (empty: none)
        int keysProgram = 0;
    };
    ShownLoop shownLoop() const;
    // The selected window's span and metre (method.md 10.2), for MIDI pieces.
    std::optional<WindowSpan> selectedSpan() const;

Q_SIGNALS:
    void pieceShown(const QString& path); // loaded and drawn (or its reason shown)
    void windowShown(int startBar);       // -1: no window (nothing shown)
    void shownLoopChanged();              // shownLoop() is another loop now
    void exported(const QString& file);
    // The user set (or, with neither value, cleared) an audio piece's tempo.
    void tempoChangeRequested(const QString& path, std::optional<double> bpm, std::optional<double> downbeat);

private:
    void load(const QString& path, int window);
    void apply(std::shared_ptr<const PieceDisplay> d, int window);
    void editTempo();
    void exportWithDialog();

    LibrarySession* session_ = nullptr;
    JobRunner* loader_;
    SsmView* ssm_;
    PianoRollView* roll_;
    MatrixChoice* matrix_;
    QLabel* info_;
    QToolButton* tempo_;
    QHBoxLayout* header_;
    TempoOctaveButtons* octave_;
    QAction* export_;
    QString path_;
    std::shared_ptr<const PieceDisplay> shown_;
    std::optional<std::pair<QString, int>> next_; // asked for while a load ran: path, window
    std::optional<StoredGeneratedLoop> generated_; // shown instead of a piece
};

} // namespace lm::ui
