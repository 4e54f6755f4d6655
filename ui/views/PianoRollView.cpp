#include "PianoRollView.h"

#include "ColorMap.h"

#include "core/model/LoopFormat.h"

#include <QPainter>

namespace lm::ui {

using namespace lm::format;

PianoRollView::PianoRollView(QWidget* parent) : QWidget(parent) { setMinimumSize(400, 300); }

void PianoRollView::setWindow(std::vector<uint64_t> steps, const WindowCorrelation& correlation, int startBar,
                              const QString& title)
{
    steps_ = std::move(steps);
    correlation_ = correlation;
    startBar_ = startBar;
    title_ = title;
    update();
}

void PianoRollView::clear()
{
    steps_.clear();
    startBar_ = -1;
    title_.clear();
    update();
}

int PianoRollView::activeCells() const
{
    int n = 0;
    for (uint64_t m : steps_)
        n += __builtin_popcountll(m);
    return n;
}

QString PianoRollView::rowName(int row)
{
    if (row < kDrumRows)
        return QString::fromLatin1(kDrumRowName[size_t(row)]);
    static const char* names[] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    const int pitch = row - kDrumRows + kBassLowestPitch;
    return QString("%1%2").arg(names[pitch % 12]).arg(pitch / 12 - 1);
}

void PianoRollView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (steps_.empty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("Click the matrix or the strip to show a window"));
        return;
    }
    const int labelW = 92, titleH = 20;
    const int corrSide = std::min(180, height() - titleH - 10);
    const QRect roll(labelW, titleH, width() - labelW - corrSide - 20, height() - titleH - 6);
    const double cw = double(roll.width()) / kWindowSteps;
    const double rh = double(roll.height()) / kRows;
    p.setPen(palette().text().color());
    p.drawText(QRect(4, 0, width(), titleH), Qt::AlignVCenter, title_);

    // Row backgrounds: drums, then bass with the black keys shaded; drawn top = row 0.
    QFont small = font();
    small.setPointSizeF(std::max(5.0, std::min(8.0, rh * 0.8)));
    p.setFont(small);
    for (int r = 0; r < kRows; ++r) {
        const QRectF row(roll.left(), roll.top() + r * rh, roll.width(), rh);
        const bool black = r >= kDrumRows && QString("0101001010100").at((r - kDrumRows + kBassLowestPitch) % 12) == '1';
        p.fillRect(row, r < kDrumRows ? QColor(245, 238, 225) : black ? QColor(228, 228, 234) : QColor(246, 246, 250));
        if (rh >= 6 || r < kDrumRows || (r - kDrumRows + kBassLowestPitch) % 12 == 0)
            p.drawText(QRectF(0, row.top(), labelW - 4, rh), Qt::AlignRight | Qt::AlignVCenter, rowName(r));
    }
    p.setPen(QPen(QColor(120, 120, 120), 1));
    p.drawLine(QPointF(roll.left(), roll.top() + kDrumRows * rh), QPointF(roll.right(), roll.top() + kDrumRows * rh));
    for (int s = 0; s <= kWindowSteps; s += 4) {
        p.setPen(QPen(s % kStepsPerBar == 0 ? QColor(90, 90, 90) : QColor(215, 215, 215), s % kStepsPerBar == 0 ? 1.5 : 1));
        p.drawLine(QPointF(roll.left() + s * cw, roll.top()), QPointF(roll.left() + s * cw, roll.bottom()));
    }
    for (size_t s = 0; s < steps_.size(); ++s)
        for (int r = 0; r < kRows; ++r)
            if ((steps_[s] >> r) & 1u)
                p.fillRect(QRectF(roll.left() + double(s) * cw + 0.5, roll.top() + r * rh + 0.5, cw - 1, rh - 1),
                           r < kDrumRows ? QColor(200, 80, 40) : QColor(40, 90, 190));
    p.setPen(palette().text().color());

    // The window's 8 x 8 bar correlations.
    const QRect corr(roll.right() + 14, titleH + 16, corrSide - 10, corrSide - 10);
    const double c = corr.width() / double(kBarsPerWindow);
    int k = 0;
    double m[kBarsPerWindow][kBarsPerWindow];
    for (int i = 0; i < kBarsPerWindow; ++i) {
        m[i][i] = 1.0;
        for (int j = i + 1; j < kBarsPerWindow; ++j)
            m[i][j] = m[j][i] = correlation_[size_t(k++)];
    }
    for (int i = 0; i < kBarsPerWindow; ++i)
        for (int j = 0; j < kBarsPerWindow; ++j)
            p.fillRect(QRectF(corr.left() + j * c, corr.top() + i * c, c, c), viridis(m[i][j]));
    p.drawText(QRect(corr.left(), titleH, corr.width(), 16), Qt::AlignCenter, tr("bar correlation"));
}

} // namespace lm::ui
