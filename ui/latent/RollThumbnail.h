#pragma once
// A small picture of a loop's roll (57 rows x 128 steps): drums below, bass
// above, as the piano roll draws them, for strips, lists and map tooltips.
#include <QImage>
#include <QRectF>
#include <cstdint>
#include <vector>

class QPainter;

namespace lm::ui {

void paintRollThumbnail(QPainter& p, const QRectF& area, const std::vector<uint64_t>& steps, bool selected = false);
QImage rollThumbnail(const std::vector<uint64_t>& steps, int width, int height);

} // namespace lm::ui
