#include "PianoRollView.h"

#include "ColorMap.h"
#include "ui/look/PaletteMix.h"

#include "core/model/LoopFormat.h"

#include <QPainter>

#include <algorithm>

namespace lm::ui {

using namespace lm::format;

PianoRollView::PianoRollView(QWidget* parent) : QWidget(parent) { setMinimumSize(400, 300); }

void PianoRollView::setWindow(std::vector<uint64_t> steps, const WindowCorrelation& correlation, int startBar,
                              const QString& title)
{
    steps_ = std::move(steps);
    keys_.clear();
    correlation_ = correlation;
    startBar_ = startBar;
    title_ = title;
    update();
}

void PianoRollView::setKeys(std::vector<uint64_t> keys)
{
    const bool any = std::any_of(keys.begin(), keys.end(), [](uint64_t m) { return m != 0; });
    keys_ = any ? std::move(keys) : std::vector<uint64_t>{};
    update();
}

int PianoRollView::keysCells() const
{
    int n = 0;
    for (uint64_t m : keys_)
        n += __builtin_popcountll(m);
    return n;
}

void PianoRollView::clear()
{
    steps_.clear();
    keys_.clear();
    startBar_ = -1;
    title_.clear();
    update();
}

void PianoRollView::setPlayhead(int step)
{
    step = step >= 0 && step < int(steps_.empty() ? kWindowSteps : steps_.size()) ? step : -1;
    if (step != playhead_) {
        playhead_ = step;
        update();
    }
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

namespace {
constexpr int kLabelWidth = 92;
constexpr int kTitleHeight = 20;
constexpr double kDrumLaneScale = 2.0; // a drum lane is this many bass rows tall
constexpr int kKeysRows = 48;          // C3 .. B6, above the bass when there are keys
constexpr int kKeysLowestPitch = 48;
// Row tints, mixed into the palette's base colour: light and dark alike.
const QColor kKeysTint(40, 150, 80);
const QColor kDrumTint(200, 120, 30);
} // namespace

QRectF PianoRollView::rollArea() const
{
    const int corrSide = std::min(180, height() - kTitleHeight - 10);
    return QRectF(kLabelWidth, kTitleHeight, width() - kLabelWidth - corrSide - 20, height() - kTitleHeight - 6);
}

QRectF PianoRollView::rowRect(int row) const
{
    const QRectF roll = rollArea();
    const int keysRows = keys_.empty() ? 0 : kKeysRows;
    double unit = roll.height() / (keysRows + kBassRows + kDrumLaneScale * kDrumRows);
    double drumH = unit * kDrumLaneScale;
    if (keysRows > 0 && drumH < 9) { // with the keys' 48 rows too, the drum lanes keep room for their names
        drumH = std::min(9.0, roll.height() / 20);
        unit = (roll.height() - kDrumRows * drumH) / (keysRows + kBassRows);
    }
    const double top = roll.top() + keysRows * unit;
    const double bassBottom = top + kBassRows * unit;
    if (row >= kDrumRows) // bass: row 56 (pitch 71) at the top
        return QRectF(roll.left(), top + (kRows - 1 - row) * unit, roll.width(), unit);
    return QRectF(roll.left(), bassBottom + (kDrumRows - 1 - row) * drumH, roll.width(), drumH); // kick lowest
}

QRectF PianoRollView::keysRowRect(int row) const
{
    // The bass rows' height (rowRect's unit) is the keys' too.
    const QRectF bassTop = rowRect(kRows - 1);
    const double unit = bassTop.height();
    return QRectF(bassTop.left(), bassTop.top() - (row + 1) * unit, bassTop.width(), unit);
}

QFont PianoRollView::labelFont(int row) const
{
    // The largest size up to 11 px whose line fits the row (at least 5 px).
    QFont f = font();
    const double h = rowRect(row).height();
    int px = 11;
    for (f.setPixelSize(px); px > 5 && QFontMetricsF(f).height() > h; f.setPixelSize(--px)) {
    }
    return f;
}

void PianoRollView::paintKeys(QPainter& p, const QRectF& roll, double cw)
{
    const QColor base = palette().base().color();
    p.setPen(palette().text().color());
    static const char* names[] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    for (int r = 0; r < kKeysRows; ++r) {
        const QRectF row = keysRowRect(r);
        const int pitch = r + kKeysLowestPitch;
        const bool black = QString("010100101010").at(pitch % 12) == '1';
        p.fillRect(row, mix(base, kKeysTint, black ? 0.12 : 0.04));
        if (pitch % 12 == 0) {
            QFont c = font();
            c.setPixelSize(10);
            p.setFont(c);
            p.drawText(QRectF(0, row.center().y() - 7, kLabelWidth - 4, 14), Qt::AlignRight | Qt::AlignVCenter,
                       tr("Keys %1%2").arg(QLatin1String(names[pitch % 12])).arg(pitch / 12 - 1));
        }
    }
    p.setPen(QPen(mix(base, palette().text().color(), 0.5), 1));
    const double split = keysRowRect(0).bottom();
    p.drawLine(QPointF(roll.left(), split), QPointF(roll.right(), split));
    for (size_t s = 0; s < keys_.size(); ++s)
        for (int r = 0; r < kKeysRows; ++r)
            if ((keys_[s] >> r) & 1u) {
                const QRectF row = keysRowRect(r);
                p.fillRect(QRectF(roll.left() + double(s) * cw + 0.5, row.top() + 0.5, cw - 1, row.height() - 1),
                           QColor(40, 150, 80));
            }
    p.setFont(font());
}

void PianoRollView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (steps_.empty()) {
        p.setPen(palette().text().color());
        p.drawText(rect(), Qt::AlignCenter, tr("Click the matrix or the strip to show a window"));
        return;
    }
    const QRectF roll = rollArea();
    const int total = int(steps_.size());
    const int bar = std::max(1, barSteps());
    const double cw = roll.width() / std::max(1, total);
    const QColor base = palette().base().color(), ink = palette().text().color();
    p.setPen(ink);
    p.drawText(QRect(4, 0, width() - 8, kTitleHeight), Qt::AlignVCenter,
               fontMetrics().elidedText(title_, Qt::ElideRight, width() - 8));

    // Row backgrounds with the black keys shaded; bass names at every C when rows are thin.
    for (int r = 0; r < kRows; ++r) {
        const QRectF row = rowRect(r);
        const int pitch = r - kDrumRows + kBassLowestPitch;
        const bool black = r >= kDrumRows && QString("010100101010").at(pitch % 12) == '1';
        p.fillRect(row, r < kDrumRows ? mix(base, kDrumTint, 0.08) : mix(base, ink, black ? 0.1 : 0.03));
        if (row.height() >= 8 || r < kDrumRows) {
            p.setFont(labelFont(r));
            p.drawText(QRectF(0, row.top(), kLabelWidth - 4, row.height()), Qt::AlignRight | Qt::AlignVCenter, rowName(r));
        } else if (pitch % 12 == 0) { // thin rows: name each C in a readable size, centred on its row
            QFont c = font();
            c.setPixelSize(10);
            p.setFont(c);
            p.drawText(QRectF(0, row.center().y() - 7, kLabelWidth - 4, 14), Qt::AlignRight | Qt::AlignVCenter, rowName(r));
        }
    }
    p.setFont(font());
    p.setPen(QPen(mix(base, ink, 0.5), 1));
    const double split = rowRect(kDrumRows).bottom();
    p.drawLine(QPointF(roll.left(), split), QPointF(roll.right(), split));
    if (!keys_.empty())
        paintKeys(p, roll, cw);
    for (int s = 0; s <= total; ++s) { // every bar line, and a beat line every 4 steps inside a bar
        if (s % bar % 4 != 0 && s != total)
            continue;
        const bool barLine = s % bar == 0 || s == total;
        p.setPen(QPen(mix(base, ink, barLine ? 0.62 : 0.16), barLine ? 1.5 : 1));
        p.drawLine(QPointF(roll.left() + s * cw, roll.top()), QPointF(roll.left() + s * cw, roll.bottom()));
    }
    for (size_t s = 0; s < steps_.size(); ++s)
        for (int r = 0; r < kRows; ++r)
            if ((steps_[s] >> r) & 1u) {
                const QRectF row = rowRect(r);
                p.fillRect(QRectF(roll.left() + double(s) * cw + 0.5, row.top() + 0.5, cw - 1, row.height() - 1),
                           r < kDrumRows ? QColor(200, 80, 40) : QColor(40, 90, 190));
            }
    if (playhead_ >= 0) {
        p.setPen(QPen(QColor(20, 160, 70), 2));
        const double x = roll.left() + (playhead_ + 0.5) * cw;
        p.drawLine(QPointF(x, roll.top()), QPointF(x, roll.bottom()));
    }
    p.setPen(palette().text().color());

    // The window's 8 x 8 bar correlations.
    const int corrSide = std::min(180, height() - kTitleHeight - 10);
    const QRect corr(int(roll.right()) + 14, kTitleHeight + 16, corrSide - 10, corrSide - 10);
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
    p.drawText(QRect(corr.left(), kTitleHeight, corr.width(), 16), Qt::AlignCenter, tr("bar correlation"));
}

} // namespace lm::ui
