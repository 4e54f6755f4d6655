#include "GenerationNovelty.h"

#include "ui/LibrarySession.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/jobs/JobRunner.h"

#include "core/base/DataPaths.h"
#include "core/library/LibraryDb.h"
#include "core/library/Novelty.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QTableWidget>

namespace lm::ui {

namespace {

struct Measured {
    std::string key;
    std::shared_ptr<const NoveltyReference> reference;
    std::map<int64_t, Novelty> byLoop; // generated loop id -> its novelty
};

} // namespace

// Core's novelty names, in the window's language.
QString noveltyText(NoveltyKind kind)
{
    switch (kind) {
    case NoveltyKind::Copy: return GenerationNovelty::tr("copy");
    case NoveltyKind::NearCopy: return GenerationNovelty::tr("near copy");
    case NoveltyKind::New: break;
    }
    return GenerationNovelty::tr("new");
}

int GenerationNovelty::column() { return GeneratePanel::ColumnCount; }

GenerationNovelty::GenerationNovelty(GeneratePanel* panel, LibrarySession* session, QObject* parent)
    : QObject(parent), panel_(panel), session_(session)
{
    job_ = new JobRunner(tr("Novelty of generated loops"), this);
    auto* bar = new QWidget(panel);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(bar);
    summary_->setObjectName(QStringLiteral("noveltySummary"));
    summary_->setWordWrap(true);
    hide_ = new QCheckBox(tr("Hide copies"), bar);
    hide_->setObjectName(QStringLiteral("hideCopies"));
    hide_->setToolTip(tr("Hide the loops that are exact or near copies of a training loop "
                         "(at most 10 % of their cells differ)"));
    row->addWidget(summary_, 1);
    row->addWidget(hide_);
    panel->layout()->addWidget(bar);
    QTableWidget* t = panel->results();
    t->setColumnCount(column() + 1);
    t->setHorizontalHeaderItem(column(), new QTableWidgetItem(tr("Novelty")));
    t->horizontalHeaderItem(column())->setToolTip(tr("The nearest training loop: new, near copy or copy, "
                                                     "and the share of cells that differ from it"));
    connect(panel, &GeneratePanel::batchShown, this, &GenerationNovelty::start);
    connect(hide_, &QCheckBox::toggled, this, &GenerationNovelty::applyFilter);
    connect(job_, &JobRunner::finished, this, &GenerationNovelty::onFinished);
    auto forget = [this] { reference_.reset(); referenceKey_.clear(); };
    connect(session, &LibrarySession::opened, this, forget);
    connect(session, &LibrarySession::contentChanged, this, forget);
    connect(session, &LibrarySession::scoresChanged, this, forget);
}

GenerationNovelty::~GenerationNovelty() = default;

void GenerationNovelty::start()
{
    const GenerationBatch* b = panel_->shownBatch();
    summary_->clear();
    if (!b || b->loops.empty() || !session_->db() || !latentModels().available())
        return;
    if (job_->running()) { // a later batch: measure it when this one is done
        again_ = true;
        return;
    }
    const QString dirSetting = session_->modelDir();
    const std::string dir = dirSetting.isEmpty() ? defaultModelDir() : dirSetting.toStdString();
    const std::string lib = session_->db()->path();
    const std::string key = lib + "\n" + dir + "\n" + latentStamp(dir);
    std::shared_ptr<const NoveltyReference> cached = key == referenceKey_ ? reference_ : nullptr;
    std::vector<std::pair<int64_t, std::vector<uint64_t>>> loops;
    for (const StoredGeneratedLoop& g : b->loops)
        loops.emplace_back(g.id, g.loop.roll);
    summary_->setText(tr("Comparing with the training loops…"));
    job_->start([lib, dir, key, cached, loops](JobContext& job) -> JobOutcome {
        Measured out{key, cached, {}};
        if (!out.reference) {
            auto db = LibraryDb::open(lib, LibraryOpen::MustExist);
            if (!db)
                return {QString::fromStdString(db.error().toString()), {}};
            auto ref = trainingReference(**db, dir, &job);
            if (!ref)
                return {QString::fromStdString(ref.error().toString()), {}};
            out.reference = *ref;
        }
        std::vector<std::vector<uint64_t>> rolls;
        for (const auto& l : loops)
            rolls.push_back(l.second);
        auto codes = latentModels().encode(dir, rolls, &job);
        if (!codes)
            return {QString::fromStdString(codes.error().toString()), {}};
        for (size_t i = 0; i < loops.size(); ++i)
            out.byLoop[loops[i].first] = out.reference->measure(rolls[i], codes->codes.data() + i * kLoopCodes);
        return {{}, out};
    });
}

void GenerationNovelty::onFinished(bool ok, const QString& error)
{
    if (again_) {
        again_ = false;
        start();
        return;
    }
    if (!ok) {
        summary_->setText(tr("Novelty not measured: %1").arg(error));
        Q_EMIT measured(error);
        return;
    }
    const auto& m = std::any_cast<const Measured&>(job_->result());
    reference_ = m.reference;
    referenceKey_ = m.key;
    QTableWidget* t = panel_->results();
    std::vector<Novelty> shown;
    for (int r = 0; r < t->rowCount(); ++r) {
        QTableWidgetItem* number = t->item(r, GeneratePanel::Number);
        const auto it = number ? m.byLoop.find(number->data(Qt::UserRole).toLongLong()) : m.byLoop.end();
        if (it == m.byLoop.end())
            continue;
        const Novelty& n = it->second;
        shown.push_back(n);
        auto* item = new QTableWidgetItem(tr("%1 (%L2 %)").arg(noveltyText(n.kind)).arg(100 * n.jaccard, 0, 'f', 1));
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        item->setData(Qt::UserRole, int(n.kind));
        item->setToolTip(tr("Nearest training loop by cells: %L1 cells differ (%L2 % of those either has on); "
                            "latent distance to the nearest training loop %L3")
                             .arg(n.cells).arg(100 * n.jaccard, 0, 'f', 1).arg(n.latent, 0, 'f', 3));
        t->setItem(r, column(), item);
    }
    const NoveltySummary s = summarise(shown);
    summary_->setText(tr("Of %L1 loops: %L2 new, %L3 near copies, %L4 copies of the library's %L5 training loops")
                          .arg(s.loops).arg(s.loops - s.copies - s.nearCopies).arg(s.nearCopies).arg(s.copies)
                          .arg(m.reference->size()));
    applyFilter();
    Q_EMIT measured(QString());
}

void GenerationNovelty::applyFilter()
{
    QTableWidget* t = panel_->results();
    for (int r = 0; r < t->rowCount(); ++r) {
        const QTableWidgetItem* item = t->item(r, column());
        const bool copy = item && item->data(Qt::UserRole).toInt() != int(NoveltyKind::New);
        t->setRowHidden(r, hide_->isChecked() && copy);
    }
}

} // namespace lm::ui
