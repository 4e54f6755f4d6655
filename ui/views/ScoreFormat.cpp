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
        return QStringLiteral("< ") + formatNumber(1e-6, 6);
    // Three significant digits, written out in fixed point, at most six decimals.
    const int decimals = std::clamp(2 - int(std::floor(std::log10(std::abs(score)))), 0, 6);
    return formatNumber(score, decimals);
}

QString formatNumber(double value, int decimals)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator); // 0.5 and 1200.5 alike: no "1,200.5"
    return locale.toString(value, 'f', decimals);
}

} // namespace lm::ui
