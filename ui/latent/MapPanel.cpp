#include "MapPanel.h"

#include "MapView.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"
#include "ui/views/ScoreFormat.h"

#include "core/base/DataPaths.h"
#include "core/library/LatentModels.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryMap.h"
#include "core/library/LoopRolls.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lm::ui {

MapPanel::MapPanel(QWidget* parent) : QWidget(parent)
{
    job_ = new JobRunner(tr("Library map"), this);
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("mapMethod"));
    method_->setToolTip(tr("How the loops are laid out: PCA is quick; t-SNE keeps neighbours together but takes longer"));
    method_->addItem(tr("PCA (fast)"), QStringLiteral("pca"));
    method_->addItem(tr("t-SNE (neighbours)"), QStringLiteral("tsne"));
    colour_ = new QComboBox(this);
    colour_->setObjectName(QStringLiteral("mapColour"));
    colour_->setToolTip(tr("What the dots' colour shows"));
    colour_->addItem(tr("Colour: source"), int(MapView::Colour::Source));
    colour_->addItem(tr("Colour: loop score"), int(MapView::Colour::Score));
    colour_->addItem(tr("Colour: note density"), int(MapView::Colour::Density));
    colour_->addItem(tr("Colour: tempo"), int(MapView::Colour::Tempo));
    build_ = new QPushButton(tr("Build map"), this);
    build_->setObjectName(QStringLiteral("buildMap"));
    build_->setToolTip(tr("Place every loop of the library as a dot, similar loops close together (the active model's latent space)"));
    status_ = new QLabel(tr("Hover a dot to see its loop, click to play it, drag a lasso to filter the Loops tab "
                            "(Escape clears it)."), this);
    status_->setObjectName(QStringLiteral("mapStatus"));
    status_->setWordWrap(true);
    view_ = new MapView(this);
    view_->setObjectName(QStringLiteral("mapView"));
    auto* top = new QHBoxLayout;
    top->addWidget(method_);
    top->addWidget(colour_);
    top->addWidget(build_);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(status_);
    connect(build_, &QPushButton::clicked, this, [this] { build(); });
    connect(colour_, &QComboBox::currentIndexChanged, this,
            [this] { view_->setColour(MapView::Colour(colour_->currentData().toInt())); });
    connect(job_, &JobRunner::finished, this, &MapPanel::onBuilt);
    connect(view_, &MapView::loopActivated, this, &MapPanel::loopActivated);
    connect(view_, &MapView::selectionChanged, this, &MapPanel::selectionChanged);
    view_->setRollSource([this](const LoopId& id) -> std::vector<uint64_t> {
        if (!session_ || !session_->db())
            return {};
        auto r = loopRoll(*session_->db(), id); // one small file, read once (the view caches it)
        return r ? r->steps : std::vector<uint64_t>{};
    });
}

MapPanel::~MapPanel() = default;

void MapPanel::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session_, &LibrarySession::opened, this, [this] { view_->setDots({}); });
}

bool MapPanel::build()
{
    if (!latentModels().available() || !session_ || !session_->db()) {
        status_->setText(!latentModels().available() ? tr("This build has no models") : tr("Open a library first"));
        return false;
    }
    const QString dirSetting = session_->modelDir();
    const std::string dir = dirSetting.isEmpty() ? defaultModelDir() : dirSetting.toStdString();
    const std::string lib = session_->db()->path();
    const MapMethod method = method_->currentData().toString() == QLatin1String("tsne") ? MapMethod::Tsne : MapMethod::Pca;
    const bool started = job_->start([lib, dir, method](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib, LibraryOpen::MustExist);
        if (!db)
            return {QString::fromStdString(db.error().toString()), {}};
        auto m = buildLibraryMap(**db, dir, method, &job, 300);
        if (!m)
            return {QString::fromStdString(m.error().toString()), {}};
        if (job.cancelled())
            return {tr("cancelled"), {}};
        return {{}, *m};
    });
    if (started) {
        build_->setEnabled(false);
        status_->setText(tr("Laying out the library…"));
    }
    return started;
}

void MapPanel::onBuilt(bool ok, const QString& error)
{
    build_->setEnabled(true);
    if (!ok) {
        status_->setText(tr("No map: %1").arg(error));
        Q_EMIT built(error);
        return;
    }
    const auto& m = std::any_cast<const LibraryMap&>(job_->result());
    std::vector<MapView::Dot> dots;
    for (const MapPoint& p : m.points) {
        MapView::Dot d{p.id, p.x, p.y, p.generated, p.loopScore, p.noteDensity, p.tempoBpm, {}};
        d.label = p.generated ? tr("generated") : tr("%1 bar %2").arg(QFileInfo(QString::fromStdString(p.file)).fileName()).arg(p.startBar + 1);
        dots.push_back(std::move(d));
    }
    view_->setDots(std::move(dots));
    status_->setText(tr("%L1 loops, %2 in %L3 s; 10-NN trustworthiness %4. Hover a dot to see its loop, click to play it, "
                        "drag a lasso to filter the Loops tab (Escape clears it).")
                         .arg(m.points.size())
                         .arg(m.method == MapMethod::Tsne ? tr("t-SNE") : tr("PCA"))
                         .arg(m.seconds, 0, 'f', 2)
                         .arg(m.trust ? formatNumber(*m.trust, 3) : tr("n/a")));
    Q_EMIT built(QString());
}

} // namespace lm::ui
