#include "PieceText.h"

#include "core/model/LoopFormat.h"

#include <QFileInfo>
#include <QStringList>
#include <algorithm>

namespace lm::ui {

QString PieceText::metre(const PieceAnalysis& a)
{
    if (a.assumedFourFour)
        return tr("4/4 (assumed: no time signature)");
    QStringList metres;
    for (const TimeSignature& t : a.timeSignatures) {
        const QString m = QStringLiteral("%1/%2").arg(t.numerator).arg(t.denominator);
        if (metres.isEmpty() || metres.back() != m)
            metres << m;
    }
    return metres.join(QStringLiteral(" → "));
}

QString PieceText::noWindowReason(const std::vector<WindowInfo>& windows)
{
    if (windows.empty())
        return tr("shorter than the 8 bars a window needs");
    int64_t drums = 0, bass = 0;
    for (const WindowInfo& w : windows) {
        if (w.kept)
            return {};
        drums = std::max(drums, w.drumCells);
        bass = std::max(bass, w.bassCells);
    }
    return tr("no window has %1 drum and %1 bass cells (the most in one window: %2 drum, %3 bass)")
        .arg(format::kMinCellsPerPart)
        .arg(drums)
        .arg(bass);
}

namespace {

QString audioSummary(const PieceDisplay& d, const QString& name)
{
    const StoredPiece& a = *d.stored->piece;
    QString text = PieceText::tr("<b>%1</b> — audio, %L2 bars, %L3 BPM (%4), downbeat %L5 s, %L6 Hz, %7 ch, %L8 s")
                       .arg(name)
                       .arg(a.bars)
                       .arg(a.tempoBpm, 0, 'f', 2)
                       .arg(a.tempoFromUser ? PieceText::tr("set by you")
                                            : PieceText::tr("estimated, confidence %L1").arg(a.bpmConfidence, 0, 'f', 2))
                       .arg(a.downbeat, 0, 'f', 3)
                       .arg(a.sampleRate)
                       .arg(a.channels)
                       .arg(a.seconds, 0, 'f', 1);
    if (d.stored->status != FileStatus::Usable)
        text += PieceText::tr(" — %1").arg(QString::fromStdString(d.stored->error));
    return text;
}

QString midiSummary(const PieceDisplay& d, const QString& name)
{
    const PieceAnalysis& a = *d.midi;
    if (d.bars == 0 && d.allParts.bars == 0) {
        const QString why = QString::fromStdString(a.reason.empty() ? std::string("no notes") : a.reason);
        return PieceText::tr("<b>%1</b> — %L2 s, %3, tpq %4: no bars to show (%5)")
            .arg(name)
            .arg(d.seconds, 0, 'f', 0)
            .arg(PieceText::metre(a))
            .arg(a.ticksPerQuarter)
            .arg(why);
    }
    QString text = PieceText::tr("<b>%1</b> — %L2 bars, %3, %L4 BPM, tpq %5")
                       .arg(name)
                       .arg(d.bars > 0 ? d.bars : d.allParts.bars) // a file the method reads nothing of: its parts' bars
                       .arg(PieceText::metre(a))
                       .arg(a.firstTempoBpm(), 0, 'f', 1)
                       .arg(a.ticksPerQuarter);
    const int kept = int(std::count_if(d.windows.begin(), d.windows.end(), [](const WindowInfo& w) { return w.kept; }));
    const int windows = int(std::count_if(d.windows.begin(), d.windows.end(), [](const WindowInfo& w) { return w.barSteps > 0; }));
    if (a.keysProgram >= 0)
        text += PieceText::tr(", keys (program %1)").arg(a.keysProgram + 1);
    if (!a.usable)
        text += PieceText::tr(", not usable for the models: %1").arg(QString::fromStdString(a.reason));
    else if (kept == 0)
        text += PieceText::tr(", no window kept: %1").arg(PieceText::noWindowReason(d.windows));
    else
        text += PieceText::tr(", %L1 of %L2 windows kept").arg(kept).arg(windows);
    if (!a.allFourFour && a.usable)
        text += PieceText::tr(" (the generative models learn 4/4 loops only)");
    return text;
}

} // namespace

QString PieceText::summary(const PieceDisplay& d)
{
    const QString name = QFileInfo(QString::fromStdString(d.path)).fileName().toHtmlEscaped();
    if (!d.error.empty())
        return tr("<b>%1</b>: %2").arg(name, QString::fromStdString(d.error).toHtmlEscaped());
    QString text = d.audio ? audioSummary(d, name) : midiSummary(d, name);
    if (d.changedSinceImport)
        text += tr(" — <i>changed since the import: import it again for its loop scores</i>");
    if (d.shownBars < d.bars)
        text += tr(" (the matrix shows bars 1–%1)").arg(d.shownBars);
    return text;
}

QString PieceText::empty(const PieceDisplay& d)
{
    const QString name = QFileInfo(QString::fromStdString(d.path)).fileName();
    if (!d.error.empty())
        return d.audio ? tr("No bars to show: %1").arg(QString::fromStdString(d.error))
                       : tr("This file cannot be read: %1").arg(QString::fromStdString(d.error));
    if (d.bars > 0 || d.allParts.bars > 0)
        return {};
    const QString why = !d.allParts.reason.empty() ? QString::fromStdString(d.allParts.reason)
        : d.midi && !d.midi->reason.empty()       ? QString::fromStdString(d.midi->reason)
                                                  : tr("no notes");
    return tr("%1 has no bars to show: %2.\nThe matrix is drawn from the drum and bass parts "
              "(a drum part on channel 10, a bass with program 33–40), or from all parts when there are none.")
        .arg(name, why);
}

} // namespace lm::ui
