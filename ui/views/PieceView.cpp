#include "PieceView.h"

#include "PianoRollView.h"
#include "SsmView.h"

#include "core/analysis/BarCorrelation.h"
#include "core/audio/AudioReader.h"
#include "core/audio/AudioExport.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/model/RollToMidi.h"
#include "ui/LibrarySession.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace lm::ui {

PieceView::PieceView(QWidget* parent) : QWidget(parent)
{
    info_ = new QLabel(tr("No piece selected"), this);
    info_->setWordWrap(true);
    tempo_ = new QToolButton(this);
    tempo_->setObjectName(QStringLiteral("tempoButton"));
    tempo_->setText(tr("Tempo…"));
    tempo_->setToolTip(tr("Set this audio piece's tempo and first downbeat"));
    tempo_->setVisible(false);
    ssm_ = new SsmView(this);
    roll_ = new PianoRollView(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("pieceSplitter"));
    split->addWidget(ssm_);
    split->addWidget(roll_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* top = new QHBoxLayout;
    top->addWidget(info_, 1);
    top->addWidget(tempo_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    connect(ssm_, &SsmView::windowSelected, this, &PieceView::selectWindow);
    connect(tempo_, &QToolButton::clicked, this, &PieceView::editTempo);

    export_ = new QAction(tr("&Export Window..."), this);
    export_->setObjectName(QStringLiteral("exportWindowAction"));
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    export_->setEnabled(false);
    export_->setToolTip(tr("Select a window on the matrix or the strip first"));
    connect(this, &PieceView::windowShown, export_, [this](int start) { export_->setEnabled(start >= 0); });
    connect(export_, &QAction::triggered, this, &PieceView::exportWithDialog);
}

void PieceView::setSession(LibrarySession* session)
{
    connect(session, &LibrarySession::opened, this, [this, session] {
        clear(); // what it showed belongs to the library that was closed
        setLibrary(session->db());
    });
    connect(session, &LibrarySession::contentChanged, this, &PieceView::refresh);
    connect(session, &LibrarySession::scoresChanged, this, &PieceView::refresh);
}

void PieceView::showWindowOf(const QString& path, int startBar)
{
    if (path_ != path)
        showFile(path);
    selectWindow(startBar);
}

void PieceView::refresh()
{
    if (path_.isEmpty())
        return;
    const int window = selectedWindow();
    showFile(path_);
    if (window >= 0)
        selectWindow(window);
}

QString PieceView::exportWindowTo(const QString& out)
{
    const int start = selectedWindow();
    if (start < 0)
        return tr("No window selected");
    if (auto grid = audioGrid()) {
        auto cut = exportAudioBars(path_.toStdString(), grid->first, grid->second, start, format::kBarsPerWindow,
                                   out.toStdString());
        return cut ? QString() : QString::fromStdString(cut.error().toString());
    }
    const auto steps = selectedSteps();
    if (steps.empty())
        return tr("No window selected");
    RollExportOptions options;
    options.bpm = tempoBpm();
    auto written = writeMidiFile(out.toStdString(), rollToMidi(steps, options));
    return written ? QString() : QString::fromStdString(written.error().toString());
}

void PieceView::exportWithDialog()
{
    const int start = selectedWindow();
    if (start < 0) {
        info_->setText(tr("Nothing to export: select a window on the matrix or the strip first."));
        return;
    }
    const QString base = QFileInfo(path_).completeBaseName() + QStringLiteral("_bars%1-%2").arg(start + 1).arg(start + 8);
    const QString out = QFileDialog::getSaveFileName(this, tr("Export window"),
                                                     QDir::home().filePath(base + (isAudio() ? ".wav" : ".mid")),
                                                     isAudio() ? tr("Audio (*.wav *.flac)") : tr("MIDI files (*.mid)"));
    if (out.isEmpty())
        return;
    const QString error = exportWindowTo(out);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        Q_EMIT exported(out);
}

std::vector<StripCell> PieceView::stripFor(const std::vector<StoredWindow>& stored, size_t count,
                                           const std::function<bool(size_t)>& kept) const
{
    std::vector<StripCell> strip(count);
    for (size_t i = 0; i < count; ++i)
        strip[i].kept = kept(i);
    for (const StoredWindow& w : stored)
        if (w.startBar >= 0 && size_t(w.startBar) < count && w.loopScore)
            strip[size_t(w.startBar)].score = w.loopScore;
    return strip;
}

namespace {

QString metreText(const PieceAnalysis& a)
{
    if (a.assumedFourFour)
        return PieceView::tr("4/4 (assumed: no time signature)");
    QStringList metres;
    for (const TimeSignature& t : a.timeSignatures) {
        const QString m = QStringLiteral("%1/%2").arg(t.numerator).arg(t.denominator);
        if (metres.isEmpty() || metres.back() != m)
            metres << m;
    }
    return metres.join(QStringLiteral(" → "));
}

// Why a usable piece keeps none of its windows (method.md 2), or empty.
QString noWindowReason(const PieceAnalysis& a, const std::vector<WindowInfo>& windows)
{
    if (windows.empty())
        return PieceView::tr("shorter than the 8 bars a window needs");
    int64_t drums = 0, bass = 0;
    for (const WindowInfo& w : windows) {
        if (w.kept)
            return {};
        drums = std::max(drums, w.drumCells);
        bass = std::max(bass, w.bassCells);
    }
    (void)a;
    return PieceView::tr("no window has %1 drum and %1 bass cells (the most in one window: %2 drum, %3 bass)")
        .arg(format::kMinCellsPerPart)
        .arg(drums)
        .arg(bass);
}

} // namespace

void PieceView::clear()
{
    path_.clear();
    piece_.reset();
    audio_.reset();
    correlations_.clear();
    stacked_.clear();
    roll_->clear();
    tempo_->setVisible(false);
    info_->setText(tr("No piece selected"));
    ssm_->setMatrix({}, 0);
    ssm_->setStrip({});
    ssm_->setEmptyText(tr("Select a piece to see its self-similarity"));
    Q_EMIT windowShown(-1);
}

bool PieceView::showFile(QString path)
{
    clear();
    path_ = path;
    if (isAudioPath(path.toStdString()))
        return showAudio(path);
    auto midi = readMidiFile(path.toStdString());
    if (!midi) {
        info_->setText(QString::fromStdString(midi.error().toString()));
        ssm_->setEmptyText(tr("This file cannot be read: %1").arg(QString::fromStdString(midi.error().message)));
        return false;
    }
    piece_ = analysePiece(*midi);
    const PieceAnalysis& a = *piece_;
    const int n = int(a.bars());
    const QString name = QFileInfo(path).fileName().toHtmlEscaped();
    if (n == 0) { // nothing of the method's roll: say why instead of an empty matrix
        const QString why = QString::fromStdString(a.reason.empty() ? std::string("no notes") : a.reason);
        info_->setText(tr("<b>%1</b> — %2 s, %3, tpq %4: no bars to show (%5)")
                           .arg(name)
                           .arg(midi->durationSeconds(), 0, 'f', 0)
                           .arg(metreText(a))
                           .arg(a.ticksPerQuarter)
                           .arg(why));
        ssm_->setEmptyText(tr("%1 has no bars to show: %2.\nThe matrix is drawn from the drum and bass parts "
                              "(a drum part on channel 10, a bass with program 33–40).")
                               .arg(QFileInfo(path).fileName(), why));
        return true;
    }
    stacked_ = a.roll.stackedSteps();
    ssm_->setMatrix(selfSimilarity(stacked_, a.barStarts, a.markedSteps), n);
    const std::vector<WindowInfo> windows = computeWindows(a);
    int kept = 0;
    for (const WindowInfo& w : windows) {
        correlations_.push_back(w.correlation);
        kept += w.kept;
    }
    const auto stored = db_ ? db_->windowsOf(path.toStdString()) : std::vector<StoredWindow>{};
    ssm_->setStrip(stripFor(stored, windows.size(), [&](size_t i) { return windows[i].kept; }),
                   db_ ? db_->loopThreshold() : std::nullopt);
    QString text = tr("<b>%1</b> — %2 bars, %3, %4 BPM, tpq %5")
                       .arg(name)
                       .arg(n)
                       .arg(metreText(a))
                       .arg(a.firstTempoBpm(), 0, 'f', 1)
                       .arg(a.ticksPerQuarter);
    if (!a.usable)
        text += tr(", not usable for the models: %1").arg(QString::fromStdString(a.reason));
    else if (kept == 0)
        text += tr(", no window kept: %1").arg(noWindowReason(a, windows));
    else
        text += tr(", %1 of %2 windows kept").arg(kept).arg(windows.size());
    info_->setText(text);
    if (!windows.empty()) {
        int first = 0;
        for (size_t i = 0; i < windows.size(); ++i)
            if (windows[i].kept) {
                first = int(i);
                break;
            }
        selectWindow(first);
    }
    return true;
}

bool PieceView::showAudio(const QString& path)
{
    const std::string p = path.toStdString();
    std::optional<ImportedFile> file = db_ ? db_->fileInfo(p) : std::nullopt;
    if (!file || !file->piece) {
        info_->setText(file ? tr("%1: %2").arg(path, QString::fromStdString(file->error))
                            : tr("%1 is not in the library: import it to see its bars.").arg(path));
        ssm_->setEmptyText(file ? tr("No bars to show: %1").arg(QString::fromStdString(file->error))
                                : tr("Import this file to see its bars."));
        return false;
    }
    audio_ = file->piece;
    tempo_->setVisible(true);
    const StoredPiece& a = *audio_;
    const int n = int(a.bars);
    ssm_->setMatrix(std::vector<double>(a.matrix.begin(), a.matrix.end()), n);
    const auto stored = db_->windowsOf(p);
    const size_t windows = n >= format::kBarsPerWindow ? size_t(n - format::kBarsPerWindow + 1) : 0;
    correlations_.assign(windows, WindowCorrelation{});
    for (const StoredWindow& w : stored)
        if (w.startBar >= 0 && size_t(w.startBar) < windows)
            correlations_[size_t(w.startBar)] = w.correlation;
    ssm_->setStrip(stripFor(stored, windows, [](size_t) { return true; }), db_->loopThreshold());
    QString text = tr("<b>%1</b> — audio, %2 bars, %3 BPM (%4), downbeat %5 s, %6 Hz, %7 ch, %8 s")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped())
                       .arg(n)
                       .arg(a.tempoBpm, 0, 'f', 2)
                       .arg(a.tempoFromUser ? tr("set by you")
                                            : tr("estimated, confidence %1").arg(a.bpmConfidence, 0, 'f', 2))
                       .arg(a.downbeat, 0, 'f', 3)
                       .arg(a.sampleRate)
                       .arg(a.channels)
                       .arg(a.seconds, 0, 'f', 1);
    if (file->status != FileStatus::Usable)
        text += tr(" — %1").arg(QString::fromStdString(file->error));
    info_->setText(text);
    if (windows > 0)
        selectWindow(0);
    return true;
}

std::optional<std::pair<double, double>> PieceView::audioGrid() const
{
    if (!audio_)
        return std::nullopt;
    return std::make_pair(audio_->tempoBpm, audio_->downbeat);
}

int PieceView::selectedWindow() const { return roll_->startBar(); }

double PieceView::tempoBpm() const
{
    return audio_ ? audio_->tempoBpm : piece_ ? piece_->firstTempoBpm() : 120.0;
}

std::vector<uint64_t> PieceView::selectedSteps() const
{
    if (!piece_ || roll_->startBar() < 0)
        return {};
    return windowSteps(stacked_, roll_->startBar());
}

void PieceView::selectWindow(int startBar)
{
    const int bars = audio_ ? int(audio_->bars) : piece_ ? int(piece_->bars()) : 0;
    if (startBar < 0 || startBar >= bars)
        return;
    if (audio_) {
        if (startBar >= int(correlations_.size()))
            return; // an audio window needs 8 whole bars
        ssm_->setSelectedWindow(startBar);
        roll_->setWindow(std::vector<uint64_t>(format::kWindowSteps, 0), correlations_[size_t(startBar)], startBar,
                         tr("Bars %1–%2 (audio, no notes; Ctrl+E exports the bars)")
                             .arg(startBar + 1)
                             .arg(startBar + 8));
        Q_EMIT windowShown(startBar);
        return;
    }
    std::vector<uint64_t> steps = windowSteps(stacked_, startBar);
    const WindowCorrelation corr = startBar < int(correlations_.size()) ? correlations_[size_t(startBar)]
                                                                        : windowCorrelation(steps, 0);
    ssm_->setSelectedWindow(startBar);
    roll_->setWindow(std::move(steps), corr, startBar, tr("Bars %1–%2").arg(startBar + 1).arg(startBar + 8));
    Q_EMIT windowShown(startBar);
}

void PieceView::editTempo()
{
    if (!audio_)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("tempoDialog"));
    dialog.setWindowTitle(tr("Tempo of %1").arg(QFileInfo(path_).fileName()));
    auto* bpm = new QDoubleSpinBox(&dialog);
    bpm->setObjectName(QStringLiteral("bpm"));
    bpm->setRange(20, 400);
    bpm->setDecimals(2);
    bpm->setSuffix(tr(" BPM"));
    bpm->setValue(audio_->tempoBpm > 0 ? audio_->tempoBpm : 120);
    auto* downbeat = new QDoubleSpinBox(&dialog);
    downbeat->setObjectName(QStringLiteral("downbeat"));
    downbeat->setRange(0, 36000);
    downbeat->setDecimals(3);
    downbeat->setSingleStep(0.01);
    downbeat->setSuffix(tr(" s"));
    downbeat->setValue(audio_->downbeat);
    auto* estimate = new QCheckBox(tr("Use the estimate again"), &dialog);
    estimate->setObjectName(QStringLiteral("useEstimate"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Tempo:"), bpm);
    form->addRow(tr("First downbeat:"), downbeat);
    form->addRow(estimate);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(estimate, &QCheckBox::toggled, bpm, &QWidget::setDisabled);
    connect(estimate, &QCheckBox::toggled, downbeat, &QWidget::setDisabled);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (estimate->isChecked())
        Q_EMIT tempoChangeRequested(path_, std::nullopt, std::nullopt);
    else
        Q_EMIT tempoChangeRequested(path_, bpm->value(), downbeat->value());
}

} // namespace lm::ui
