#include "MapView.h"

#include "RollThumbnail.h"
#include "ui/views/ColorMap.h"
#include "ui/look/FocusFrame.h"
#include "ui/views/ScoreFormat.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace lm::ui {

namespace {

double valueOf(const MapView::Dot& d, MapView::Colour c)
{
    switch (c) {
    case MapView::Colour::Score: return d.score ? std::log10(std::max(*d.score, 1e-9)) : std::nan("");
    case MapView::Colour::Density: return d.density;
    case MapView::Colour::Tempo: return d.tempo;
    case MapView::Colour::Source: break;
    }
    return d.generated ? 1 : 0;
}

} // namespace

MapView::MapView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 160);
}

void MapView::setDots(std::vector<Dot> dots)
{
    dots_ = std::move(dots);
    cache_.clear();
    hovered_.reset();
    selection_.clear();
    selected_.assign(dots_.size(), 0);
    minX_ = minY_ = 0;
    maxX_ = maxY_ = 1;
    if (!dots_.empty()) {
        const auto [x0, x1] = std::minmax_element(dots_.begin(), dots_.end(), [](const Dot& a, const Dot& b) { return a.x < b.x; });
        const auto [y0, y1] = std::minmax_element(dots_.begin(), dots_.end(), [](const Dot& a, const Dot& b) { return a.y < b.y; });
        minX_ = x0->x, maxX_ = std::max(x1->x, x0->x + 1e-9);
        minY_ = y0->y, maxY_ = std::max(y1->y, y0->y + 1e-9);
    }
    setColour(colour_);
}

void MapView::setColour(Colour c)
{
    colour_ = c;
    lo_ = 1e300, hi_ = -1e300;
    for (const Dot& d : dots_)
        if (const double v = valueOf(d, c); !std::isnan(v))
            lo_ = std::min(lo_, v), hi_ = std::max(hi_, v);
    if (lo_ > hi_)
        lo_ = 0, hi_ = 1;
    update();
}

QColor MapView::colourOf(const Dot& d) const
{
    if (colour_ == Colour::Source)
        return d.generated ? QColor(230, 80, 60) : QColor(60, 140, 220);
    const double v = valueOf(d, colour_);
    if (std::isnan(v))
        return QColor(150, 150, 150);
    return viridis(hi_ > lo_ ? (v - lo_) / (hi_ - lo_) : 0.5);
}

QRectF MapView::plotArea() const { return QRectF(rect()).adjusted(12, 12, -12, -12); }

QPointF MapView::position(int i) const
{
    const QRectF a = plotArea();
    const Dot& d = dots_[size_t(i)];
    return {a.left() + (d.x - minX_) / (maxX_ - minX_) * a.width(), a.bottom() - (d.y - minY_) / (maxY_ - minY_) * a.height()};
}

std::optional<int> MapView::dotAt(const QPointF& p) const
{
    std::optional<int> best;
    double bestD = 6 * 6; // within 6 pixels
    for (int i = 0; i < count(); ++i) {
        const QPointF q = position(i) - p;
        const double d = q.x() * q.x() + q.y() * q.y();
        if (d <= bestD)
            bestD = d, best = i;
    }
    return best;
}

void MapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (dots_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Press Build map to lay out the library's loops"));
        return;
    }
    const bool anySelected = !selection_.empty();
    for (int i = 0; i < count(); ++i) {
        QColor c = colourOf(dots_[size_t(i)]);
        if (anySelected && !selected_[size_t(i)])
            c.setAlpha(50);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(position(i), 3.0, 3.0);
    }
    if (!lasso_.isEmpty()) {
        p.setPen(QPen(palette().text().color(), 1, Qt::DashLine));
        p.setBrush(QColor(80, 120, 200, 40));
        p.drawPolygon(lasso_);
    }
    if (hovered_) {
        const Dot& d = dots_[size_t(*hovered_)];
        p.setPen(QPen(palette().text().color(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(position(*hovered_), 5.0, 5.0);
        if (rolls_ && !cache_.count(d.id))
            cache_[d.id] = rolls_(d.id);
        QRectF inset(width() - 232, 8, 224, 84); // top right, or bottom left when it would hide the dot
        if (inset.adjusted(-8, -8, 8, 28).contains(position(*hovered_)))
            inset.moveTo(8, height() - 112);
        QColor card = palette().toolTipBase().color();
        card.setAlpha(235);
        p.fillRect(inset.adjusted(-4, -4, 4, 20), card);
        paintRollThumbnail(p, inset, cache_[d.id]);
        p.setPen(palette().toolTipText().color());
        p.drawText(QRectF(inset.left(), inset.bottom() + 2, inset.width(), 16), Qt::AlignLeft,
                   QStringLiteral("%1 · %2 · %3").arg(QString::fromStdString(d.id.text()), d.label,
                                                      d.score ? formatScore(*d.score) : tr("no score")));
    }
    drawFocusFrame(p, this);
}

void MapView::mousePressEvent(QMouseEvent* e)
{
    setFocus();
    pressAt_ = e->position();
    dragging_ = false;
    lasso_.clear();
}

void MapView::mouseMoveEvent(QMouseEvent* e)
{
    if (e->buttons() & Qt::LeftButton) {
        if (!dragging_ && (e->position() - pressAt_).manhattanLength() > 6) {
            dragging_ = true;
            lasso_ << pressAt_;
        }
        if (dragging_) {
            lasso_ << e->position();
            update();
        }
        return;
    }
    const std::optional<int> h = dotAt(e->position());
    if (h != hovered_) {
        hovered_ = h;
        update();
    }
}

void MapView::mouseReleaseEvent(QMouseEvent* e)
{
    if (!dragging_) { // a click
        if (const auto i = dotAt(e->position()))
            Q_EMIT loopActivated(dots_[size_t(*i)].id);
        return;
    }
    dragging_ = false;
    selection_.clear();
    for (int i = 0; i < count(); ++i) {
        selected_[size_t(i)] = lasso_.containsPoint(position(i), Qt::OddEvenFill) ? 1 : 0;
        if (selected_[size_t(i)])
            selection_.push_back(dots_[size_t(i)].id);
    }
    lasso_.clear();
    update();
    Q_EMIT selectionChanged(selection_);
}

void MapView::clearSelection()
{
    if (selection_.empty())
        return;
    selection_.clear();
    selected_.assign(dots_.size(), 0);
    update();
    Q_EMIT selectionChanged(selection_);
}

void MapView::keyPressEvent(QKeyEvent* e)
{
    if (e->key() == Qt::Key_Escape)
        return clearSelection();
    QWidget::keyPressEvent(e);
}

void MapView::leaveEvent(QEvent*)
{
    hovered_.reset();
    update();
}

} // namespace lm::ui
