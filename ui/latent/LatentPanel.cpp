#include "LatentPanel.h"

#include "InterpolationStrip.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"
#include "ui/views/ScoreFormat.h"

#include "core/base/DataPaths.h"
#include "core/io/MidiWriter.h"
#include "core/library/LibraryDb.h"
#include "core/library/LoopEmbeddings.h"
#include "core/library/LoopRolls.h"
#include "core/library/ModelStore.h"
#include "core/model/RollToMidi.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lm::ui {

namespace {

struct SimilarRow {
    LoopId id;
    double distance = 0;
    std::string source;
    int64_t bar = -1;
};

// Enter on the list plays the chosen loop, as a double-click does.
class SimilarTable : public QTableWidget {
public:
    using QTableWidget::QTableWidget;
    std::function<void(int)> onEnter;

protected:
    void keyPressEvent(QKeyEvent* e) override
    {
        if ((e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) && currentRow() >= 0 && onEnter)
            return onEnter(currentRow());
        QTableWidget::keyPressEvent(e);
    }
};

} // namespace

LatentPanel::LatentPanel(QWidget* parent) : QWidget(parent)
{
    similarJob_ = new JobRunner(tr("Similar loops"), this);
    interpolateJob_ = new JobRunner(tr("Interpolation"), this);
    auto* layout = new QVBoxLayout(this);
    currentLabel_ = new QLabel(tr("Choose a loop in the Loops tab"), this);
    currentLabel_->setObjectName(QStringLiteral("latentCurrent"));
    layout->addWidget(currentLabel_);
    layout->addWidget(buildSimilar(), 1);
    layout->addWidget(buildInterpolation(), 1);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("latentStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);
    connect(similarJob_, &JobRunner::finished, this, &LatentPanel::onSimilar);
    connect(interpolateJob_, &JobRunner::finished, this, &LatentPanel::onInterpolated);
    updateButtons();
}

LatentPanel::~LatentPanel() = default;

QWidget* LatentPanel::buildSimilar()
{
    auto* box = new QGroupBox(tr("More like this"), this);
    auto* v = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    similar_ = new QPushButton(tr("Find similar loops"), box);
    similar_->setObjectName(QStringLiteral("similarButton"));
    similar_->setToolTip(tr("The nearest loops of the chosen loop in the active model's latent space "
                            "(the distance of their 32 quantised codes)"));
    k_ = new QSpinBox(box);
    k_->setRange(1, 200);
    k_->setValue(10);
    k_->setPrefix(tr("nearest "));
    k_->setToolTip(tr("How many similar loops to list (1 to 200)"));
    row->addWidget(similar_);
    row->addWidget(k_);
    row->addStretch(1);
    v->addLayout(row);
    auto* table = new SimilarTable(0, SimilarColumns, box);
    table_ = table;
    table_->setObjectName(QStringLiteral("similarTable"));
    table_->setHorizontalHeaderLabels({tr("Loop"), tr("Source"), tr("Bar"), tr("Distance")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(SimilarSource, QHeaderView::Stretch);
    v->addWidget(table_);
    auto idOfRow = [this](int r) {
        const QTableWidgetItem* item = table_->item(r, SimilarLoop);
        return item ? LoopId::parse(item->text().toStdString()) : std::nullopt;
    };
    connect(similar_, &QPushButton::clicked, this, [this] { findSimilar(); });
    connect(table_, &QTableWidget::currentCellChanged, this, [this, idOfRow](int r) {
        if (r >= 0)
            if (auto id = idOfRow(r))
                Q_EMIT loopSelected(*id);
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this, idOfRow](int r) {
        if (auto id = idOfRow(r))
            Q_EMIT loopActivated(*id);
    });
    table->onEnter = [this, idOfRow](int r) {
        if (auto id = idOfRow(r))
            Q_EMIT loopActivated(*id);
    };
    return box;
}

QWidget* LatentPanel::buildInterpolation()
{
    auto* box = new QGroupBox(tr("Interpolate"), this);
    auto* v = new QVBoxLayout(box);
    auto* ends = new QHBoxLayout;
    setA_ = new QPushButton(tr("Set A"), box);
    setA_->setObjectName(QStringLiteral("setA"));
    setA_->setToolTip(tr("Start the walk at the loop chosen in the Loops or Generate tab"));
    aLabel_ = new QLabel(tr("A: none"), box);
    setB_ = new QPushButton(tr("Set B"), box);
    setB_->setObjectName(QStringLiteral("setB"));
    setB_->setToolTip(tr("End the walk at the loop chosen in the Loops or Generate tab"));
    bLabel_ = new QLabel(tr("B: none"), box);
    steps_ = new QSpinBox(box);
    steps_->setObjectName(QStringLiteral("interpolationSteps"));
    steps_->setRange(2, 32);
    steps_->setValue(8);
    steps_->setSuffix(tr(" steps"));
    steps_->setToolTip(tr("Loops on the way from A to B, A and B included (2 to 32)"));
    interpolate_ = new QPushButton(tr("Interpolate"), box);
    interpolate_->setObjectName(QStringLiteral("interpolateButton"));
    interpolate_->setToolTip(tr("Walk from A to B through the model's latent space, one loop per step"));
    for (QLabel* l : {aLabel_, bLabel_}) // long names shrink in a small window (the tooltip has them)
        l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    ends->addWidget(setA_);
    ends->addWidget(aLabel_, 1);
    ends->addWidget(setB_);
    ends->addWidget(bLabel_, 1);
    v->addLayout(ends);
    auto* run = new QHBoxLayout;
    run->addWidget(steps_);
    run->addWidget(interpolate_);
    run->addStretch(1);
    v->addLayout(run);
    strip_ = new InterpolationStrip(box);
    strip_->setObjectName(QStringLiteral("interpolationStrip"));
    v->addWidget(strip_, 1);
    auto* actions = new QHBoxLayout;
    stepInfo_ = new QLabel(box);
    stepInfo_->setObjectName(QStringLiteral("stepInfo"));
    stepInfo_->setWordWrap(true);
    play_ = new QPushButton(tr("Play step"), box);
    play_->setObjectName(QStringLiteral("playStep"));
    play_->setToolTip(tr("Play the chosen step through the transport (Enter or double-click; Space stops)"));
    keep_ = new QPushButton(tr("Keep step"), box);
    keep_->setObjectName(QStringLiteral("keepStep"));
    keep_->setToolTip(tr("Adds the step to the library as a generated loop"));
    export_ = new QPushButton(tr("Export step…"), box);
    export_->setObjectName(QStringLiteral("exportStep"));
    export_->setToolTip(tr("Save the chosen step as a MIDI file"));
    actions->addWidget(stepInfo_, 1);
    for (QPushButton* b : {play_, keep_, export_})
        actions->addWidget(b);
    v->addLayout(actions);
    auto setEnd = [this](bool isA) {
        if (!current_)
            return;
        (isA ? a_ : b_) = current_;
        QLabel* label = isA ? aLabel_ : bLabel_;
        label->setText((isA ? tr("A: %1") : tr("B: %1")).arg(describe(*current_)));
        label->setToolTip(label->text());
        updateButtons();
    };
    connect(setA_, &QPushButton::clicked, this, [setEnd] { setEnd(true); });
    connect(setB_, &QPushButton::clicked, this, [setEnd] { setEnd(false); });
    connect(interpolate_, &QPushButton::clicked, this, [this] { interpolate(); });
    connect(strip_, &InterpolationStrip::currentChanged, this, &LatentPanel::showStep);
    auto audition = [this] {
        if (strip_->current() < 0)
            return;
        auditioning_ = true;
        Q_EMIT stepAuditionRequested();
    };
    connect(strip_, &InterpolationStrip::activated, this, audition);
    connect(play_, &QPushButton::clicked, this, audition);
    connect(keep_, &QPushButton::clicked, this, [this] { keepStep(); });
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export step"), QStringLiteral("step_%1.mid").arg(strip_->current(), 2, 10, QChar('0')),
                                                          tr("MIDI files (*.mid)"));
        if (!path.isEmpty())
            if (const QString error = exportStepTo(path); !error.isEmpty())
                say(error);
    });
    return box;
}

void LatentPanel::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session_, &LibrarySession::opened, this, [this] {
        current_ = a_ = b_ = std::nullopt;
        table_->setRowCount(0);
        strip_->clear();
        walk_ = {};
        aLabel_->setText(tr("A: none"));
        bLabel_->setText(tr("B: none"));
        currentLabel_->setText(tr("Choose a loop in the Loops tab"));
        showStep(-1);
        updateButtons();
    });
}

QString LatentPanel::modelDir() const
{
    const QString dir = session_ ? session_->modelDir() : QString();
    return dir.isEmpty() ? QString::fromStdString(defaultModelDir()) : dir;
}

QString LatentPanel::describe(const LoopId& id) const
{
    if (!session_ || !session_->db())
        return QString::fromStdString(id.text());
    auto info = loopInfo(*session_->db(), id);
    if (!info)
        return QString::fromStdString(id.text());
    if (id.source == LoopId::Source::Generated)
        return tr("%1 · generated").arg(QString::fromStdString(id.text()));
    return tr("%1 · %2 bar %3").arg(QString::fromStdString(id.text()), QString::fromStdString(info->source))
        .arg(info->startBar + 1);
}

void LatentPanel::setCurrentLoop(const LoopId& id)
{
    current_ = id;
    currentLabel_->setText(tr("Chosen loop: %1").arg(describe(id)));
    updateButtons();
}

void LatentPanel::say(const QString& text) { status_->setText(text); }

void LatentPanel::updateButtons()
{
    const bool ready = session_ && session_->db() && latentModels().available();
    similar_->setEnabled(ready && current_ && !similarJob_->running());
    setA_->setEnabled(ready && current_);
    setB_->setEnabled(ready && current_);
    interpolate_->setEnabled(ready && a_ && b_ && !interpolateJob_->running());
    const bool step = strip_->current() >= 0;
    for (QPushButton* b : {play_, keep_, export_})
        b->setEnabled(step);
}

bool LatentPanel::findSimilar()
{
    if (!latentModels().available() || !session_ || !session_->db() || !current_) {
        say(!latentModels().available() ? tr("This build has no models") : tr("Choose a loop first"));
        return false;
    }
    const std::string lib = session_->db()->path(), dir = modelDir().toStdString();
    const LoopId id = *current_;
    const int k = k_->value();
    const bool started = similarJob_->start([lib, dir, id, k](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib, LibraryOpen::MustExist); // the job's own connection
        if (!db)
            return {QString::fromStdString(db.error().toString()), {}};
        auto e = refreshEmbeddings(**db, dir, &job);
        if (!e)
            return {QString::fromStdString(e.error().toString()), {}};
        auto hits = similarLoops(*e, id, k);
        if (!hits)
            return {QString::fromStdString(hits.error().message), {}};
        std::vector<SimilarRow> rows;
        for (const Neighbour& n : *hits) {
            SimilarRow r{n.id, n.distance, "generated", -1};
            if (auto info = loopInfo(**db, n.id); info && n.id.source == LoopId::Source::Mined) {
                r.source = info->source;
                r.bar = info->startBar;
            }
            rows.push_back(std::move(r));
        }
        return {{}, rows};
    });
    if (started)
        say(tr("Looking for loops like %1…").arg(QString::fromStdString(id.text())));
    updateButtons();
    return started;
}

void LatentPanel::onSimilar(bool ok, const QString& error)
{
    updateButtons();
    table_->setRowCount(0);
    if (!ok) {
        say(tr("No similar loops: %1").arg(error));
        Q_EMIT similarFound(error);
        return;
    }
    const auto& rows = std::any_cast<const std::vector<SimilarRow>&>(similarJob_->result());
    table_->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i) {
        const SimilarRow& r = rows[size_t(i)];
        table_->setItem(i, SimilarLoop, new QTableWidgetItem(QString::fromStdString(r.id.text())));
        table_->setItem(i, SimilarSource, new QTableWidgetItem(QString::fromStdString(r.source)));
        table_->setItem(i, SimilarBar, new QTableWidgetItem(r.bar >= 0 ? QString::number(r.bar + 1) : QString()));
        table_->setItem(i, SimilarDistance, new QTableWidgetItem(formatNumber(r.distance, 3)));
    }
    say(tr("%n loop(s) nearest in the latent space of %1", nullptr, int(rows.size())).arg(QFileInfo(modelDir()).fileName()));
    Q_EMIT similarFound(QString());
}

bool LatentPanel::interpolate()
{
    if (!latentModels().available() || !session_ || !session_->db() || !a_ || !b_) {
        say(tr("Set loops A and B first"));
        return false;
    }
    const std::string lib = session_->db()->path(), dir = modelDir().toStdString();
    const LoopId a = *a_, b = *b_;
    const int steps = steps_->value();
    const bool started = interpolateJob_->start([lib, dir, a, b, steps](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib, LibraryOpen::MustExist);
        if (!db)
            return {QString::fromStdString(db.error().toString()), {}};
        job.report(0, 0, tr("reading loops").toStdString());
        auto ra = loopRoll(**db, a);
        auto rb = loopRoll(**db, b);
        if (!ra || !rb)
            return {QString::fromStdString((ra ? rb.error() : ra.error()).toString()), {}};
        if (ra->steps.empty() || rb->steps.empty())
            return {tr("audio loops have no roll to interpolate"), {}};
        auto walk = latentModels().interpolate(dir, ra->steps, rb->steps, steps);
        if (!walk)
            return {QString::fromStdString(walk.error().toString()), {}};
        return {{}, *walk};
    });
    if (started)
        say(tr("Interpolating…"));
    updateButtons();
    return started;
}

void LatentPanel::onInterpolated(bool ok, const QString& error)
{
    updateButtons();
    if (!ok) {
        say(tr("Cannot interpolate: %1").arg(error));
        Q_EMIT interpolated(error);
        return;
    }
    walk_ = std::any_cast<const Interpolation&>(interpolateJob_->result());
    std::vector<InterpolationStrip::Step> steps;
    for (const InterpolatedLoop& l : walk_.steps)
        steps.push_back({l.roll, l.loopScore});
    strip_->setSteps(std::move(steps), walk_.threshold);
    showStep(-1);
    say(tr("%L1 steps from A to B; choose one to audition, keep or export it").arg(walk_.steps.size()));
    Q_EMIT interpolated(QString());
}

void LatentPanel::showStep(int step)
{
    if (step < 0 || step >= int(walk_.steps.size())) {
        stepInfo_->clear();
    } else {
        const InterpolatedLoop& l = walk_.steps[size_t(step)];
        stepInfo_->setText(tr("Step %1: loop score %2, %L3 % of cells differ from A, %L4 % from B")
                               .arg(step).arg(formatScore(l.loopScore)).arg(100 * l.fromA, 0, 'f', 1).arg(100 * l.fromB, 0, 'f', 1));
        if (auditioning_)
            Q_EMIT stepAuditionRequested(); // the audition follows the chosen step
    }
    updateButtons();
}

std::vector<uint64_t> LatentPanel::auditionSteps() const
{
    const int s = strip_->current();
    if (!auditioning_ || s < 0 || s >= int(walk_.steps.size()))
        return {};
    return walk_.steps[size_t(s)].roll;
}

QString LatentPanel::exportStepTo(const QString& path)
{
    const int s = strip_->current();
    if (s < 0 || s >= int(walk_.steps.size()))
        return tr("No step chosen");
    if (auto w = writeMidiFile(path.toStdString(), rollToMidi(walk_.steps[size_t(s)].roll)); !w)
        return QString::fromStdString(w.error().toString());
    say(tr("Exported step %1 to %2").arg(s).arg(path));
    return {};
}

std::optional<LoopId> LatentPanel::keepStep()
{
    const int s = strip_->current();
    if (s < 0 || s >= int(walk_.steps.size()) || !session_ || !session_->db())
        return std::nullopt;
    const InterpolatedLoop& l = walk_.steps[size_t(s)];
    GenerationBatch batch;
    const std::string dir = modelDir().toStdString();
    batch.modelName = modelNameOfDir(dir);
    batch.modelDir = dir;
    batch.settings.count = 1;
    batch.settingsJson = "{\"interpolation\":{\"a\":\"" + a_->text() + "\",\"b\":\"" + b_->text() + "\",\"step\":"
                         + std::to_string(s) + ",\"steps\":" + std::to_string(walk_.steps.size()) + "}}";
    StoredGeneratedLoop g;
    g.loop = GeneratedLoop{l.roll, l.loopScore, l.noteDensity, l.uniquePitch};
    batch.loops.push_back(g);
    auto added = session_->db()->addGenerationBatch(std::move(batch), true, false);
    if (!added) {
        say(tr("Cannot keep the step: %1").arg(QString::fromStdString(added.error().toString())));
        return std::nullopt;
    }
    const LoopId id = added->loops.front().loopId();
    say(tr("Kept step %1 as %2").arg(s).arg(QString::fromStdString(id.text())));
    Q_EMIT libraryLoopsChanged();
    return id;
}

} // namespace lm::ui
