#include "PieceView.h"

#include "PianoRollView.h"
#include "SsmView.h"

#include "core/analysis/BarCorrelation.h"
#include "core/io/MidiReader.h"

#include <QFileInfo>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace lm::ui {

PieceView::PieceView(QWidget* parent) : QWidget(parent)
{
    info_ = new QLabel(tr("No piece selected"), this);
    info_->setWordWrap(true);
    ssm_ = new SsmView(this);
    roll_ = new PianoRollView(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("pieceSplitter"));
    split->addWidget(ssm_);
    split->addWidget(roll_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(info_);
    layout->addWidget(split, 1);
    connect(ssm_, &SsmView::windowSelected, this, &PieceView::selectWindow);
}

bool PieceView::showFile(const QString& path)
{
    path_ = path;
    piece_.reset();
    windows_.clear();
    stacked_.clear();
    roll_->clear();
    auto midi = readMidiFile(path.toStdString());
    if (!midi) {
        info_->setText(QString::fromStdString(midi.error().toString()));
        ssm_->setMatrix({}, 0);
        ssm_->setStrip({});
        return false;
    }
    piece_ = analysePiece(*midi);
    const PieceAnalysis& a = *piece_;
    const int n = int(a.bars());
    stacked_ = a.roll.stackedSteps();
    ssm_->setMatrix(selfSimilarity(stacked_, a.barStarts, a.markedSteps), n);
    windows_ = computeWindows(a);
    std::vector<StripCell> strip;
    int kept = 0;
    for (const WindowInfo& w : windows_) {
        strip.push_back({w.kept, {}});
        kept += w.kept;
    }
    ssm_->setStrip(std::move(strip));
    QString text = tr("<b>%1</b> — %2 bars, %3 BPM, tpq %4")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped())
                       .arg(n)
                       .arg(a.firstTempoBpm(), 0, 'f', 1)
                       .arg(a.ticksPerQuarter);
    text += a.usable ? tr(", %1 of %2 windows kept").arg(kept).arg(windows_.size())
                     : tr(", not usable for the models: %1").arg(QString::fromStdString(a.reason));
    info_->setText(text);
    if (!windows_.empty()) {
        int first = 0;
        for (size_t i = 0; i < windows_.size(); ++i)
            if (windows_[i].kept) {
                first = int(i);
                break;
            }
        selectWindow(first);
    }
    return true;
}

void PieceView::selectWindow(int startBar)
{
    if (!piece_ || startBar < 0 || startBar >= piece_->bars())
        return;
    std::vector<uint64_t> steps = windowSteps(stacked_, startBar);
    const WindowCorrelation corr = startBar < int(windows_.size()) ? windows_[size_t(startBar)].correlation
                                                                   : windowCorrelation(steps, 0);
    ssm_->setSelectedWindow(startBar);
    roll_->setWindow(std::move(steps), corr, startBar,
                     tr("Bars %1–%2").arg(startBar + 1).arg(startBar + 8));
    Q_EMIT windowShown(startBar);
}

} // namespace lm::ui
