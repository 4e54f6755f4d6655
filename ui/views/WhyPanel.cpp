#include "WhyPanel.h"

#include "PieceView.h"
#include "ScoreFormat.h"
#include "WhyCharts.h"

#include "core/analysis/BarCorrelation.h"
#include "core/library/LibraryDb.h"
#include "core/library/PieceDisplay.h"
#include "core/library/ScoreHistogram.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace lm::ui {

namespace {

QLabel* wrapped(QWidget* parent, const char* name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString rText(const std::optional<double>& r) { return r ? formatNumber(*r, 3) : QStringLiteral("–"); }

WhyFacts generatedFacts(const StoredGeneratedLoop& g, LibraryDb& db)
{
    WhyFacts f;
    f.file = WhyPanel::tr("Generated loop %1 (model %2, seed %3)")
                 .arg(QString::fromStdString(g.loopId().text()), QString::fromStdString(g.modelName))
                 .arg(qulonglong(g.seed));
    f.tracks = WhyPanel::tr("drums and bass, as the model made them");
    f.bpm = g.tempoBpm;
    f.correlation = windowCorrelation(g.loop.roll, 0);
    f.score = g.loop.loopScore;
    f.threshold = db.loopThreshold();
    f.detail = rollPeriodDetail(g.loop.roll);
    f.period = f.detail.period;
    return f;
}

} // namespace

std::optional<WhyFacts> whyFactsOf(const PieceView& view, LibrarySession* session)
{
    LibraryDb* db = session ? session->db() : nullptr;
    if (const auto id = view.generatedLoopShown()) {
        const auto g = db ? db->generatedLoop(id->id) : std::nullopt;
        if (!g || g->loop.roll.size() != size_t(format::kWindowSteps))
            return std::nullopt;
        return generatedFacts(*g, *db);
    }
    const PieceDisplay* d = view.shownDisplay();
    const int start = view.selectedWindow();
    if (!d || start < 0 || size_t(start) >= d->windows.size())
        return std::nullopt;
    WhyFacts f;
    f.file = QString::fromStdString(d->path);
    f.startBar = start;
    f.correlation = d->windows[size_t(start)].correlation;
    f.score = size_t(start) < d->scores.size() ? d->scores[size_t(start)] : std::nullopt;
    f.threshold = d->threshold;
    f.period = size_t(start) < d->periods.size() ? d->periods[size_t(start)] : std::nullopt;
    if (d->midi) {
        const MidiBarSimilarity sim(*d->midi);
        f.detail = windowPeriodDetail([&sim](int64_t i, int64_t j) { return sim(i, j); }, d->midi->bars(), start);
        f.bpm = d->midi->firstTempoBpm();
        auto name = [](const std::string& n) { return n.empty() ? WhyPanel::tr("(unnamed track)") : QString::fromStdString(n); };
        f.tracks = WhyPanel::tr("%1 (drums), %2 (bass)").arg(name(d->drumTrackName), name(d->bassTrackName));
    } else {
        if (start + format::kBarsPerWindow <= d->shownBars)
            f.detail = windowPeriodDetail(matrixSimilarity(d->matrix, d->shownBars), d->shownBars, start);
        f.bpm = d->stored && d->stored->piece ? d->stored->piece->tempoBpm : 0;
        f.tracks = WhyPanel::tr("audio: no tracks (bars from the tempo and downbeat)");
    }
    return f;
}

WhyPanel::WhyPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("whyPanel"));
    verdict_ = wrapped(this, "whyVerdict");
    breaks_ = wrapped(this, "whyBreaks");
    period_ = wrapped(this, "whyPeriod");
    source_ = wrapped(this, "whySource");
    matrix_ = new WhyMatrix(this);
    matrix_->setToolTip(tr("The window's bar correlations, as the detector reads them (1: bars alike). "
                           "Outlined in red: the bar(s) least like the others"));
    histogram_ = new WhyHistogram(this);
    histogram_->setToolTip(tr("The library's loop scores (log scale; bar height: square root of the count). "
                              "Dashed red: the threshold. Orange: this window's score"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(verdict_);
    layout->addWidget(histogram_);
    layout->addWidget(matrix_);
    layout->addWidget(breaks_);
    layout->addWidget(period_);
    layout->addWidget(source_);
    layout->addStretch(1);
    loader_ = new JobRunner(tr("Loading the library's loop scores"), this);
    connect(loader_, &JobRunner::finished, this, [this] {
        if (const auto* h = std::any_cast<ScoreHistogram>(&loader_->result()))
            histogram_->setHistogram(*h);
        if (reloadAgain_) {
            reloadAgain_ = false;
            reloadHistogram();
            return;
        }
        Q_EMIT histogramLoaded();
    });
    clear();
}

WhyPanel::~WhyPanel() = default;

void WhyPanel::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session, &LibrarySession::opened, this, &WhyPanel::reloadHistogram);
    connect(session, &LibrarySession::contentChanged, this, &WhyPanel::reloadHistogram);
    connect(session, &LibrarySession::scoresChanged, this, &WhyPanel::reloadHistogram);
    reloadHistogram();
}

void WhyPanel::follow(PieceView* view)
{
    connect(view, &PieceView::windowShown, this, [this, view] { explain(*view); });
    connect(view, &PieceView::pieceShown, this, [this, view] { explain(*view); });
}

void WhyPanel::reloadHistogram()
{
    if (loader_->running()) {
        reloadAgain_ = true;
        return;
    }
    const std::string lib = session_ && session_->db() ? session_->db()->path() : std::string();
    loader_->start([lib](JobContext&) -> JobOutcome {
        ScoreHistogram h;
        if (!lib.empty()) // the job's own connection
            if (auto db = LibraryDb::open(lib, LibraryOpen::MustExist))
                h = scoreHistogram(**db);
        return {QString(), h};
    });
}

void WhyPanel::explain(const PieceView& view)
{
    if (const auto facts = whyFactsOf(view, session_))
        showFacts(*facts);
    else
        clear();
}

void WhyPanel::clear()
{
    verdict_->setText(tr("Select a window on the strip or a loop in the Loops tab to see why it is (or is not) a loop."));
    breaks_->clear();
    period_->clear();
    source_->clear();
    matrix_->setWindow({}, -1);
    histogram_->setMarks(std::nullopt, std::nullopt);
}

void WhyPanel::showFacts(const WhyFacts& f)
{
    if (f.score && f.threshold)
        verdict_->setText(*f.score < *f.threshold
                              ? tr("<b>A loop</b>: loop score %1, under the threshold %2 (lower is more loop-like).")
                                    .arg(formatScore(*f.score), formatScore(*f.threshold))
                              : tr("<b>Not a loop</b>: loop score %1, over the threshold %2 (lower is more loop-like).")
                                    .arg(formatScore(*f.score), formatScore(*f.threshold)));
    else if (f.score)
        verdict_->setText(tr("Loop score %1; no threshold yet.").arg(formatScore(*f.score)));
    else
        verdict_->setText(tr("<b>Not scored</b>: the detector scores kept windows (32 drum and 32 bass cells) "
                             "after an import."));
    histogram_->setMarks(f.score, f.threshold);
    matrix_->setWindow(f.correlation, f.startBar);
    const std::vector<double> means = barMeans(f.correlation);
    const std::vector<int> marked = matrix_->marked();
    if (marked.empty()) {
        breaks_->setText(tr("Every bar is as like the others as the rest: nothing breaks the repetition."));
    } else {
        QStringList bars;
        for (int b : marked)
            bars << QString::number(f.startBar + b + 1);
        const double best = *std::max_element(means.begin(), means.end());
        breaks_->setText((marked.size() == 1 ? tr("Bar %1 breaks the repetition most: mean similarity %2 to the other bars (the best bar: %3).")
                                  : tr("Bars %1 break the repetition most: mean similarity %2 to the other bars (the best bar: %3)."))
                             .arg(bars.join(QStringLiteral(", ")), formatNumber(means[size_t(marked.front())], 2),
                                  formatNumber(best, 2)));
    }
    const QString r = tr("r(1)&nbsp;%1 · r(2)&nbsp;%2 · r(4)&nbsp;%3 · r(8)&nbsp;%4 (a period needs %L5)")
                          .arg(rText(f.detail.r[0]), rText(f.detail.r[1]), rText(f.detail.r[2]), rText(f.detail.r[3]))
                          .arg(kPeriodThreshold, 0, 'f', 2);
    if (!f.period)
        period_->setText(tr("Period: not computed (imported before schema 5; scan again).<br>%1").arg(r));
    else if (*f.period > 0)
        period_->setText((*f.period == 1 ? tr("<b>Repeats every bar</b>.") : tr("<b>Repeats every %1 bars</b>.").arg(*f.period)) + QStringLiteral("<br>") + r);
    else
        period_->setText(tr("<b>No period</b> of 1, 2, 4 or 8 bars.<br>%1").arg(r));
    const QFileInfo file(f.file);
    source_->setText(tr("<b>%1</b><br>Tracks: %2<br>Bars %3–%4 · %L5 BPM")
                         .arg((file.exists() ? file.fileName() : f.file).toHtmlEscaped(), f.tracks.toHtmlEscaped())
                         .arg(f.startBar + 1)
                         .arg(f.startBar + format::kBarsPerWindow)
                         .arg(f.bpm, 0, 'f', 1));
    source_->setToolTip(f.file);
}

std::vector<int> WhyPanel::markedBars() const { return matrix_->marked(); }

int WhyPanel::windowBin() const { return histogram_->markedBin(); }

QDockWidget* WhyPanel::installDock(QMainWindow* window, PieceView* view, LibrarySession* session)
{
    auto* panel = new WhyPanel;
    panel->setSession(session);
    panel->follow(view);
    auto* scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* dock = new QDockWidget(tr("Why is this a loop?"), window);
    dock->setObjectName(QStringLiteral("whyDock"));
    dock->setWidget(scroll);
    dock->setMinimumWidth(260);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide(); // opened on demand (the window remembers it open): three columns do not fit 1024 px
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("whyAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    toggle->setToolTip(tr("Show or hide what the selected window's loop score is made of (Ctrl+I)"));
    auto* button = new QToolButton;
    button->setObjectName(QStringLiteral("whyButton"));
    button->setDefaultAction(toggle);
    button->setText(tr("Why?"));
    view->addHeaderButton(button);
    QMenu* viewMenu = nullptr;
    for (QAction* a : window->menuBar()->actions())
        if (a->menu() && a->menu()->objectName() == QLatin1String("viewMenu"))
            viewMenu = a->menu();
    if (!viewMenu) {
        viewMenu = window->menuBar()->addMenu(tr("&View"));
        viewMenu->setObjectName(QStringLiteral("viewMenu"));
    }
    viewMenu->addAction(toggle);
    return dock;
}

} // namespace lm::ui
