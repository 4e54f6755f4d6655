#include "TempoOctaveButtons.h"

#include <QHBoxLayout>
#include <QToolButton>

namespace lm::ui {

TempoOctaveButtons::TempoOctaveButtons(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tempoOctaveButtons"));
    half_ = new QToolButton(this);
    half_->setObjectName(QStringLiteral("halfTempoButton"));
    half_->setText(tr("½ ×"));
    half_->setToolTip(tr("Half this audio piece's tempo (bars twice as long)"));
    double_ = new QToolButton(this);
    double_->setObjectName(QStringLiteral("doubleTempoButton"));
    double_->setText(tr("2 ×"));
    double_->setToolTip(tr("Double this audio piece's tempo (bars half as long)"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    row->addWidget(half_);
    row->addWidget(double_);
    connect(half_, &QToolButton::clicked, this, [this] { Q_EMIT scaleRequested(0.5); });
    connect(double_, &QToolButton::clicked, this, [this] { Q_EMIT scaleRequested(2.0); });
}

} // namespace lm::ui
