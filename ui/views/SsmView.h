#pragma once
// The bar-by-bar self-similarity matrix as a heatmap with a colour bar and
// bar numbers; under it, aligned bar for bar, the per-window strip (one cell
// per window start: loop score when scored, else kept / not kept). Wheel
// zooms, dragging pans, hovering shows bar i, bar j and the value; a click on a
// cell or a strip cell selects the 8-bar window starting there.
#include <QWidget>
#include <optional>
#include <vector>

namespace lm::ui {

struct StripCell {
    bool kept = false;
    std::optional<double> score;
};

class SsmView : public QWidget {
    Q_OBJECT
public:
    explicit SsmView(QWidget* parent = nullptr);

    void setMatrix(std::vector<double> matrix, int bars);
    void setStrip(std::vector<StripCell> cells, std::optional<double> threshold = {});
    void setSelectedWindow(int startBar);
    int selectedWindow() const { return selected_; }
    int bars() const { return bars_; }
    const std::vector<StripCell>& strip() const { return strip_; }

    // The widget position of the centre of cell (row, col); for tests and tools.
    QPoint cellCentre(int row, int col) const;
    QPoint stripCentre(int startBar) const;

Q_SIGNALS:
    void windowSelected(int startBar);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void wheelEvent(QWheelEvent*) override;

private:
    QRectF matrixRect() const;   // where the whole matrix is drawn (zoom and pan applied)
    QRect plotArea() const;      // the visible square reserved for the matrix
    double cellSize() const;
    int barAt(double coord, double origin) const;

    std::vector<double> matrix_;
    int bars_ = 0;
    std::vector<StripCell> strip_;
    std::optional<double> threshold_;
    int selected_ = -1;
    double zoom_ = 1.0;
    QPointF pan_;
    QPoint dragFrom_;
    bool dragging_ = false;
    bool dragged_ = false;
};

} // namespace lm::ui
