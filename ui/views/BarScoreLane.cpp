#include "BarScoreLane.h"

#include "ColorMap.h"
#include "ScoreFormat.h"
#include "SsmView.h"

#include "core/model/LoopFormat.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace lm::ui {

namespace {
// The window strip's colours (SsmView), so that a bar reads as its window does.
const QColor kKeptUnscored(90, 90, 90);
const QColor kNotKept(210, 210, 210);
const QColor kLoopMark(230, 60, 30);
} // namespace

BarScoreLane::BarScoreLane(SsmView* ssm) : QWidget(ssm), ssm_(ssm)
{
    setObjectName(QStringLiteral("barScoreLane"));
    setMouseTracking(true);
    ssm_->reserveLane(kHeight + 4);
    connect(ssm_, &SsmView::viewChanged, this, &BarScoreLane::follow);
    follow();
}

void BarScoreLane::follow()
{
    const QRect r = ssm_->laneRect();
    setGeometry(r.x(), r.y(), r.width(), kHeight);
    setVisible(bars_ > 0 && ssm_->bars() > 0);
    update();
}

void BarScoreLane::setScores(std::vector<std::optional<BarScore>> scores, const std::vector<WindowInfo>& windows,
                             std::optional<double> threshold, int bars)
{
    bars_ = std::max(0, bars);
    scores_ = std::move(scores);
    scores_.resize(size_t(bars_));
    threshold_ = threshold;
    firstKept_.assign(size_t(bars_), -1);
    for (int b = 0; b < bars_; ++b)
        firstKept_[size_t(b)] = int(firstKeptWindowCovering(windows, b).value_or(-1));
    follow();
}

double BarScoreLane::cellWidth() const
{
    const int n = ssm_->bars() > 0 ? ssm_->bars() : std::max(1, bars_);
    return ssm_->columnsRect().width() / n;
}

QPoint BarScoreLane::barCentre(int bar) const
{
    return QPointF(ssm_->columnsRect().left() + (bar + 0.5) * cellWidth(), height() / 2.0).toPoint();
}

int BarScoreLane::barAt(int x) const
{
    const QRect plot = ssm_->plotRect();
    if (x < plot.left() || x > plot.right())
        return -1;
    const int b = int(std::floor((x - ssm_->columnsRect().left()) / cellWidth()));
    return b >= 0 && b < bars_ ? b : -1;
}

int BarScoreLane::windowOf(int bar) const
{
    if (bar < 0 || bar >= bars_)
        return -1;
    if (const auto& s = scores_[size_t(bar)])
        return int(s->window);
    return firstKept_[size_t(bar)];
}

QColor BarScoreLane::barColour(int bar) const
{
    if (bar < 0 || bar >= bars_)
        return {};
    const auto& s = scores_[size_t(bar)];
    if (s && threshold_ && *threshold_ > 0)
        return viridis(1.0 - std::min(1.0, s->score / (2 * *threshold_)));
    return s || firstKept_[size_t(bar)] >= 0 ? kKeptUnscored : kNotKept;
}

QString BarScoreLane::toolTipFor(int bar) const
{
    if (bar < 0 || bar >= bars_)
        return {};
    const auto& s = scores_[size_t(bar)];
    const int w = windowOf(bar);
    if (!s)
        return w >= 0 ? tr("Bar %1: its kept windows are not scored yet (click: bars %2–%3)").arg(bar + 1).arg(w + 1).arg(w + 8)
                      : tr("Bar %1: no kept window contains it").arg(bar + 1);
    QString text = tr("Bar %1: loop score %2, the best of the kept windows containing it: bars %3–%4")
                       .arg(bar + 1)
                       .arg(formatScore(s->score))
                       .arg(s->window + 1)
                       .arg(s->window + format::kBarsPerWindow);
    if (threshold_)
        text += s->score < *threshold_ ? tr(" — a loop (under %1)").arg(formatScore(*threshold_))
                                       : tr(" — not a loop (threshold %1)").arg(formatScore(*threshold_));
    return text;
}

void BarScoreLane::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QRect plot = ssm_->plotRect();
    p.setPen(palette().windowText().color());
    p.drawText(QRect(0, 0, plot.left() - 4, height()), Qt::AlignRight | Qt::AlignVCenter, tr("bar"));
    p.setClipRect(QRect(plot.left(), 0, plot.width(), height()));
    const double cs = cellWidth();
    const double left = ssm_->columnsRect().left();
    for (int b = 0; b < bars_; ++b) {
        const QRectF cell(left + b * cs, 0, cs, height());
        if (cell.right() < plot.left() || cell.left() > plot.right())
            continue;
        p.fillRect(cell.adjusted(0, 0, -std::min(1.0, cs / 4), 0), barColour(b));
        const auto& s = scores_[size_t(b)];
        if (s && threshold_ && s->score < *threshold_)
            p.fillRect(QRectF(cell.left(), cell.bottom() - 3, cell.width(), 3), kLoopMark); // a loop
    }
    const int sel = ssm_->selectedWindow();
    if (sel >= 0 && sel < bars_) {
        const int len = std::min(format::kBarsPerWindow, bars_ - sel);
        p.setPen(QPen(palette().highlight().color(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(left + sel * cs, 1, len * cs, height() - 2));
    }
}

void BarScoreLane::mousePressEvent(QMouseEvent* e) { e->accept(); }

void BarScoreLane::mouseMoveEvent(QMouseEvent* e)
{
    const int bar = barAt(e->position().toPoint().x());
    if (bar >= 0)
        QToolTip::showText(e->globalPosition().toPoint(), toolTipFor(bar), this);
    else
        QToolTip::hideText();
}

void BarScoreLane::mouseReleaseEvent(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton)
        return;
    const int w = windowOf(barAt(e->position().toPoint().x()));
    if (w >= 0)
        Q_EMIT windowChosen(w);
}

} // namespace lm::ui
