// The Explore tab in the main window: it follows the loop chosen in the Loops
// and Generate panels; a similar loop chosen there shows in the piece view
// (and plays, when activated); a step of an interpolation plays through the
// window's Transport until another loop is shown.
#include "ui/MainWindow.h"

#include "ui/LoopsPanel.h"
#include "ui/LibrarySession.h"
#include "ui/audition/Audition.h"
#include "ui/audition/Transport.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/jobs/JobRunner.h"
#include "ui/jobs/JobsBar.h"
#include "ui/latent/GenerationNovelty.h"
#include "ui/latent/LatentPanel.h"
#include "ui/latent/MapPanel.h"
#include "ui/views/PieceView.h"

#include "core/library/LoopRolls.h"

#include <QTabWidget>
#include <memory>

namespace lm::ui {

void MainWindow::buildLatent()
{
    latent_ = new LatentPanel(this);
    latent_->setObjectName(QStringLiteral("latentPanel"));
    latent_->setSession(session_);
    tabs_->addTab(latent_, tr("Explore"));
    jobs_->watch(latent_->similarJob());
    jobs_->watch(latent_->interpolateJob());
    connect(loops_, &LoopsPanel::loopIdChosen, latent_, &LatentPanel::setCurrentLoop);
    connect(generate_, &GeneratePanel::loopSelected, latent_, &LatentPanel::setCurrentLoop);
    connect(latent_, &LatentPanel::libraryLoopsChanged, loops_, &LoopsPanel::reload);
    auto* novelty = new GenerationNovelty(generate_, session_, generate_);
    novelty->setObjectName(QStringLiteral("generationNovelty"));
    jobs_->watch(novelty->job());
    auto show = [this](const LoopId& id) {
        if (id.source == LoopId::Source::Generated) {
            piece_->showGeneratedLoop(id);
        } else if (session_->db()) {
            if (auto info = loopInfo(*session_->db(), id))
                piece_->showWindowOf(QString::fromStdString(info->path), int(info->startBar));
        }
    };
    auto playWhenShown = std::make_shared<bool>(false);
    connect(latent_, &LatentPanel::loopSelected, this, show);
    auto activate = [show, playWhenShown](const LoopId& id) {
        *playWhenShown = true;
        show(id);
    };
    connect(latent_, &LatentPanel::loopActivated, this, activate);
    // The library map: a click plays the loop, a lasso filters the Loops panel.
    map_ = new MapPanel(this);
    map_->setObjectName(QStringLiteral("mapPanel"));
    map_->setSession(session_);
    tabs_->addTab(map_, tr("Map"));
    jobs_->watch(map_->job());
    connect(map_, &MapPanel::loopActivated, this, activate);
    connect(map_, &MapPanel::selectionChanged, loops_, [this](const std::vector<LoopId>& ids) {
        loops_->setOnlyLoops(ids.empty() ? std::nullopt : std::optional<std::vector<LoopId>>(ids));
    });
    connect(piece_, &PieceView::shownLoopChanged, this, [this, playWhenShown] {
        // The piece view's loop is what plays now (its own wiring switched to it unless a step played).
        const bool stepPlayed = !latent_->auditionSteps().empty();
        latent_->releaseAudition();
        if (stepPlayed)
            audition_->sourceChanged();
        if (*playWhenShown && !audition_->playing())
            audition_->play();
        *playWhenShown = false;
    });
    connect(latent_, &LatentPanel::stepAuditionRequested, this, [this] {
        transport_->setSourceTempo(120); // decoded steps have no tempo of their own
        if (audition_->playing())
            audition_->sourceChanged();
        else
            audition_->play();
    });
}

} // namespace lm::ui
