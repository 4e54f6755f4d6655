#include "SsmView.h"

#include "ColorMap.h"
#include "ScoreFormat.h"
#include "ui/look/FocusFrame.h"

#include <QKeyEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <utility>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace lm::ui {

namespace {
constexpr int kMargin = 36;      // room for bar numbers
constexpr int kColourBar = 60;   // room for the colour bar on the right
constexpr int kStripHeight = 18;
constexpr int kWindowBars = 8;
constexpr int kLegendHeight = 16;
// The strip's colours, one place for the strip and its legend.
const QColor kKeptUnscored(90, 90, 90);
const QColor kNotKept(210, 210, 210);
const QColor kLoopMark(230, 60, 30);
const QColor kEmptyPair(150, 150, 150); // two bars with nothing to compare

QColor stripColour(const StripCell& s, std::optional<double> threshold)
{
    if (s.score && threshold && *threshold > 0)
        return viridis(1.0 - std::min(1.0, *s.score / (2 * *threshold)));
    return s.kept ? kKeptUnscored : kNotKept;
}
} // namespace

SsmView::SsmView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(240, 240);
    setFocusPolicy(Qt::StrongFocus);
    emptyText_ = tr("Select a piece to see its self-similarity");
}

void SsmView::setEmptyText(const QString& text)
{
    emptyText_ = text;
    update();
}

void SsmView::setMatrix(std::vector<double> matrix, int bars)
{
    matrix_ = std::move(matrix);
    bars_ = matrix_.size() == size_t(bars) * size_t(bars) ? bars : 0;
    image_ = QImage();
    if (bars_ > 0) {
        image_ = QImage(bars_, bars_, QImage::Format_RGB32);
        for (int r = 0; r < bars_; ++r) {
            auto* line = reinterpret_cast<QRgb*>(image_.scanLine(r));
            for (int c = 0; c < bars_; ++c)
                line[c] = viridis(matrix_[size_t(r) * size_t(bars_) + size_t(c)]).rgb();
        }
    }
    zoom_ = 1.0;
    pan_ = {};
    selected_ = -1;
    emptyBars_.clear();
    update();
    Q_EMIT viewChanged();
}

void SsmView::setStrip(std::vector<StripCell> cells, std::optional<double> threshold)
{
    strip_ = std::move(cells);
    threshold_ = threshold;
    update();
}

void SsmView::setSelectedWindow(int startBar)
{
    selected_ = startBar;
    update();
    Q_EMIT viewChanged();
}

QRect SsmView::plotArea() const
{
    const int side = std::max(10, std::min(width() - kMargin - kColourBar,
                                           height() - kMargin - kStripHeight - kLegendHeight - 16 - laneHeight_));
    return {kMargin, kMargin / 2, side, side};
}

double SsmView::cellSize() const { return bars_ > 0 ? plotArea().width() * zoom_ / bars_ : 1.0; }

QRectF SsmView::matrixRect() const
{
    const QRect a = plotArea();
    return {a.left() + pan_.x(), a.top() + pan_.y(), a.width() * zoom_, a.height() * zoom_};
}

int SsmView::barAt(double coord, double origin) const
{
    const int b = int(std::floor((coord - origin) / cellSize()));
    return (b >= 0 && b < bars_) ? b : -1;
}

QPoint SsmView::cellCentre(int row, int col) const
{
    const QRectF m = matrixRect();
    return QPointF(m.left() + (col + 0.5) * cellSize(), m.top() + (row + 0.5) * cellSize()).toPoint();
}

QPoint SsmView::stripCentre(int startBar) const
{
    const QRectF m = matrixRect();
    return QPointF(m.left() + (startBar + 0.5) * cellSize(), plotArea().bottom() + 8 + kStripHeight / 2.0).toPoint();
}

void SsmView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (bars_ <= 0) {
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, emptyText_);
        return;
    }
    const QRect area = plotArea();
    const QRectF m = matrixRect();
    const double cs = cellSize();
    p.save();
    p.setClipRect(area);
    p.drawImage(m, image_);
    if (selected_ >= 0) {
        const int len = std::min(kWindowBars, bars_ - selected_);
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(m.left() + selected_ * cs, m.top() + selected_ * cs, len * cs, len * cs));
    }
    p.restore();

    // Bar numbers along both axes (every k-th so they do not collide).
    p.setPen(palette().windowText().color());
    const int every = std::max(1, int(std::ceil(28.0 / cs)));
    for (int b = 0; b < bars_; b += every) {
        const double x = m.left() + (b + 0.5) * cs;
        const double y = m.top() + (b + 0.5) * cs;
        if (x >= area.left() && x <= area.right())
            p.drawText(QRectF(x - 20, area.top() - kMargin / 2.0, 40, kMargin / 2.0), Qt::AlignCenter, QString::number(b + 1));
        if (y >= area.top() && y <= area.bottom())
            p.drawText(QRectF(0, y - 8, kMargin - 4, 16), Qt::AlignRight | Qt::AlignVCenter, QString::number(b + 1));
    }
    drawStrip(p, area, m);
    drawLegend(p);
    drawColourBar(p, area);
    drawFocusFrame(p, this); // Left / Right move the window from here
}

void SsmView::drawStrip(QPainter& p, const QRect& area, const QRectF& m)
{
    const double cs = cellSize();
    const QRectF stripRow(area.left(), area.bottom() + 8, area.width(), kStripHeight);
    p.save();
    p.setClipRect(stripRow.adjusted(0, -1, 0, 1));
    for (size_t b = 0; b < strip_.size(); ++b) {
        const StripCell& s = strip_[b];
        const QRectF cell(m.left() + double(b) * cs, stripRow.top(), cs, stripRow.height());
        p.fillRect(cell.adjusted(0, 0, -std::min(1.0, cs / 4), 0), stripColour(s, threshold_));
        if (s.score && threshold_ && *s.score < *threshold_)
            p.fillRect(QRectF(cell.left(), cell.bottom() - 3, cell.width(), 3), kLoopMark); // a loop
        if (int(b) == selected_) {
            p.setPen(QPen(palette().highlight().color(), 2));
            p.drawRect(cell);
        }
    }
    drawPeriods(p, stripRow, m);
    if (playhead_ >= 0 && selected_ >= 0) {
        const double x = m.left() + (selected_ + playhead_ / 16.0) * cs;
        // Black edged white: it must stand out on every viridis colour of the strip.
        for (const auto& [colour, width] : {std::pair{QColor(Qt::black), 4}, std::pair{QColor(Qt::white), 2}}) {
            p.setPen(QPen(colour, width));
            p.drawLine(QPointF(x, stripRow.top()), QPointF(x, stripRow.bottom()));
        }
    }
    p.restore();
    p.drawText(QRectF(0, stripRow.top(), kMargin - 4, stripRow.height()), Qt::AlignRight | Qt::AlignVCenter, tr("win"));
}

// The period of each window (method.md 10.1) as its digit on the cell; where
// the cells are too narrow for a digit each, one digit over each run of equal
// periods that has room for it. No mark for no period (0) or an unknown one.
void SsmView::drawPeriods(QPainter& p, const QRectF& stripRow, const QRectF& m)
{
    const double cs = cellSize();
    QFont f = font();
    f.setPixelSize(kStripHeight - 6);
    f.setBold(true);
    p.setFont(f);
    const double digit = QFontMetricsF(f).horizontalAdvance(QLatin1Char('8')) + 2;
    for (size_t b = 0; b < strip_.size();) {
        size_t e = b + 1;
        while (e < strip_.size() && strip_[e].period == strip_[b].period)
            ++e;
        const std::optional<int> period = strip_[b].period;
        if (period && *period > 0) {
            const QColor bg = stripColour(strip_[b], threshold_);
            const double luminance = 0.299 * bg.red() + 0.587 * bg.green() + 0.114 * bg.blue();
            p.setPen(luminance > 100 ? QColor(Qt::black) : QColor(Qt::white));
            const QString text = QString::number(*period);
            auto draw = [&](double left, double width) {
                p.drawText(QRectF(left, stripRow.top(), width, stripRow.height() - 3), Qt::AlignCenter, text);
            };
            if (cs >= digit)
                for (size_t c = b; c < e; ++c)
                    draw(m.left() + double(c) * cs, cs);
            else if (double(e - b) * cs >= digit)
                draw(m.left() + double(b) * cs, double(e - b) * cs);
        }
        b = e;
    }
    p.setFont(font());
}

QString SsmView::periodText(int startBar) const
{
    if (startBar < 0 || size_t(startBar) >= strip_.size() || !strip_[size_t(startBar)].period)
        return {};
    const int period = *strip_[size_t(startBar)].period;
    return period > 0 ? (period == 1 ? tr("repeats every bar") : tr("repeats every %1 bars").arg(period)) : tr("no period of 1, 2, 4 or 8 bars");
}

void SsmView::setPlayhead(int step)
{
    step = step >= 0 && step < 8 * 16 ? step : -1;
    if (step != playhead_) {
        playhead_ = step;
        update();
    }
}

QStringList SsmView::legendItems() const
{
    QStringList items;
    if (threshold_)
        items << tr("score 0 … %1").arg(formatScore(2 * *threshold_)) << tr("red: loop (< %1)").arg(formatScore(*threshold_));
    items << tr("dark: kept, no score") << tr("light: not kept");
    if (std::count(emptyBars_.begin(), emptyBars_.end(), true) > 0)
        items << tr("grey: empty bars");
    return items;
}

QRect SsmView::legendRect() const
{
    const QRect area = plotArea();
    return {4, area.bottom() + 8 + kStripHeight + 2 + laneHeight_, width() - 8, kLegendHeight};
}

bool SsmView::legendFits() const
{
    // Each item is a 10 px swatch, 4 px gap, its text, 12 px to the next.
    int w = 0;
    for (const QString& item : legendItems())
        w += 14 + fontMetrics().horizontalAdvance(item) + 12;
    return w <= legendRect().width();
}

void SsmView::drawLegend(QPainter& p)
{
    const QRect r = legendRect();
    const QStringList items = legendItems();
    std::vector<QColor> swatches = threshold_
        ? std::vector<QColor>{viridis(1.0), kLoopMark, kKeptUnscored, kNotKept}
        : std::vector<QColor>{kKeptUnscored, kNotKept};
    swatches.push_back(kEmptyPair); // drawn only when the legend lists empty bars
    p.save();
    p.setClipRect(r);
    int x = r.left();
    for (int i = 0; i < items.size(); ++i) {
        const QRect swatch(x, r.center().y() - 5, 10, 10);
        if (threshold_ && i == 0) { // the score scale: best (0) to twice the threshold
            QLinearGradient g(swatch.topLeft(), swatch.topRight());
            g.setColorAt(0, viridis(1.0));
            g.setColorAt(1, viridis(0.0));
            p.fillRect(swatch, g);
        } else {
            p.fillRect(swatch, swatches[size_t(i)]);
        }
        const int tw = fontMetrics().horizontalAdvance(items[i]);
        p.drawText(QRect(x + 14, r.top(), tw + 2, r.height()), Qt::AlignLeft | Qt::AlignVCenter, items[i]);
        x += 14 + tw + 12;
    }
    p.restore();
}

void SsmView::drawColourBar(QPainter& p, const QRect& area)
{
    const QRect bar(area.right() + 14, area.top(), 14, area.height());
    for (int y = 0; y < bar.height(); ++y)
        p.fillRect(QRect(bar.left(), bar.top() + y, bar.width(), 1), viridis(1.0 - double(y) / std::max(1, bar.height() - 1)));
    p.setPen(palette().windowText().color());
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.drawText(bar.right() + 4, bar.top() + 10, QStringLiteral("1"));
    p.drawText(bar.right() + 4, bar.center().y() + 5, formatNumber(0.5, 1));
    p.drawText(bar.right() + 4, bar.bottom(), QStringLiteral("0"));
}

QString SsmView::stripToolTip(int startBar) const
{
    if (startBar < 0 || size_t(startBar) >= strip_.size())
        return {};
    const StripCell& s = strip_[size_t(startBar)];
    QString text = tr("Window of bars %1–%2").arg(startBar + 1).arg(startBar + kWindowBars);
    if (!periodText(startBar).isEmpty())
        text += QStringLiteral(" (") + periodText(startBar) + QStringLiteral(")");
    if (!s.kept)
        return text + tr(": not kept (too few drum or bass cells)");
    if (!s.score)
        return text + tr(": not scored yet");
    text += tr(": loop score %1").arg(formatScore(*s.score));
    if (threshold_)
        text += *s.score < *threshold_ ? tr(" — a loop (under %1)").arg(formatScore(*threshold_))
                                        : tr(" — not a loop (threshold %1)").arg(formatScore(*threshold_));
    return text;
}

void SsmView::selectByKey(int startBar)
{
    const int last = strip_.empty() ? bars_ - 1 : int(strip_.size()) - 1;
    startBar = std::clamp(startBar, 0, std::max(0, last));
    if (bars_ <= 0 || startBar == selected_)
        return;
    selected_ = startBar;
    update();
    Q_EMIT windowSelected(startBar);
}

void SsmView::keyPressEvent(QKeyEvent* e)
{
    switch (e->key()) {
    case Qt::Key_Left: selectByKey(selected_ < 0 ? 0 : selected_ - 1); break;
    case Qt::Key_Right: selectByKey(selected_ < 0 ? 0 : selected_ + 1); break;
    case Qt::Key_Home: selectByKey(0); break;
    case Qt::Key_End: selectByKey(std::numeric_limits<int>::max()); break;
    default: QWidget::keyPressEvent(e); return;
    }
    e->accept();
}

void SsmView::mousePressEvent(QMouseEvent* e)
{
    dragFrom_ = e->position().toPoint();
    dragging_ = true;
    dragged_ = false;
}

void SsmView::mouseMoveEvent(QMouseEvent* e)
{
    const QPoint pos = e->position().toPoint();
    if (dragging_ && (e->buttons() & Qt::LeftButton)) {
        if ((pos - dragFrom_).manhattanLength() > 3 || dragged_) {
            pan_ += pos - dragFrom_;
            dragFrom_ = pos;
            dragged_ = true;
            update();
            Q_EMIT viewChanged();
        }
        return;
    }
    const QRectF m = matrixRect();
    const int col = barAt(pos.x(), m.left());
    const int row = barAt(pos.y(), m.top());
    const QRect area = plotArea();
    if (col >= 0 && pos.y() > area.bottom() + 8 && pos.y() <= area.bottom() + 8 + kStripHeight) {
        QToolTip::showText(e->globalPosition().toPoint(), stripToolTip(col), this);
        return;
    }
    if (row >= 0 && col >= 0 && area.contains(pos) && pairEmpty(row, col))
        QToolTip::showText(e->globalPosition().toPoint(), tr("bar %1, bar %2: both empty, nothing to compare").arg(row + 1).arg(col + 1), this);
    else if (row >= 0 && col >= 0 && area.contains(pos))
        QToolTip::showText(e->globalPosition().toPoint(),
                           tr("bar %1, bar %2: %L3").arg(row + 1).arg(col + 1).arg(matrix_[size_t(row) * size_t(bars_) + size_t(col)], 0, 'f', 3),
                           this);
    else
        QToolTip::hideText();
}

void SsmView::mouseReleaseEvent(QMouseEvent* e)
{
    dragging_ = false;
    if (dragged_ || bars_ <= 0)
        return;
    const QPoint pos = e->position().toPoint();
    const QRectF m = matrixRect();
    int start = -1;
    const QRect area = plotArea();
    if (area.contains(pos))
        start = barAt(pos.y(), m.top());
    else if (pos.y() > area.bottom() && pos.y() <= area.bottom() + 8 + kStripHeight)
        start = barAt(pos.x(), m.left());
    if (start < 0)
        return;
    selected_ = start;
    update();
    Q_EMIT windowSelected(start);
}

void SsmView::wheelEvent(QWheelEvent* e)
{
    const double factor = e->angleDelta().y() > 0 ? 1.25 : 0.8;
    const double newZoom = std::clamp(zoom_ * factor, 1.0, 64.0);
    const QPointF at = e->position() - QPointF(plotArea().topLeft());
    pan_ = at - (at - pan_) * (newZoom / zoom_); // keep the point under the cursor still
    if (newZoom == 1.0)
        pan_ = {};
    zoom_ = newZoom;
    update();
    Q_EMIT viewChanged();
}

void SsmView::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    Q_EMIT viewChanged();
}

void SsmView::setEmptyBars(std::vector<bool> empty)
{
    emptyBars_ = std::move(empty);
    emptyBars_.resize(size_t(bars_), false);
    for (int r = 0; r < bars_; ++r)
        for (int c = 0; c < bars_; ++c)
            if (pairEmpty(r, c))
                image_.setPixelColor(c, r, kEmptyPair);
    update();
}

bool SsmView::pairEmpty(int row, int col) const
{
    return row >= 0 && col >= 0 && size_t(row) < emptyBars_.size() && size_t(col) < emptyBars_.size()
        && emptyBars_[size_t(row)] && emptyBars_[size_t(col)];
}

QColor SsmView::cellColour(int row, int col) const
{
    return row >= 0 && col >= 0 && row < bars_ && col < bars_ ? image_.pixelColor(col, row) : QColor();
}

void SsmView::reserveLane(int height)
{
    laneHeight_ = std::max(0, height);
    update();
    Q_EMIT viewChanged();
}

QRect SsmView::laneRect() const
{
    const QRect area = plotArea();
    return {0, area.bottom() + 8 + kStripHeight + 2, width(), laneHeight_};
}

} // namespace lm::ui
