#include "ScoreFormat.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace lm::ui {

QString formatScore(double score)
{
    if (score == 0)
        return QStringLiteral("0");
    if (std::abs(score) < 1e-6)
        return QStringLiteral("< 0.000001");
    // Three significant digits, written out in fixed point, at most six decimals.
    const int decimals = std::clamp(2 - int(std::floor(std::log10(std::abs(score)))), 0, 6);
    return QString::number(score, 'f', decimals);
}

} // namespace lm::ui
