#include "TrainView.h"

#include "TrainCharts.h"
#include "TrainForm.h"

#include "core/base/DataPaths.h"
#include "core/library/LibraryDb.h"
#include "core/library/ModelStore.h"
#include "core/library/TrainPlan.h"
#include "core/ml/Training.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>

namespace lm::ui {

namespace {

QString clockText(double s)
{
    const int t = qMax(0, int(s + 0.5));
    return QStringLiteral("%1:%2:%3").arg(t / 3600).arg(t / 60 % 60, 2, 10, QLatin1Char('0')).arg(t % 60, 2, 10, QLatin1Char('0'));
}

QString partTitle(const std::string& part)
{
    if (part == "detector")
        return TrainView::tr("detector");
    if (part == "vqvae")
        return TrainView::tr("VQ-VAE");
    if (part == "cnnvae")
        return TrainView::tr("CNN-VAE");
    return TrainView::tr("prior");
}

} // namespace

TrainView::TrainView(QWidget* parent) : QWidget(parent)
{
    form_ = new TrainForm(this);
    charts_ = new TrainCharts(this);
    job_ = new JobRunner(tr("Training"), this);

    start_ = new QPushButton(tr("Start"), this);
    start_->setObjectName(QStringLiteral("trainStart"));
    start_->setToolTip(tr("Train a new model with these settings; it appears in the Models tab"));
    pause_ = new QPushButton(tr("Pause"), this);
    pause_->setObjectName(QStringLiteral("trainPause"));
    pause_->setToolTip(tr("Pause the training at the next batch (the CPU is free meanwhile)"));
    resume_ = new QPushButton(tr("Resume"), this);
    resume_->setObjectName(QStringLiteral("trainResume"));
    resume_->setToolTip(tr("Go on with the paused training"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("trainCancel"));
    cancel_->setToolTip(tr("Stops at the next batch; the last epoch's checkpoint stands and can be resumed"));
    resumable_ = new QComboBox(this);
    resumable_->setObjectName(QStringLiteral("resumableModels"));
    resumable_->setToolTip(tr("Trainings that were cancelled, crashed or closed with the app: they go on from their last checkpoint"));
    resumeSaved_ = new QPushButton(tr("Resume from checkpoint"), this);
    resumeSaved_->setObjectName(QStringLiteral("resumeSaved"));

    epochBar_ = new QProgressBar(this);
    epochBar_->setObjectName(QStringLiteral("epochProgress"));
    epochBar_->setFormat(tr("epoch %v of %m"));
    batchBar_ = new QProgressBar(this);
    batchBar_->setObjectName(QStringLiteral("batchProgress"));
    batchBar_->setFormat(tr("batch %v of %m"));
    status_ = new QLabel(tr("Not running."), this);
    status_->setObjectName(QStringLiteral("trainStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rate_ = new QLabel(this);
    rate_->setObjectName(QStringLiteral("trainRate"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {start_, pause_, resume_, cancel_})
        buttons->addWidget(b);
    auto* saved = new QHBoxLayout;
    saved->addWidget(resumable_, 1);
    saved->addWidget(resumeSaved_);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addLayout(saved);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(charts_, 1);
    auto* bars = new QHBoxLayout;
    bars->addWidget(epochBar_);
    bars->addWidget(batchBar_);
    rightLayout->addLayout(bars);
    rightLayout->addWidget(rate_);
    rightLayout->addWidget(status_);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({form_->sizeHint().width() + 16, 900});
    // The tab shares the window with the piece view: below its own minimum it
    // scrolls instead of making the whole window wider.
    auto* outer = new QScrollArea(this);
    outer->setObjectName(QStringLiteral("trainScroll"));
    outer->setFrameShape(QFrame::NoFrame);
    outer->setWidgetResizable(true);
    outer->setWidget(split);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(outer);

    connect(start_, &QPushButton::clicked, this, [this] { start(); });
    connect(pause_, &QPushButton::clicked, this, [this] { job_->setPaused(true); });
    connect(resume_, &QPushButton::clicked, this, [this] { job_->setPaused(false); });
    connect(cancel_, &QPushButton::clicked, job_, &JobRunner::cancel);
    connect(resumeSaved_, &QPushButton::clicked, this, [this] { resumeSaved(resumable_->currentData().toString()); });
    connect(job_, &JobRunner::payload, this, &TrainView::onPayload);
    connect(job_, &JobRunner::progress, this, [this](double, qint64 done, qint64, const QString&) { onProgress(done); });
    connect(job_, &JobRunner::finished, this, &TrainView::onFinished);
    connect(job_, &JobRunner::pausedChanged, this, [this](bool paused) {
        status_->setText(paused ? tr("Paused (at the next batch).") : tr("Going on."));
        updateButtons();
    });
    refreshResumable();
    updateButtons();
}

void TrainView::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (!job_->running())
        refreshResumable();
}

void TrainView::setSession(LibrarySession* session)
{
    session_ = session;
    form_->setSession(session);
}

void TrainView::updateButtons()
{
    const bool running = job_->running(), paused = job_->paused();
    start_->setEnabled(!running);
    pause_->setEnabled(running && !paused);
    resume_->setEnabled(running && paused);
    cancel_->setEnabled(running);
    resumeSaved_->setEnabled(!running && !resumable_->currentData().toString().isEmpty());
    resumable_->setEnabled(!running);
    form_->setEnabled(!running);
}

void TrainView::refreshResumable()
{
    resumable_->clear();
    for (const ModelInfo& m : ModelStore::user().list()) {
        if (m.bundled || !m.resumable() || !m.info.value(QStringLiteral("plan")).isObject())
            continue;
        QStringList parts;
        for (const std::string& p : m.pending)
            parts << partTitle(p);
        const QString name = QString::fromStdString(m.name);
        resumable_->addItem(tr("%1 (%2 left)").arg(name, parts.join(QStringLiteral(", "))), name);
    }
    if (resumable_->count() == 0)
        resumable_->addItem(tr("No training to resume"));
    updateButtons();
}

bool TrainView::start()
{
    if (job_->running())
        return false;
    ModelStore store = ModelStore::user();
    TrainRequest r = form_->request();
    if ((r.loops == LoopSource::Folder && r.parts != std::vector<std::string>{"detector"})
        || (r.detector == DetectorSource::Folder && std::count(r.parts.begin(), r.parts.end(), "detector"))) {
        if (r.folder.empty()) {
            status_->setText(tr("Choose a folder of loop files first."));
            return false;
        }
    }
    auto made = store.create(form_->modelName().toStdString());
    if (!made) {
        status_->setText(tr("Cannot start: %1").arg(QString::fromStdString(made.error().toString())));
        return false;
    }
    r.modelDir = (std::filesystem::path(store.root()) / *made).string();
    r.baseModelDir = store.activeDir();
    r.bundledDir = defaultModelDir();
    return run(r, QString::fromStdString(*made));
}

bool TrainView::resumeSaved(const QString& name)
{
    if (job_->running() || name.isEmpty())
        return false;
    const auto m = ModelStore::user().find(name.toStdString());
    if (!m || !m->resumable()) {
        status_->setText(tr("No training of %1 to resume.").arg(name));
        return false;
    }
    TrainRequest r = planFromJson(m->info.value(QStringLiteral("plan")).toObject());
    r.modelDir = m->dir;
    r.resume = true;
    return run(r, name);
}

bool TrainView::run(const TrainRequest& request, const QString& name)
{
    if (!session_ || !session_->db()) {
        status_->setText(tr("Open a library first."));
        return false;
    }
    const std::string lib = session_->db()->path();
    request_ = request;
    parts_ = request.parts;
    model_ = name;
    charts_->clear();
    lastDone_ = 0;
    samples_ = 0;
    lastEpoch_ = firstEpoch_ = 0;
    runningPart_.clear();
    clock_.start();
    const bool started = job_->start([lib, request](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib, LibraryOpen::MustExist); // this thread's own connection
        if (!db)
            return {QString::fromStdString(db.error().toString()), {}};
        auto r = models().train(**db, request, job);
        if (!r)
            return {QString::fromStdString(r.error().toString()), {}};
        return {QString(), *r};
    });
    if (!started)
        return false;
    status_->setText(tr("Training %1%2…").arg(name, request.resume ? tr(" (resuming)") : QString()));
    updateButtons();
    Q_EMIT trainingStarted(name);
    return true;
}

void TrainView::onProgress(qint64 done)
{
    if (done > lastDone_)
        samples_ += double(done - lastDone_);
    lastDone_ = done;
}

void TrainView::onPayload(const std::any& value)
{
    const auto* p = std::any_cast<ml::TrainProgress>(&value);
    if (!p)
        return;
    if (p->model != runningPart_) {
        runningPart_ = p->model;
        lastDone_ = 0;
        firstEpoch_ = p->epoch;
    }
    charts_->add(*p);
    if (p->epochEnd)
        lastEpoch_ = p->epoch;
    const qint64 now = clock_.elapsed();
    if (now - lastShown_ < 100 && !p->epochEnd)
        return; // labels and bars at most 10 times a second
    lastShown_ = now;
    epochBar_->setRange(0, p->epochs);
    epochBar_->setValue(p->epochEnd ? p->epoch : p->epoch - 1);
    batchBar_->setRange(0, int(std::max<int64_t>(1, p->batches)));
    batchBar_->setValue(int(p->batch));
    // The ETA of this network, then the estimate of those after it.
    std::vector<std::string> later;
    const auto at = std::find(parts_.begin(), parts_.end(), p->model);
    if (at != parts_.end())
        later.assign(at + 1, parts_.end());
    const double eta = p->etaSeconds + form_->estimateSeconds(later);
    const double elapsed = double(now) / 1000.0;
    const QString phase = p->phase == p->model ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(p->phase));
    rate_->setText(tr("%1%2: epoch %L3 of %L4, batch %L5 of %L6 · %L7 samples/s · elapsed %8 · ETA %9")
                       .arg(partTitle(p->model), phase)
                       .arg(p->epoch)
                       .arg(p->epochs)
                       .arg(p->batch)
                       .arg(p->batches)
                       .arg(elapsed > 0 ? samples_ / elapsed : 0.0, 0, 'f', 0)
                       .arg(clockText(elapsed), clockText(eta)));
}

void TrainView::onFinished(bool ok, const QString& error)
{
    charts_->redraw();
    const auto* r = job_->result().has_value() ? std::any_cast<TrainResult>(&job_->result()) : nullptr;
    const bool cancelled = r && r->cancelled;
    if (!ok)
        status_->setText(tr("Training %1 failed: %2").arg(model_, error));
    else if (cancelled)
        status_->setText(tr("Cancelled. The last checkpoint of %1 stands: Resume from checkpoint goes on from it.").arg(model_));
    else
        status_->setText(tr("Trained %1 on %n loop(s) in %2.", nullptr, int(r ? r->loops : 0))
                             .arg(model_, clockText(double(clock_.elapsed()) / 1000.0)));
    refreshResumable();
    updateButtons();
    Q_EMIT trainingFinished(model_, ok && !cancelled, cancelled, error);
}

} // namespace lm::ui
