#include "MatrixChoice.h"

#include "BarScoreLane.h"
#include "PieceText.h"
#include "SsmView.h"

#include <QHBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace lm::ui {

void MatrixChoice::tintReason()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    reason_->setStyleSheet(dark ? QStringLiteral("color: #ffa060") : QStringLiteral("color: #b04a00"));
}

void MatrixChoice::changeEvent(QEvent* e)
{
    QWidget::changeEvent(e);
    if (e->type() == QEvent::PaletteChange)
        tintReason();
}

MatrixChoice::MatrixChoice(SsmView* ssm, QWidget* parent) : QWidget(parent), ssm_(ssm)
{
    lane_ = new BarScoreLane(ssm);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("matrixTitle"));
    title_->setWordWrap(true);
    reason_ = new QLabel(this);
    reason_->setObjectName(QStringLiteral("matrixReason"));
    reason_->setWordWrap(true);
    tintReason();
    toggle_ = new QToolButton(this);
    toggle_->setObjectName(QStringLiteral("allPartsToggle"));
    toggle_->setText(tr("All parts"));
    toggle_->setCheckable(true);
    toggle_->setToolTip(tr("Show the matrix of every part of the file instead of the drum and bass roll "
                           "that windows and loop scores use"));
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(title_, 1);
    row->addWidget(toggle_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(reason_);
    connect(toggle_, &QToolButton::toggled, this, &MatrixChoice::toggled);
    clear();
}

void MatrixChoice::clear()
{
    d_.reset();
    allParts_ = false;
    title_->clear();
    title_->setVisible(false);
    reason_->setVisible(false);
    toggle_->setVisible(false);
    lane_->clear();
}

void MatrixChoice::showPiece(std::shared_ptr<const PieceDisplay> d)
{
    d_ = std::move(d);
    const PieceDisplay& p = *d_;
    const bool method = p.shownBars > 0;
    const bool all = !p.audio && p.allParts.shownBars > 0;
    const bool usable = p.audio || (p.midi && p.midi->usable);
    allParts_ = all && (!method || !usable || preferAllParts_);
    toggle_->setVisible(method && all);
    {
        const QSignalBlocker block(toggle_);
        toggle_->setChecked(allParts_);
    }
    draw();
}

void MatrixChoice::toggled(bool allParts)
{
    if (!d_)
        return;
    if (d_->midi && d_->midi->usable)
        preferAllParts_ = allParts;
    allParts_ = allParts;
    const int selected = ssm_->selectedWindow();
    draw();
    if (selected >= 0 && selected < ssm_->bars())
        ssm_->setSelectedWindow(selected);
}

void MatrixChoice::draw()
{
    const PieceDisplay& p = *d_;
    const int bars = int(allParts_ ? p.allParts.shownBars : p.shownBars);
    ssm_->setMatrix(allParts_ ? p.allParts.matrix : p.matrix, bars);
    ssm_->setEmptyBars(allParts_ ? p.allParts.emptyBars : p.emptyBars);
    ssm_->setEmptyText(PieceText::empty(p));
    const bool shown = bars > 0;
    title_->setText(PieceText::matrixTitle(p, allParts_));
    title_->setVisible(shown);
    const QString why = PieceText::matrixReason(p, allParts_);
    reason_->setText(why);
    reason_->setVisible(shown && !why.isEmpty()); // with no matrix, the view's own text says why
    lane_->setScores(barScores(p.windows, p.scores, bars), p.windows, p.threshold, bars);
    Q_EMIT matrixShown(allParts_);
}

} // namespace lm::ui
