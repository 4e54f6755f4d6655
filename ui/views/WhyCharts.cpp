#include "WhyCharts.h"

#include "ColorMap.h"
#include "ScoreFormat.h"

#include "core/model/LoopFormat.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace lm::ui {

namespace {
constexpr int kBars = format::kBarsPerWindow;
const QColor kBreak(230, 60, 30);
const QColor kWindowBin(255, 150, 0);
} // namespace

std::vector<double> windowMatrix(const WindowCorrelation& c)
{
    std::vector<double> m(size_t(kBars * kBars), 1.0);
    size_t k = 0;
    for (int i = 0; i < kBars; ++i)
        for (int j = i + 1; j < kBars; ++j, ++k)
            m[size_t(i * kBars + j)] = m[size_t(j * kBars + i)] = c[k];
    return m;
}

std::vector<double> barMeans(const WindowCorrelation& c)
{
    const std::vector<double> m = windowMatrix(c);
    std::vector<double> means(kBars, 0.0);
    for (int i = 0; i < kBars; ++i) {
        for (int j = 0; j < kBars; ++j)
            if (j != i)
                means[size_t(i)] += m[size_t(i * kBars + j)];
        means[size_t(i)] /= kBars - 1;
    }
    return means;
}

std::vector<int> breakingBars(const WindowCorrelation& c)
{
    const std::vector<double> means = barMeans(c);
    const auto [lo, hi] = std::minmax_element(means.begin(), means.end());
    std::vector<int> out;
    if (*hi - *lo < 1e-6)
        return out; // every bar alike: nothing breaks the repetition
    for (int i = 0; i < kBars; ++i)
        if (means[size_t(i)] - *lo < 1e-9)
            out.push_back(i);
    return out;
}

WhyMatrix::WhyMatrix(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("whyMatrix"));
    setMinimumSize(180, 180);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void WhyMatrix::setWindow(const WindowCorrelation& c, int startBar)
{
    startBar_ = startBar;
    matrix_ = startBar >= 0 ? windowMatrix(c) : std::vector<double>{};
    marked_ = startBar >= 0 ? breakingBars(c) : std::vector<int>{};
    update();
}

void WhyMatrix::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (matrix_.empty()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Select a window"));
        return;
    }
    const int margin = 26;
    const double cs = std::max(4.0, (std::min(width(), height()) - margin - 6) / double(kBars));
    const QPointF o(margin, margin);
    for (int i = 0; i < kBars; ++i)
        for (int j = 0; j < kBars; ++j)
            p.fillRect(QRectF(o.x() + j * cs, o.y() + i * cs, cs, cs), viridis(std::clamp(matrix_[size_t(i * kBars + j)], 0.0, 1.0)));
    p.setRenderHint(QPainter::Antialiasing); // the outlines; the cells above meet edge to edge, with no blended seams
    QFont f = font();
    f.setPixelSize(11);
    p.setFont(f);
    for (int b = 0; b < kBars; ++b) {
        const bool breaks = std::find(marked_.begin(), marked_.end(), b) != marked_.end();
        p.setPen(breaks ? kBreak : palette().windowText().color());
        f.setBold(breaks);
        p.setFont(f);
        const QString label = QString::number(startBar_ + b + 1);
        p.drawText(QRectF(o.x() + b * cs, 0, cs, margin - 2), Qt::AlignHCenter | Qt::AlignBottom, label);
        p.drawText(QRectF(0, o.y() + b * cs, margin - 3, cs), Qt::AlignRight | Qt::AlignVCenter, label);
        if (breaks) { // the bar's row and column outlined
            p.setPen(QPen(kBreak, 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(o.x(), o.y() + b * cs, kBars * cs, cs));
            p.drawRect(QRectF(o.x() + b * cs, o.y(), cs, kBars * cs));
        }
    }
}

WhyHistogram::WhyHistogram(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("whyHistogram"));
    setMinimumSize(180, 100);
}

void WhyHistogram::setHistogram(ScoreHistogram h)
{
    histogram_ = std::move(h);
    update();
}

void WhyHistogram::setMarks(std::optional<double> score, std::optional<double> threshold)
{
    score_ = score;
    threshold_ = threshold;
    update();
}

void WhyHistogram::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (histogram_.empty()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No loop scores in the library yet"));
        return;
    }
    const QRectF plot(6, 6, width() - 12, height() - 30);
    const int64_t most = *std::max_element(histogram_.counts.begin(), histogram_.counts.end());
    const double bw = plot.width() / ScoreHistogram::kBins;
    const int mine = markedBin();
    for (int b = 0; b < ScoreHistogram::kBins; ++b) {
        const double h = most > 0 ? plot.height() * std::sqrt(double(histogram_.counts[size_t(b)]) / double(most)) : 0;
        const QRectF bar(plot.left() + b * bw, plot.bottom() - h, bw - 1, h);
        p.fillRect(bar, b == mine ? kWindowBin : QColor(120, 130, 150));
    }
    p.setPen(palette().windowText().color());
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    auto xOf = [&](double score) { return plot.left() + histogram_.position(score) * plot.width(); };
    if (threshold_) {
        p.setPen(QPen(kBreak, 2, Qt::DashLine));
        p.drawLine(QPointF(xOf(*threshold_), plot.top()), QPointF(xOf(*threshold_), plot.bottom()));
    }
    if (score_) { // a triangle under this window's score
        const double x = xOf(*score_);
        QPainterPath tri;
        tri.moveTo(x, plot.bottom() + 1);
        tri.lineTo(x - 5, plot.bottom() + 9);
        tri.lineTo(x + 5, plot.bottom() + 9);
        tri.closeSubpath();
        p.fillPath(tri, kWindowBin.darker(120));
    }
    p.setPen(palette().windowText().color());
    QFont f = font();
    f.setPixelSize(10);
    p.setFont(f);
    const QRectF axis(plot.left(), plot.bottom() + 10, plot.width(), 14);
    p.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, formatScore(std::pow(10.0, histogram_.logMin)));
    p.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, formatScore(std::pow(10.0, histogram_.logMax)));
    p.drawText(axis, Qt::AlignHCenter | Qt::AlignVCenter, tr("loop score (log scale)"));
}

} // namespace lm::ui
