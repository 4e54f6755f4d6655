#include "PieceView.h"

#include "BarScoreLane.h"
#include "MatrixChoice.h"
#include "PianoRollView.h"
#include "PieceText.h"
#include "SsmView.h"

#include "core/analysis/Period.h"
#include "core/audio/AudioExport.h"
#include "core/io/MidiWriter.h"
#include "core/library/LibraryDb.h"
#include "core/model/RollToMidi.h"
#include "ui/LibrarySession.h"
#include "ui/LoopExporter.h"
#include "ui/dialogs/TempoDialog.h"
#include "ui/views/TempoOctaveButtons.h"
#include "ui/jobs/JobRunner.h"
#include "ui/views/ScoreFormat.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

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
    octave_ = new TempoOctaveButtons(this);
    octave_->setVisible(false);
    ssm_ = new SsmView(this);
    roll_ = new PianoRollView(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("pieceSplitter"));
    split->addWidget(ssm_);
    split->addWidget(roll_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* top = new QHBoxLayout;
    header_ = top;
    top->addWidget(info_, 1);
    top->addWidget(tempo_);
    top->addWidget(octave_);
    matrix_ = new MatrixChoice(ssm_, this); // which matrix, why, and the bar lane (issue 19)
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(matrix_);
    layout->addWidget(split, 1);
    connect(matrix_->lane(), &BarScoreLane::windowChosen, this, &PieceView::selectWindow);
    connect(ssm_, &SsmView::windowSelected, this, &PieceView::selectWindow);
    connect(tempo_, &QToolButton::clicked, this, &PieceView::editTempo);
    connect(octave_, &TempoOctaveButtons::scaleRequested, this, [this](double factor) {
        if (const auto grid = audioGrid())
            Q_EMIT tempoChangeRequested(path_, grid->first * factor, grid->second);
    });

    export_ = new QAction(tr("&Export Window..."), this);
    export_->setObjectName(QStringLiteral("exportWindowAction"));
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    export_->setEnabled(false);
    export_->setToolTip(tr("Select a window on the matrix or the strip first"));
    connect(this, &PieceView::windowShown, export_, [this](int start) { export_->setEnabled(start >= 0); });
    connect(export_, &QAction::triggered, this, &PieceView::exportWithDialog);
    connect(this, &PieceView::windowShown, this, &PieceView::shownLoopChanged);
    loader_ = new JobRunner(tr("Loading the piece"), this);
}

PieceView::~PieceView() = default;

void PieceView::addHeaderButton(QWidget* button) { header_->addWidget(button); }

void PieceView::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session, &LibrarySession::opened, this, &PieceView::clear); // what it showed belongs to the old library
    connect(session, &LibrarySession::contentChanged, this, &PieceView::refresh);
    connect(session, &LibrarySession::scoresChanged, this, &PieceView::refresh);
}

void PieceView::clear()
{
    generated_.reset();
    path_.clear();
    shown_.reset();
    next_.reset();
    roll_->clear();
    tempo_->setVisible(false);
    octave_->setVisible(false);
    info_->setText(tr("No piece selected"));
    ssm_->setMatrix({}, 0);
    ssm_->setStrip({});
    ssm_->setEmptyText(tr("Select a piece to see its self-similarity"));
    matrix_->clear();
    Q_EMIT windowShown(-1);
}

bool PieceView::loading() const { return loader_->running(); }

void PieceView::showFile(QString path) { load(path, -1); }

void PieceView::showWindowOf(const QString& path, int startBar)
{
    if (path_ == path && shown_ && !loading())
        selectWindow(startBar);
    else
        load(path, startBar);
}

void PieceView::showGeneratedLoop(const LoopId& id)
{
    std::optional<StoredGeneratedLoop> g;
    if (session_ && session_->db() && id.source == LoopId::Source::Generated)
        g = session_->db()->generatedLoop(id.id);
    if (!g || g->loop.roll.size() != size_t(format::kWindowSteps)) {
        clear();
        info_->setText(tr("Generated loop %1 is not in the library").arg(QString::fromStdString(id.text())));
        return;
    }
    clear();
    generated_ = std::move(g);
    const StoredGeneratedLoop& l = *generated_;
    info_->setText(tr("<b>Generated loop %1</b> · %2 · seed %3 · loop score %4 · %L5 BPM%6")
                       .arg(QString::fromStdString(id.text()), QString::fromStdString(l.modelName).toHtmlEscaped())
                       .arg(qulonglong(l.seed))
                       .arg(formatScore(l.loop.loopScore))
                       .arg(l.tempoBpm)
                       .arg(l.kept ? QString() : tr(" · not kept yet")));
    ssm_->setEmptyText(tr("A generated loop has no piece: its roll and bar matrix are below"));
    roll_->setWindow(l.loop.roll, windowCorrelation(l.loop.roll, 0), 0, tr("Generated loop %1").arg(QString::fromStdString(id.text())));
    Q_EMIT windowShown(0);
}

void PieceView::refresh()
{
    if (!path_.isEmpty())
        load(path_, selectedWindow());
}

void PieceView::load(const QString& path, int window)
{
    if (loader_->running()) { // the latest request wins once this load is done
        next_ = {path, window};
        path_ = path;
        return;
    }
    path_ = path;
    generated_.reset();
    info_->setText(tr("Loading %1…").arg(QFileInfo(path).fileName().toHtmlEscaped()));
    const std::string lib = session_ && session_->db() ? session_->db()->path() : std::string();
    loader_->disconnect(this);
    connect(loader_, &JobRunner::finished, this, [this, window] {
        auto d = std::any_cast<std::shared_ptr<const PieceDisplay>>(loader_->result());
        if (next_) {
            const auto [p, w] = *next_;
            next_.reset();
            load(p, w);
            return;
        }
        apply(d, window);
    });
    loader_->start([lib, file = path.toStdString(), keys = LibrarySession::keysInCorrelation()](JobContext& job) -> JobOutcome {
        std::unique_ptr<LibraryDb> db;
        if (!lib.empty()) // the job's own connection
            if (auto opened = LibraryDb::open(lib, LibraryOpen::MustExist))
                db = std::move(*opened);
        return {QString(), std::shared_ptr<const PieceDisplay>(
                               std::make_shared<PieceDisplay>(loadPieceDisplay(db.get(), file, job, keys)))};
    });
}

void PieceView::apply(std::shared_ptr<const PieceDisplay> d, int window)
{
    shown_ = std::move(d);
    const PieceDisplay& p = *shown_;
    roll_->clear();
    tempo_->setVisible(p.audio && p.error.empty());
    octave_->setVisible(p.audio && p.error.empty());
    info_->setText(PieceText::summary(p));
    matrix_->showPiece(shown_); // the method's matrix or all parts, labelled; the bar lane
    std::vector<StripCell> strip(p.windows.size());
    for (size_t i = 0; i < strip.size(); ++i) {
        strip[i].kept = p.windows[i].kept;
        strip[i].score = p.scores[i];
        strip[i].period = i < p.periods.size() ? p.periods[i] : std::nullopt;
    }
    ssm_->setStrip(std::move(strip), p.threshold);
    if (window < 0) { // the first kept window
        for (size_t i = 0; i < p.windows.size() && window < 0; ++i)
            if (p.windows[i].kept)
                window = int(i);
        if (window < 0 && !p.windows.empty())
            window = 0;
    }
    if (window >= 0)
        selectWindow(window);
    else
        Q_EMIT windowShown(-1);
    Q_EMIT pieceShown(path_);
}

std::optional<std::pair<double, double>> PieceView::audioGrid() const
{
    if (!isAudio() || !shown_->stored || !shown_->stored->piece)
        return std::nullopt;
    return std::make_pair(shown_->stored->piece->tempoBpm, shown_->stored->piece->downbeat);
}

int PieceView::selectedWindow() const { return roll_->startBar(); }

double PieceView::tempoBpm() const
{
    if (generated_)
        return generated_->tempoBpm;
    if (auto grid = audioGrid())
        return grid->first;
    return shown_ && shown_->midi ? shown_->midi->firstTempoBpm() : 120.0;
}

std::optional<WindowSpan> PieceView::selectedSpan() const
{
    if (generated_ || !shown_ || shown_->audio || !shown_->midi || roll_->startBar() < 0)
        return std::nullopt;
    return windowSpan(*shown_->midi, roll_->startBar());
}

std::vector<uint64_t> PieceView::selectedSteps() const
{
    if (generated_)
        return generated_->loop.roll;
    const auto span = selectedSpan();
    return span ? windowSteps(shown_->stacked, *span) : std::vector<uint64_t>{};
}

PieceView::ShownLoop PieceView::shownLoop() const
{
    ShownLoop loop{selectedSteps(), tempoBpm(), {}, 0};
    const auto span = selectedSpan();
    if (const Part* keys = span ? shown_->midi->keys() : nullptr) {
        loop.keys = windowSteps(keys->steps, *span);
        loop.keysProgram = keys->program;
    }
    return loop;
}

void PieceView::selectWindow(int startBar)
{
    if (!shown_ || startBar < 0 || startBar >= int(shown_->bars))
        return;
    const PieceDisplay& p = *shown_;
    if (p.audio) {
        if (startBar >= int(p.windows.size()))
            return; // an audio window needs 8 whole bars
        ssm_->setSelectedWindow(startBar);
        roll_->setWindow(std::vector<uint64_t>(format::kWindowSteps, 0), p.windows[size_t(startBar)].correlation,
                         startBar, tr("Bars %1–%2 (audio, no notes; Ctrl+E exports the bars)").arg(startBar + 1).arg(startBar + 8));
        Q_EMIT windowShown(startBar);
        return;
    }
    const WindowSpan span = windowSpan(*p.midi, startBar);
    std::vector<uint64_t> steps = windowSteps(p.stacked, span);
    const bool computed = startBar < int(p.windows.size()) && p.windows[size_t(startBar)].barSteps > 0;
    const WindowCorrelation corr = computed ? p.windows[size_t(startBar)].correlation
                                            : windowCorrelation(steps, 0, span.barSteps);
    ssm_->setSelectedWindow(startBar);
    const QString metre = span.fourFour() ? QString() : tr(" · %1/%2").arg(span.numerator).arg(span.denominator);
    roll_->setWindow(std::move(steps), corr, startBar, tr("Bars %1–%2%3").arg(startBar + 1).arg(startBar + 8).arg(metre));
    if (const Part* keys = p.midi->keys())
        roll_->setKeys(windowSteps(keys->steps, span));
    Q_EMIT windowShown(startBar);
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
    const ShownLoop shown = shownLoop();
    if (const auto span = selectedSpan()) {
        options.numerator = span->numerator;
        options.denominator = span->denominator;
    }
    if (!shown.keys.empty()) {
        options.keys = &shown.keys;
        options.keysProgram = shown.keysProgram;
    }
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
    // The options, the file and the question about an existing one: ui/LoopExporter.
    LoopRoll loop;
    if (generated_) {
        loop.info.id = generated_->loopId();
        loop.info.source = "generated";
        loop.info.score = generated_->loop.loopScore;
        loop.info.period = rollPeriod(generated_->loop.roll);
    } else {
        loop.info.path = path_.toStdString();
        loop.info.source = QFileInfo(path_).completeBaseName().toStdString();
        loop.info.audio = isAudio();
        loop.info.startBar = start;
        loop.info.period = shown_ && size_t(start) < shown_->periods.size() ? shown_->periods[size_t(start)] : std::nullopt;
    }
    const auto grid = audioGrid();
    loop.info.tempoBpm = grid ? grid->first : tempoBpm();
    loop.info.downbeat = grid ? grid->second : 0;
    const ShownLoop shown = shownLoop();
    loop.steps = shown.steps;
    loop.keys = shown.keys;
    loop.keysProgram = shown.keysProgram;
    if (const auto span = selectedSpan()) {
        loop.numerator = span->numerator;
        loop.denominator = span->denominator;
    }
    const QString out = exportOneWithDialog(this, loop);
    if (!out.isEmpty())
        Q_EMIT exported(out);
}

void PieceView::editTempo()
{
    const auto grid = audioGrid();
    if (!grid)
        return;
    TempoDialog dialog(QFileInfo(path_).fileName(), grid->first, grid->second, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.useEstimate())
        Q_EMIT tempoChangeRequested(path_, std::nullopt, std::nullopt);
    else
        Q_EMIT tempoChangeRequested(path_, dialog.bpm(), dialog.downbeat());
}

} // namespace lm::ui
