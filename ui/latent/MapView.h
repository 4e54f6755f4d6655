#pragma once
// The library map's scatter plot (ui/latent/MapPanel): one dot per loop,
// coloured by source, loop score, note density or tempo; hovering shows the
// loop's roll in a corner of the plot (rolls come from a callback, cached);
// a click activates the dot's loop (audition), a drag draws a lasso whose
// loops become the selection (the Loops panel filters to them); Escape clears it.
#include "core/model/LoopId.h"

#include <QPolygonF>
#include <QWidget>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace lm::ui {

class MapView : public QWidget {
    Q_OBJECT
public:
    enum class Colour { Source, Score, Density, Tempo };
    struct Dot {
        LoopId id;
        double x = 0, y = 0;
        bool generated = false;
        std::optional<double> score;
        double density = 0, tempo = 0;
        QString label; // for the hover: file and bar
    };
    using RollSource = std::function<std::vector<uint64_t>(const LoopId&)>;

    explicit MapView(QWidget* parent = nullptr);
    void setDots(std::vector<Dot> dots);
    void setColour(Colour c);
    void setRollSource(RollSource source) { rolls_ = std::move(source); }
    int count() const { return int(dots_.size()); }
    const std::vector<Dot>& dots() const { return dots_; }
    // Where dot i is drawn now (for tests).
    QPointF position(int i) const;
    std::optional<int> hovered() const { return hovered_; }
    const std::vector<LoopId>& selection() const { return selection_; }
    void clearSelection();
    QColor colourOf(const Dot& d) const;
    QSize sizeHint() const override { return {500, 400}; }

Q_SIGNALS:
    void loopActivated(lm::LoopId id);
    void selectionChanged(const std::vector<lm::LoopId>& ids); // empty: none

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void leaveEvent(QEvent*) override;

private:
    std::optional<int> dotAt(const QPointF& p) const;
    QRectF plotArea() const;

    std::vector<Dot> dots_;
    Colour colour_ = Colour::Source;
    double minX_ = 0, maxX_ = 1, minY_ = 0, maxY_ = 1;
    double lo_ = 0, hi_ = 1; // of the colour's values
    std::optional<int> hovered_;
    QPolygonF lasso_;
    bool dragging_ = false;
    QPointF pressAt_;
    std::vector<LoopId> selection_;
    std::vector<char> selected_;
    RollSource rolls_;
    std::map<LoopId, std::vector<uint64_t>> cache_;
};

} // namespace lm::ui
