#include "TempoDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>

namespace lm::ui {

TempoDialog::TempoDialog(const QString& fileName, double bpm, double downbeat, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("tempoDialog"));
    setWindowTitle(tr("Tempo of %1").arg(fileName));
    bpm_ = new QDoubleSpinBox(this);
    bpm_->setObjectName(QStringLiteral("bpm"));
    bpm_->setRange(20, 400);
    bpm_->setDecimals(2);
    bpm_->setSuffix(tr(" BPM"));
    bpm_->setValue(bpm > 0 ? bpm : 120);
    bpm_->setToolTip(tr("The piece's tempo in beats per minute (20 to 400); bars are four beats"));
    downbeat_ = new QDoubleSpinBox(this);
    downbeat_->setObjectName(QStringLiteral("downbeat"));
    downbeat_->setRange(0, 36000);
    downbeat_->setDecimals(3);
    downbeat_->setSingleStep(0.01);
    downbeat_->setSuffix(tr(" s"));
    downbeat_->setValue(downbeat);
    downbeat_->setToolTip(tr("Where the first bar starts, in seconds from the start of the file (a pickup lies before it)"));
    estimate_ = new QCheckBox(tr("Use the estimate again"), this);
    estimate_->setObjectName(QStringLiteral("useEstimate"));
    estimate_->setToolTip(tr("Forget the tempo and downbeat set here and go back to what loopminer estimated"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    // One click for the other metrical level: the tracker's usual mistake is an octave.
    half_ = new QPushButton(tr("½ ×"), this);
    half_->setObjectName(QStringLiteral("halfTempo"));
    half_->setToolTip(tr("Half the tempo (bars twice as long)"));
    double_ = new QPushButton(tr("2 ×"), this);
    double_->setObjectName(QStringLiteral("doubleTempo"));
    double_->setToolTip(tr("Double the tempo (bars half as long)"));
    auto* tempoRow = new QHBoxLayout;
    tempoRow->addWidget(bpm_, 1);
    tempoRow->addWidget(half_);
    tempoRow->addWidget(double_);
    form->addRow(tr("Tempo:"), tempoRow);
    form->addRow(tr("First downbeat:"), downbeat_);
    form->addRow(estimate_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(estimate_, &QCheckBox::toggled, bpm_, &QWidget::setDisabled);
    connect(estimate_, &QCheckBox::toggled, downbeat_, &QWidget::setDisabled);
    connect(estimate_, &QCheckBox::toggled, half_, &QWidget::setDisabled);
    connect(estimate_, &QCheckBox::toggled, double_, &QWidget::setDisabled);
    connect(half_, &QPushButton::clicked, this, [this] { bpm_->setValue(bpm_->value() / 2); });
    connect(double_, &QPushButton::clicked, this, [this] { bpm_->setValue(bpm_->value() * 2); });
}

bool TempoDialog::useEstimate() const { return estimate_->isChecked(); }
double TempoDialog::bpm() const { return bpm_->value(); }
double TempoDialog::downbeat() const { return downbeat_->value(); }

} // namespace lm::ui
