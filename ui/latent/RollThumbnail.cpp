#include "RollThumbnail.h"

#include "core/model/LoopFormat.h"

#include <QPainter>
#include <QPalette>

namespace lm::ui {

void paintRollThumbnail(QPainter& p, const QRectF& area, const std::vector<uint64_t>& steps, bool selected)
{
    p.save();
    p.fillRect(area, selected ? QColor(40, 52, 78) : QColor(28, 30, 36));
    const double cw = area.width() / format::kWindowSteps;
    const double rh = area.height() / format::kRows;
    p.setPen(QColor(70, 74, 84));
    for (int bar = 1; bar < format::kBarsPerWindow; ++bar) {
        const double x = area.left() + bar * format::kStepsPerBar * cw;
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    const double drumsTop = area.bottom() - format::kDrumRows * rh;
    p.drawLine(QPointF(area.left(), drumsTop), QPointF(area.right(), drumsTop));
    for (size_t s = 0; s < steps.size() && s < size_t(format::kWindowSteps); ++s)
        for (int r = 0; r < format::kRows; ++r) {
            if (!((steps[s] >> r) & 1u))
                continue;
            // Row 0 (kick) at the bottom, higher rows further up: bass pitches rise.
            const double y = area.bottom() - (r + 1) * rh;
            p.fillRect(QRectF(area.left() + double(s) * cw, y, std::max(cw, 1.0), std::max(rh, 1.0)),
                       r < format::kDrumRows ? QColor(240, 170, 60) : QColor(90, 190, 250));
        }
    p.restore();
}

QImage rollThumbnail(const std::vector<uint64_t>& steps, int width, int height)
{
    QImage img(width, height, QImage::Format_RGB32);
    QPainter p(&img);
    paintRollThumbnail(p, QRectF(0, 0, width, height), steps);
    return img;
}

} // namespace lm::ui
