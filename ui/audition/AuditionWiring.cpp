// The audition in the main window: the transport as a tool bar, Space to play
// and stop, the piece view as the source, the playhead on the roll and the strip.
#include "ui/MainWindow.h"

#include "ui/audition/Audition.h"
#include "ui/audition/Transport.h"
#include "ui/latent/LatentPanel.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"

#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>

namespace lm::ui {

void MainWindow::buildTransport()
{
    audition_ = new Audition(this);
    audition_->setSource([this] {
        if (latent_) // a step of the Explore tab's interpolation, while it is auditioned
            if (std::vector<uint64_t> steps = latent_->auditionSteps(); !steps.empty())
                return Audition::Loop{steps, 120, std::nullopt};
        const PieceView::ShownLoop shown = piece_->shownLoop();
        Audition::Loop loop{shown.steps, shown.bpm, std::nullopt};
        loop.keys = shown.keys;
        loop.keysProgram = shown.keysProgram;
        const auto grid = piece_->audioGrid(); // an audio piece's window plays as sound
        if (grid && !piece_->generatedLoopShown() && piece_->selectedWindow() >= 0)
            loop.audio = AudioAudition::Bars{piece_->currentFile(), grid->first, grid->second, piece_->selectedWindow()};
        return loop;
    });
    transport_ = new Transport(audition_, this);
    QToolBar* bar = addToolBar(tr("Transport"));
    bar->setObjectName(QStringLiteral("transportBar"));
    bar->setMovable(false);
    bar->addWidget(transport_);
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    space->setObjectName(QStringLiteral("playShortcut"));
    space->setWhatsThis(tr("Play or stop the loop shown")); // its line in Help > Keyboard Shortcuts
    connect(space, &QShortcut::activated, audition_, &Audition::toggle);
    connect(piece_, &PieceView::shownLoopChanged, this, [this] {
        transport_->setSourceTempo(piece_->shownLoop().bpm);
        audition_->sourceChanged();
    });
    connect(audition_, &Audition::playheadMoved, piece_->rollView(), &PianoRollView::setPlayhead);
    connect(audition_, &Audition::playheadMoved, piece_->ssmView(), &SsmView::setPlayhead);
    connect(audition_, &Audition::message, this, [this](const QString& text) { statusBar()->showMessage(text, 15000); });
}

} // namespace lm::ui
