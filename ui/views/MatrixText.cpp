// PieceText's words about the matrix on show (issue 19): which roll it is
// drawn from and, for a file that gives no loops, why.
#include "PieceText.h"

#include <QStringList>
#include <algorithm>

namespace lm::ui {

QString PieceText::unusableReason(const PieceAnalysis& a)
{
    const std::string& r = a.reason;
    if (r == "no bass")
        return tr("no bass part (a bass has GM program 33–40)");
    if (r == "no drums")
        return tr("no drum part (on channel 10)");
    if (r == "no drums and no bass")
        return tr("no drum part and no bass part");
    if (r == "not 4/4")
        return tr("not in 4/4 (%1)").arg(metre(a));
    return QString::fromStdString(r);
}

QString PieceText::matrixTitle(const PieceDisplay& d, bool allParts)
{
    if (d.audio)
        return tr("Matrix: the bars' mel spectra (Pearson correlation)");
    if (!allParts)
        return tr("Matrix: drums + bass, the method's roll (windows and loop scores come from it)");
    QStringList names;
    for (const AllPartsPart& p : d.allParts.parts) {
        const QString n = QString::fromStdString(p.family());
        if (!names.contains(n))
            names << n;
    }
    QString text = tr("Matrix: all parts (%1), for display only").arg(names.join(QStringLiteral(", ")));
    if (d.allParts.shownBars < d.allParts.bars)
        text += tr(", bars 1–%1 of %2").arg(d.allParts.shownBars).arg(d.allParts.bars);
    return text;
}

QString PieceText::matrixReason(const PieceDisplay& d, bool allParts)
{
    if (d.audio || !d.midi || !d.error.empty())
        return {};
    const PieceAnalysis& a = *d.midi;
    if (!a.usable)
        return (allParts ? tr("%1: the matrix shows all parts; no loops are mined from this file")
                         : tr("%1: the matrix shows the drum and bass roll; no loops are mined from this file"))
            .arg(unusableReason(a));
    const bool kept = std::any_of(d.windows.begin(), d.windows.end(), [](const WindowInfo& w) { return w.kept; });
    if (!kept)
        return tr("No loops are mined from this file: %1").arg(noWindowReason(d.windows));
    if (allParts)
        return tr("Windows, the strip and the bar lane still come from the drums + bass roll");
    return {};
}

} // namespace lm::ui
