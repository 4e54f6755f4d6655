#pragma once
// The bar-by-bar self-similarity matrix as a heatmap with a colour bar and
// bar numbers; under it, aligned bar for bar, the per-window strip (one cell
// per window start: loop score when scored, else kept / not kept). Wheel
// zooms, dragging pans, hovering shows bar i, bar j and the value; a click on a
// cell or a strip cell selects the 8-bar window starting there; Left/Right
// (and Home/End) move the selected window. Hovering the strip shows the
// window's score; a legend under the strip says what its colours mean.
#include <QImage>
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
    // What the empty view says (e.g. why a piece has no bars).
    void setEmptyText(const QString& text);
    QString emptyText() const { return emptyText_; }
    void setStrip(std::vector<StripCell> cells, std::optional<double> threshold = {});
    void setSelectedWindow(int startBar);
    int selectedWindow() const { return selected_; }
    int bars() const { return bars_; }
    const std::vector<StripCell>& strip() const { return strip_; }

    // The widget position of the centre of cell (row, col); for tests and tools.
    QPoint cellCentre(int row, int col) const;
    QPoint stripCentre(int startBar) const;
    // The tooltip of a strip cell: bars, score and whether it is a loop.
    QString stripToolTip(int startBar) const;
    QStringList legendItems() const;
    QRect legendRect() const;
    // Whether the legend had to be shortened to fit the current width.
    bool legendFits() const;
    // The audition's playhead on the strip: step 0..127 of the selected window, none at -1.
    void setPlayhead(int step);
    int playhead() const { return playhead_; }

    // Issue 19. Bars of the shown roll with no cell: a pair of them is drawn as
    // "empty" (not as similarity 1); set after setMatrix, which clears it.
    void setEmptyBars(std::vector<bool> empty);
    bool pairEmpty(int row, int col) const;
    QColor cellColour(int row, int col) const; // as drawn, for tests
    // Room under the strip for a lane of the same columns (BarScoreLane), its
    // place, and the geometry it aligns with; viewChanged when that moves.
    void reserveLane(int height);
    QRect laneRect() const;
    QRectF columnsRect() const { return matrixRect(); }
    QRect plotRect() const { return plotArea(); }

Q_SIGNALS:
    void windowSelected(int startBar);
    void viewChanged(); // zoom, pan, size, matrix or selection

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void resizeEvent(QResizeEvent*) override;

private:
    QRectF matrixRect() const;   // where the whole matrix is drawn (zoom and pan applied)
    QRect plotArea() const;      // the visible square reserved for the matrix
    double cellSize() const;
    int barAt(double coord, double origin) const;
    void selectByKey(int startBar);
    void drawStrip(QPainter& p, const QRect& area, const QRectF& m);
    void drawLegend(QPainter& p);
    void drawColourBar(QPainter& p, const QRect& area);

    std::vector<double> matrix_;
    QImage image_; // the matrix, one pixel per cell, made when it is set
    QString emptyText_;
    int bars_ = 0;
    std::vector<StripCell> strip_;
    std::optional<double> threshold_;
    int selected_ = -1;
    double zoom_ = 1.0;
    QPointF pan_;
    QPoint dragFrom_;
    bool dragging_ = false;
    bool dragged_ = false;
    int playhead_ = -1;
    std::vector<bool> emptyBars_;
    int laneHeight_ = 0;
};

} // namespace lm::ui
