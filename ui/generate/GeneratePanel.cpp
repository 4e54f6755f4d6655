#include "GeneratePanel.h"

#include "GenerationForm.h"

#include "core/base/DataPaths.h"
#include "core/library/LibraryDb.h"
#include "core/library/Models.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"
#include "ui/views/ScoreFormat.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lm::ui {

namespace {

// What the generation job gives back.
struct Generated {
    std::string library; // where the batch went
    int64_t batchId = 0;
    int64_t found = 0;
    int64_t drawn = 0;
    bool cancelled = false;
};

QString batchTitle(const GenerationBatch& b)
{
    int64_t kept = 0;
    for (const StoredGeneratedLoop& g : b.loops)
        kept += g.kept;
    return QCoreApplication::translate("GeneratePanel", "#%1 %2 · %3 · seed %4 · %L5 loops, %L6 kept")
        .arg(b.id)
        .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(b.createdAt), QLocale::ShortFormat))
        .arg(QString::fromStdString(b.modelName))
        .arg(qulonglong(b.settings.seed))
        .arg(b.loops.size())
        .arg(kept);
}

QString batchSettings(const GenerationBatch& b)
{
    const GenerationSettings& s = b.settings;
    const QString sampling = s.topK > 0 ? QStringLiteral("top-k %1").arg(s.topK) : QStringLiteral("top-p %L1").arg(s.topP);
    return QCoreApplication::translate("GeneratePanel", "Temperature %L1, %2, max score %3, seed %4, %L5 BPM: found %L6 of %L7 "
                                                        "asked in %L8 draws")
        .arg(s.temperature)
        .arg(sampling)
        .arg(formatScore(s.maxScore))
        .arg(qulonglong(s.seed))
        .arg(s.tempoBpm)
        .arg(b.loops.size())
        .arg(s.count)
        .arg(b.drawn);
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setTextAlignment(align);
    return item;
}

QPushButton* button(const QString& text, const char* name, const QString& toolTip, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolTip(toolTip);
    return b;
}

} // namespace

GeneratePanel::GeneratePanel(QWidget* parent) : QWidget(parent)
{
    form_ = new GenerationForm(this);
    model_ = new QLabel(this);
    model_->setObjectName(QStringLiteral("generateModel"));
    model_->setWordWrap(true);
    generate_ = new QPushButton(tr("&Generate"), this);
    generate_->setObjectName(QStringLiteral("generateButton"));
    generate_->setDefault(true);
    generate_->setToolTip(tr("Draw new loops from the active model with these settings"));
    cancel_ = new QPushButton(tr("Stop"), this);
    cancel_->setObjectName(QStringLiteral("generateStop"));
    cancel_->setToolTip(tr("Stop generating; the loops found so far stay in the list"));
    cancel_->setEnabled(false);
    status_ = new QLabel(tr("Press Generate to sample loops from the model."), this);
    status_->setObjectName(QStringLiteral("generateStatus"));
    status_->setWordWrap(true);
    history_ = new QComboBox(this);
    history_->setObjectName(QStringLiteral("generateHistory"));
    history_->setToolTip(tr("Earlier batches stay here until discarded"));
    history_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    history_->setMinimumContentsLength(12);
    reuse_ = new QPushButton(tr("Reuse settings"), this);
    reuse_->setObjectName(QStringLiteral("generateReuse"));
    reuse_->setToolTip(tr("Put this batch's settings and seed in the form, to make it again"));
    batchInfo_ = new QLabel(this);
    batchInfo_->setObjectName(QStringLiteral("generateBatchInfo"));
    batchInfo_->setWordWrap(true);
    results_ = new QTableWidget(0, ColumnCount, this);
    results_->setObjectName(QStringLiteral("generateResults"));
    results_->setHorizontalHeaderLabels({tr("#"), tr("Loop score"), tr("Note density"), tr("Unique pitch"), tr("State")});
    results_->setSelectionBehavior(QAbstractItemView::SelectRows);
    results_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    results_->verticalHeader()->hide();
    results_->horizontalHeader()->setStretchLastSection(true);
    results_->setAlternatingRowColors(true);
    keep_ = button(tr("&Keep"), "generateKeep", tr("Add the selected loops to the library as generated loops"), this);
    keepAll_ = button(tr("Keep all"), "generateKeepAll", tr("Add every loop of this batch to the library as generated loops"), this);
    discard_ = button(tr("&Discard"), "generateDiscard", tr("Drop the selected loops that were not kept"), this);
    discardBatch_ = button(tr("Discard batch"), "generateDiscardBatch",
                           tr("Drop the batch's loops that were not kept and take it out of the history"), this);

    auto* run = new QHBoxLayout;
    run->addWidget(generate_);
    run->addWidget(cancel_);
    run->addStretch(1);
    auto* batchRow = new QHBoxLayout;
    batchRow->addWidget(new QLabel(tr("Batch"), this));
    batchRow->addWidget(history_, 1);
    batchRow->addWidget(reuse_);
    auto* actions = new QHBoxLayout;
    for (QPushButton* b : {keep_, keepAll_, discard_, discardBatch_})
        actions->addWidget(b);
    actions->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(form_);
    layout->addWidget(model_);
    layout->addLayout(run);
    layout->addWidget(status_);
    layout->addLayout(batchRow);
    layout->addWidget(batchInfo_);
    layout->addWidget(results_, 1);
    layout->addLayout(actions);

    job_ = new JobRunner(tr("Generating loops"), this);
    connect(generate_, &QPushButton::clicked, this, &GeneratePanel::generate);
    connect(cancel_, &QPushButton::clicked, job_, &JobRunner::cancel);
    connect(job_, &JobRunner::progress, this, [this](double, qint64, qint64, const QString& message) { say(message); });
    connect(job_, &JobRunner::finished, this, &GeneratePanel::onFinished);
    connect(history_, &QComboBox::currentIndexChanged, this, &GeneratePanel::showBatch);
    connect(reuse_, &QPushButton::clicked, this, [this] {
        if (const GenerationBatch* b = shownBatch())
            form_->showSettings(b->settings);
    });
    connect(results_, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        const QList<QTableWidgetItem*> items = results_->selectedItems();
        if (items.isEmpty())
            return;
        const int row = results_->currentRow() >= 0 && results_->item(results_->currentRow(), Number)->isSelected()
                            ? results_->currentRow()
                            : items.first()->row();
        Q_EMIT loopSelected(LoopId{LoopId::Source::Generated, results_->item(row, Number)->data(Qt::UserRole).toLongLong()});
    });
    connect(keep_, &QPushButton::clicked, this, [this] { keepLoops(false); });
    connect(keepAll_, &QPushButton::clicked, this, [this] { keepLoops(true); });
    connect(discard_, &QPushButton::clicked, this, &GeneratePanel::discardLoops);
    connect(discardBatch_, &QPushButton::clicked, this, &GeneratePanel::dropBatch);
    if (!models().available()) {
        generate_->setEnabled(false);
        generate_->setToolTip(tr("No models in this build: %1").arg(QString::fromStdString(models().reason())));
    }
    updateButtons();
}

GeneratePanel::~GeneratePanel() = default;

void GeneratePanel::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session, &LibrarySession::opened, this, [this] { reloadHistory(); });
    connect(session, &LibrarySession::scoresChanged, this, // after another model is activated
            [this] { form_->setBaselineAvailable(QFileInfo::exists(modelDir() + QStringLiteral("/cnnvae.lmm"))); });
    reloadHistory();
}

QString GeneratePanel::modelDir() const
{
    const QString dir = session_ ? session_->modelDir() : QString();
    return dir.isEmpty() ? QString::fromStdString(defaultModelDir()) : dir;
}

void GeneratePanel::say(const QString& text) { status_->setText(text); }

bool GeneratePanel::generate()
{
    if (!models().available()) {
        say(QString::fromStdString(models().reason()));
        return false;
    }
    LibraryDb* db = session_ ? session_->db() : nullptr;
    if (!db) {
        say(tr("Open a library first: generated loops are kept there."));
        return false;
    }
    if (job_->running())
        return false;
    const GenerationSettings s = form_->next();
    const std::string dir = modelDir().toStdString();
    const std::string lib = db->path();
    const bool baseline = form_->baseline(); // the model's CNN-VAE instead of its VQ-VAE and prior
    const bool started = job_->start([lib, dir, s, baseline](JobContext& job) -> JobOutcome {
        auto out = baseline ? models().generateBaseline(dir, s, job) : models().generate(dir, s, job);
        if (!out)
            return {QString::fromStdString(out.error().toString()), {}};
        // The job's own connection: the GUI thread never waits on the write.
        auto opened = LibraryDb::open(lib, LibraryOpen::MustExist);
        if (!opened)
            return {QString::fromStdString(opened.error().toString()), {}};
        GenerationBatch batch;
        batch.modelName = modelNameOfDir(dir) + (baseline ? " (CNN-VAE)" : "");
        batch.modelDir = dir;
        batch.settings = s;
        batch.drawn = out->drawn;
        for (const GeneratedLoop& l : out->loops) {
            StoredGeneratedLoop g;
            g.loop = l;
            batch.loops.push_back(std::move(g));
        }
        // Stopped early: what was found is kept pending too (a result the user may still want).
        auto added = (*opened)->addGenerationBatch(std::move(batch), false, true);
        if (!added)
            return {QString::fromStdString(added.error().toString()), {}};
        return {QString(), Generated{lib, added->id, int64_t(out->loops.size()), out->drawn, out->cancelled}};
    });
    if (started) {
        generate_->setEnabled(false);
        cancel_->setEnabled(true);
        say(tr("Loading %1…").arg(QString::fromStdString(modelNameOfDir(dir))));
    }
    return started;
}

void GeneratePanel::onFinished(bool ok, const QString& error)
{
    generate_->setEnabled(models().available());
    cancel_->setEnabled(false);
    if (!ok) {
        say(tr("Generation failed: %1").arg(error));
        Q_EMIT generationFinished(error.isEmpty() ? tr("failed") : error);
        return;
    }
    const auto g = std::any_cast<Generated>(job_->result());
    say((g.cancelled ? tr("Stopped: kept %L1 of %L2 drawn") : tr("Kept %L1 of %L2 drawn")).arg(g.found).arg(g.drawn));
    if (!session_ || !session_->db() || session_->db()->path() != g.library) { // another library was opened meanwhile
        say(tr("Kept %L1 of %L2 drawn, in %3 (open it to see them)").arg(g.found).arg(g.drawn).arg(QString::fromStdString(g.library)));
        Q_EMIT generationFinished(QString());
        return;
    }
    reloadHistory(g.batchId);
    if (results_->rowCount() > 0)
        results_->selectRow(0);
    Q_EMIT generationFinished(QString());
}

void GeneratePanel::reloadHistory(int64_t batchId)
{
    if (batchId == 0 && shownBatch())
        batchId = shownBatch()->id;
    LibraryDb* db = session_ ? session_->db() : nullptr;
    batches_ = db ? db->generationHistory() : std::vector<GenerationBatch>{};
    int select = batches_.empty() ? -1 : 0;
    for (size_t i = 0; i < batches_.size(); ++i)
        if (batches_[i].id == batchId)
            select = int(i);
    const QSignalBlocker block(history_);
    history_->clear();
    for (const GenerationBatch& b : batches_)
        history_->addItem(batchTitle(b), qlonglong(b.id));
    history_->setCurrentIndex(select);
    showBatch(select);
    model_->setText(tr("Model: %1").arg(QString::fromStdString(modelNameOfDir(modelDir().toStdString()))));
    model_->setToolTip(QDir::toNativeSeparators(modelDir()));
    form_->setBaselineAvailable(QFileInfo::exists(modelDir() + QStringLiteral("/cnnvae.lmm")));
}

const GenerationBatch* GeneratePanel::shownBatch() const
{
    const int i = history_->currentIndex();
    return i >= 0 && i < int(batches_.size()) ? &batches_[size_t(i)] : nullptr;
}

void GeneratePanel::showBatch(int index)
{
    const QSignalBlocker block(results_);
    results_->clearContents();
    results_->setRowCount(0);
    const GenerationBatch* b = index >= 0 && index < int(batches_.size()) ? &batches_[size_t(index)] : nullptr;
    batchInfo_->setText(b ? batchSettings(*b) : tr("No batches yet: generated loops are listed here until kept or discarded."));
    if (b) {
        results_->setRowCount(int(b->loops.size()));
        for (int r = 0; r < int(b->loops.size()); ++r) {
            const StoredGeneratedLoop& g = b->loops[size_t(r)];
            QTableWidgetItem* number = cell(QString::number(g.position + 1));
            number->setData(Qt::UserRole, qlonglong(g.id));
            number->setToolTip(QString::fromStdString(g.loopId().text()));
            results_->setItem(r, Number, number);
            results_->setItem(r, Score, cell(formatScore(g.loop.loopScore)));
            results_->setItem(r, NoteDensity, cell(formatNumber(g.loop.noteDensity, 2)));
            results_->setItem(r, UniquePitch, cell(formatNumber(g.loop.uniquePitch, 2)));
            results_->setItem(r, State, cell(g.kept ? tr("kept") : tr("pending"), Qt::AlignLeft | Qt::AlignVCenter));
        }
        results_->resizeColumnsToContents();
    }
    updateButtons();
    Q_EMIT batchShown();
}

std::vector<LoopId> GeneratePanel::selectedLoops() const
{
    std::vector<LoopId> out;
    for (int r = 0; r < results_->rowCount(); ++r)
        if (results_->item(r, Number) && results_->item(r, Number)->isSelected())
            out.push_back(LoopId{LoopId::Source::Generated, results_->item(r, Number)->data(Qt::UserRole).toLongLong()});
    return out;
}

void GeneratePanel::updateButtons()
{
    const GenerationBatch* b = shownBatch();
    const bool any = !selectedLoops().empty();
    keep_->setEnabled(any);
    discard_->setEnabled(any);
    keepAll_->setEnabled(b && !b->loops.empty());
    discardBatch_->setEnabled(b != nullptr);
    reuse_->setEnabled(b != nullptr);
}

void GeneratePanel::keepLoops(bool all)
{
    const GenerationBatch* b = shownBatch();
    if (!b || !session_ || !session_->db())
        return;
    std::vector<int64_t> ids;
    if (all)
        for (const StoredGeneratedLoop& g : b->loops)
            ids.push_back(g.id);
    else
        for (const LoopId& id : selectedLoops())
            ids.push_back(id.id);
    auto kept = session_->db()->keepGenerated(ids);
    if (!kept) {
        say(tr("Cannot keep the loops: %1").arg(QString::fromStdString(kept.error().toString())));
        return;
    }
    say(tr("Kept %n loop(s) in the library", nullptr, int(*kept)));
    reloadHistory();
    Q_EMIT libraryLoopsChanged();
}

void GeneratePanel::discardLoops()
{
    std::vector<int64_t> ids;
    for (const LoopId& id : selectedLoops())
        ids.push_back(id.id);
    if (ids.empty() || !session_ || !session_->db())
        return;
    auto dropped = session_->db()->discardGenerated(ids);
    if (!dropped) {
        say(tr("Cannot discard the loops: %1").arg(QString::fromStdString(dropped.error().toString())));
        return;
    }
    say(int64_t(ids.size()) > *dropped ? tr("Discarded %L1; kept loops stay in the library").arg(*dropped)
                                       : tr("Discarded %n loop(s)", nullptr, int(*dropped)));
    reloadHistory();
}

void GeneratePanel::dropBatch()
{
    const GenerationBatch* b = shownBatch();
    if (!b || !session_ || !session_->db())
        return;
    const int64_t id = b->id;
    if (auto r = session_->db()->discardBatch(id); !r) {
        say(tr("Cannot discard the batch: %1").arg(QString::fromStdString(r.error().toString())));
        return;
    }
    say(tr("Discarded batch #%1").arg(id));
    reloadHistory(-1);
}

} // namespace lm::ui
