#include "LoopFilters.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

namespace lm::ui {

LoopFilters::LoopFilters(QWidget* parent) : QWidget(parent)
{
    starred_ = new QToolButton(this);
    starred_->setObjectName(QStringLiteral("starredOnly"));
    starred_->setText(tr("★ only"));
    starred_->setCheckable(true);
    starred_->setToolTip(tr("Only your favourite loops (star a loop with a click on its star or Ctrl+D)"));
    tag_ = new QComboBox(this);
    tag_->setObjectName(QStringLiteral("tagFilter"));
    tag_->setToolTip(tr("Only loops with this tag"));
    tag_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    tag_->setMinimumContentsLength(6);
    setTags({});
    auto bpm = [this](const QString& name, const QString& tip) {
        auto* s = new QSpinBox(this);
        s->setObjectName(name);
        s->setRange(0, 999);
        s->setSpecialValueText(tr("any")); // 0: no bound
        s->setToolTip(tip);
        return s;
    };
    minTempo_ = bpm(QStringLiteral("minTempo"), tr("Slowest tempo shown (BPM, inclusive)"));
    maxTempo_ = bpm(QStringLiteral("maxTempo"), tr("Fastest tempo shown (BPM, inclusive)"));

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(starred_);
    row->addWidget(tag_, 1);
    row->addWidget(new QLabel(tr("BPM"), this));
    row->addWidget(minTempo_);
    row->addWidget(new QLabel(QStringLiteral("–"), this));
    row->addWidget(maxTempo_);

    connect(starred_, &QToolButton::toggled, this, &LoopFilters::changed);
    connect(tag_, &QComboBox::currentIndexChanged, this, [this] {
        wanted_ = tag();
        Q_EMIT changed();
    });
    connect(minTempo_, &QSpinBox::valueChanged, this, &LoopFilters::changed);
    connect(maxTempo_, &QSpinBox::valueChanged, this, &LoopFilters::changed);
}

QString LoopFilters::tag() const { return tag_->currentData().toString(); }

void LoopFilters::wantTag(const QString& tag)
{
    wanted_ = tag;
    const int i = tag_->findData(tag);
    if (i >= 0)
        tag_->setCurrentIndex(i);
}

void LoopFilters::setTags(const std::vector<std::string>& tags, bool libraryOpen)
{
    const QString keep = wanted_;
    {
        const QSignalBlocker block(tag_);
        tag_->clear();
        tag_->addItem(tr("Any tag"), QString());
        for (const std::string& t : tags)
            tag_->addItem(QString::fromStdString(t), QString::fromStdString(t));
        const int i = tag_->findData(keep, Qt::UserRole, Qt::MatchFixedString); // case-insensitive
        tag_->setCurrentIndex(std::max(0, i));
    }
    wanted_ = libraryOpen ? tag() : keep;
}

void LoopFilters::applyTo(LoopQuery& q) const
{
    q.starredOnly = starred_->isChecked();
    q.tags.clear();
    if (!tag().isEmpty())
        q.tags.push_back(tag().toStdString());
    // The table shows whole BPM (qRound): a loop shown as 120 is in 120-120 (119.5 up to, not with, 120.5).
    q.minTempo = minTempo_->value() > 0 ? std::optional<double>(minTempo_->value() - 0.5) : std::nullopt;
    q.maxTempo = maxTempo_->value() > 0 ? std::optional<double>(maxTempo_->value() + 0.4999) : std::nullopt;
}

} // namespace lm::ui
