#pragma once
// "Why is this a loop": for the window selected in the piece view, what its
// loop score is made of. The 8 x 8 bar matrix the detector reads, with the
// bars that break the repetition marked (lowest mean similarity to the rest);
// the score against the threshold on the library's score distribution; the
// period (method.md 10.1) with its r(1), r(2), r(4), r(8); and where the loop
// comes from (file, tracks, bars, tempo). It lives in a dock beside the piece
// view (an inspector that follows the selection, so the matrix and strip it
// explains stay in sight while Left/Right steps through the windows), opened
// by the piece view's "Why?" button, View > Why is this a loop? or Ctrl+I.
#include "core/analysis/Period.h"
#include "core/model/WindowCorrelation.h"

#include <QWidget>
#include <optional>

class QDockWidget;
class QLabel;
class QMainWindow;

namespace lm::ui {

class JobRunner;
class LibrarySession;
class PieceView;
class WhyHistogram;
class WhyMatrix;

// What the panel explains about one window.
struct WhyFacts {
    QString file;               // path, or "generated loop g3 (model)"
    QString tracks;             // "Drums (drums), Bass (bass)", or what an audio piece is
    int startBar = 0;           // from 0
    double bpm = 0;
    WindowCorrelation correlation{};
    std::optional<double> score, threshold;
    std::optional<int> period;  // as stored / shown on the strip
    PeriodDetail detail;        // r(p) as computed now
};

class WhyPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhyPanel(QWidget* parent = nullptr);
    ~WhyPanel() override;

    // The library's score histogram follows the session (reloaded as a job).
    void setSession(LibrarySession* session);
    // Explains the piece view's selected window whenever it changes.
    void follow(PieceView* view);
    void showFacts(const WhyFacts& facts);
    void clear();

    WhyMatrix* matrix() const { return matrix_; }
    WhyHistogram* histogram() const { return histogram_; }
    QLabel* verdictLabel() const { return verdict_; }
    QLabel* periodLabel() const { return period_; }
    QLabel* sourceLabel() const { return source_; }
    QLabel* breaksLabel() const { return breaks_; }
    std::vector<int> markedBars() const; // 0..7 in the window
    int windowBin() const;               // this window's bin in the histogram, -1 when none

    // The dock on the right of `window`, with a View menu entry to show or hide it.
    static QDockWidget* installDock(QMainWindow* window, PieceView* view, LibrarySession* session);

Q_SIGNALS:
    void histogramLoaded();

private:
    void reloadHistogram();
    void explain(const PieceView& view);

    LibrarySession* session_ = nullptr;
    JobRunner* loader_;
    WhyMatrix* matrix_;
    WhyHistogram* histogram_;
    QLabel *verdict_, *breaks_, *period_, *source_;
    bool reloadAgain_ = false;
};

// The facts of the piece view's shown window, or nothing when none is selected.
std::optional<WhyFacts> whyFactsOf(const PieceView& view, LibrarySession* session);

} // namespace lm::ui
