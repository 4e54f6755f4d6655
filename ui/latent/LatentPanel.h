#pragma once
// The "Explore" tab: the latent space of the active model (method.md 10).
// More like this: the nearest loops of the loop chosen in the Loops panel
// (LoopEmbeddings: distance of the quantised latents), as a list; choosing one
// shows it in the piece view, double-click or Enter also plays it.
// Interpolation: loops A and B (set from the chosen loop), N steps decoded
// from the spherical walk between their latents, shown as a strip of small
// rolls with their loop scores; a step is auditioned through the window's
// Transport, kept in the library as a generated loop, or exported as MIDI.
// Work runs as jobs; the GUI thread never waits on the model.
#include "core/library/LatentModels.h"
#include "core/model/LoopId.h"

#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lm::ui {

class InterpolationStrip;
class JobRunner;
class LibrarySession;

class LatentPanel : public QWidget {
    Q_OBJECT
public:
    enum SimilarColumn { SimilarLoop, SimilarSource, SimilarBar, SimilarDistance, SimilarColumns };

    explicit LatentPanel(QWidget* parent = nullptr);
    ~LatentPanel() override;
    void setSession(LibrarySession* session);
    // The loop chosen elsewhere (the Loops panel): what "More like this" and "Set A/B" take.
    void setCurrentLoop(const LoopId& id);
    std::optional<LoopId> currentLoop() const { return current_; }

    // Starts the searches (false, with why in the status line, when they cannot run).
    bool findSimilar();
    bool interpolate();
    // The chosen step written as a MIDI file; "" when written, else why not.
    QString exportStepTo(const QString& path);
    // Keeps the chosen step in the library as a generated loop; its id.
    std::optional<LoopId> keepStep();

    // What the audition plays while a step is being auditioned (empty otherwise).
    std::vector<uint64_t> auditionSteps() const;
    void releaseAudition() { auditioning_ = false; }

    QPushButton* similarButton() const { return similar_; }
    QTableWidget* similarTable() const { return table_; }
    QPushButton* setAButton() const { return setA_; }
    QPushButton* setBButton() const { return setB_; }
    QSpinBox* stepsBox() const { return steps_; }
    QPushButton* interpolateButton() const { return interpolate_; }
    InterpolationStrip* strip() const { return strip_; }
    QPushButton* playStepButton() const { return play_; }
    QPushButton* keepStepButton() const { return keep_; }
    QPushButton* exportStepButton() const { return export_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* stepLabel() const { return stepInfo_; }
    JobRunner* similarJob() const { return similarJob_; }
    JobRunner* interpolateJob() const { return interpolateJob_; }
    const Interpolation& interpolation() const { return walk_; }

Q_SIGNALS:
    void loopSelected(lm::LoopId id);   // a similar loop was chosen: show it
    void loopActivated(lm::LoopId id);  // ... and play it
    void stepAuditionRequested();       // play the chosen step (auditionSteps())
    void libraryLoopsChanged();         // a step was kept
    void similarFound(const QString& error);
    void interpolated(const QString& error);

private:
    QString modelDir() const;
    QString describe(const LoopId& id) const;
    void say(const QString& text);
    void updateButtons();
    void showStep(int step);
    void onSimilar(bool ok, const QString& error);
    void onInterpolated(bool ok, const QString& error);
    QWidget* buildSimilar();
    QWidget* buildInterpolation();

    LibrarySession* session_ = nullptr;
    std::optional<LoopId> current_, a_, b_;
    QLabel* currentLabel_;
    QPushButton* similar_;
    QSpinBox* k_;
    QTableWidget* table_;
    QPushButton* setA_;
    QPushButton* setB_;
    QLabel* aLabel_;
    QLabel* bLabel_;
    QSpinBox* steps_;
    QPushButton* interpolate_;
    InterpolationStrip* strip_;
    QLabel* stepInfo_;
    QPushButton* play_;
    QPushButton* keep_;
    QPushButton* export_;
    QLabel* status_;
    JobRunner* similarJob_;
    JobRunner* interpolateJob_;
    Interpolation walk_;
    bool auditioning_ = false;
};

} // namespace lm::ui
