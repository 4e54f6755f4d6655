#pragma once
// Per-bar loop scores (issue 19): a lane under the SsmView's window strip, one
// cell per bar aligned with the matrix columns (it follows the view's zoom and
// pan), coloured as the strip colours a window: the best (lowest) score of the
// kept windows containing the bar, viridis from 0 to twice the threshold, a
// red underline under the threshold; dark where only unscored kept windows
// cover the bar, light where no kept window does. Hover says the bar's score
// and the window it comes from; a click selects that window.
#include "core/analysis/BarScores.h"

#include <QWidget>
#include <optional>
#include <vector>

namespace lm::ui {

class SsmView;

class BarScoreLane : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHeight = 16;

    // Lives inside `ssm`, in the room it reserves under its strip.
    explicit BarScoreLane(SsmView* ssm);

    // One cell per bar (`bars` of them); `windows` say which bars a kept window covers.
    void setScores(std::vector<std::optional<BarScore>> scores, const std::vector<WindowInfo>& windows,
                   std::optional<double> threshold, int bars);
    void clear() { setScores({}, {}, std::nullopt, 0); }

    int bars() const { return bars_; }
    const std::vector<std::optional<BarScore>>& scores() const { return scores_; }
    // The window a click on `bar` selects: the best scored one, else the first
    // kept window covering the bar; -1 when none.
    int windowOf(int bar) const;
    QColor barColour(int bar) const;  // the colour the cell is drawn in
    QString toolTipFor(int bar) const;
    QPoint barCentre(int bar) const;  // in this widget's coordinates
    int barAt(int x) const;

Q_SIGNALS:
    void windowChosen(int startBar);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override; // taken, so that the release comes here, not to the view
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;

private:
    void follow(); // take the place the view reserves
    double cellWidth() const;

    SsmView* ssm_;
    std::vector<std::optional<BarScore>> scores_;
    std::vector<int> firstKept_; // per bar: first kept window covering it, -1 none
    std::optional<double> threshold_;
    int bars_ = 0;
};

} // namespace lm::ui
