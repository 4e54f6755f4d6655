#include "GenerationForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStandardItemModel>

namespace lm::ui {

namespace {

constexpr int kMaxSeed = 1 << 30; // the CLI's --seed range

QDoubleSpinBox* doubleSpin(QWidget* parent, double min, double max, double value, int decimals, double step)
{
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(min, max);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    return s;
}

} // namespace

GenerationForm::GenerationForm(QWidget* parent) : QWidget(parent)
{
    const GenerationSettings d;
    count_ = new QSpinBox(this);
    count_->setObjectName(QStringLiteral("generateCount"));
    count_->setRange(1, 1000);
    count_->setValue(8);
    count_->setToolTip(tr("How many loops to find (each under the max loop score)"));
    temperature_ = doubleSpin(this, 0.05, 5.0, d.temperature, 2, 0.05);
    temperature_->setObjectName(QStringLiteral("generateTemperature"));
    temperature_->setToolTip(tr("Sampling temperature of the prior: lower is safer, higher is more varied"));
    sampling_ = new QComboBox(this);
    sampling_->setObjectName(QStringLiteral("generateSampling"));
    sampling_->addItem(tr("Top-k"));
    sampling_->addItem(tr("Top-p"));
    sampling_->setToolTip(tr("Sample from the k likeliest codes, or from the smallest set whose probability reaches p"));
    topK_ = new QSpinBox(this);
    topK_->setObjectName(QStringLiteral("generateTopK"));
    topK_->setRange(1, 65536);
    topK_->setValue(d.topK);
    topK_->setToolTip(tr("k: each code is drawn from the k likeliest (smaller: safer)"));
    topP_ = doubleSpin(this, 0.01, 1.0, 0.9, 2, 0.05);
    topP_->setObjectName(QStringLiteral("generateTopP"));
    topP_->setToolTip(tr("p, 0.01 to 1: each code is drawn from the likeliest codes whose probabilities add up to p"));
    maxScore_ = doubleSpin(this, 0.000001, 1.0, d.maxScore, 6, 0.0001);
    maxScore_->setObjectName(QStringLiteral("generateMaxScore"));
    maxScore_->setToolTip(tr("Rejection threshold: a drawn loop is kept only when its loop score is under this"));
    seed_ = new QSpinBox(this);
    seed_->setObjectName(QStringLiteral("generateSeed"));
    seed_->setRange(0, kMaxSeed);
    seed_->setValue(int(QRandomGenerator::global()->bounded(1, kMaxSeed)));
    seed_->setToolTip(tr("The same seed and settings give the same loops again"));
    random_ = new QCheckBox(tr("Random"), this);
    random_->setObjectName(QStringLiteral("generateRandomSeed"));
    random_->setChecked(true);
    random_->setToolTip(tr("A new seed for every run (shown here, so that a result can be made again)"));
    tempo_ = doubleSpin(this, 20, 400, d.tempoBpm, 1, 1);
    tempo_->setObjectName(QStringLiteral("generateTempo"));
    tempo_->setSuffix(tr(" BPM"));
    tempo_->setToolTip(tr("The loops' tempo when played and exported"));
    maxDrawn_ = new QSpinBox(this);
    maxDrawn_->setObjectName(QStringLiteral("generateMaxDrawn"));
    maxDrawn_->setRange(0, 100000000);
    maxDrawn_->setSingleStep(500);
    maxDrawn_->setSpecialValueText(tr("500 per loop"));
    maxDrawn_->setToolTip(tr("Give up after this many draws in all (the lowest value: 500 for each loop asked for)"));

    network_ = new QComboBox(this);
    network_->setObjectName(QStringLiteral("generateNetwork"));
    network_->addItem(tr("VQ-VAE + prior"), QStringLiteral("vqvae"));
    network_->addItem(tr("CNN-VAE (baseline)"), QStringLiteral("cnnvae"));
    network_->setToolTip(tr("The paper's model, or its CNN-VAE baseline (draws from N(0, I); no temperature or top-k)"));
    setBaselineAvailable(false);

    auto* samplingRow = new QHBoxLayout;
    samplingRow->setContentsMargins(0, 0, 0, 0);
    samplingRow->addWidget(sampling_);
    samplingRow->addWidget(topK_, 1);
    samplingRow->addWidget(topP_, 1);
    auto* seedRow = new QHBoxLayout;
    seedRow->setContentsMargins(0, 0, 0, 0);
    seedRow->addWidget(seed_, 1);
    seedRow->addWidget(random_);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Network"), network_);
    form->addRow(tr("Loops"), count_);
    form->addRow(tr("Temperature"), temperature_);
    form->addRow(tr("Sampling"), samplingRow);
    form->addRow(tr("Max loop score"), maxScore_);
    form->addRow(tr("Seed"), seedRow);
    form->addRow(tr("Tempo"), tempo_);
    form->addRow(tr("Draw limit"), maxDrawn_);
    connect(sampling_, &QComboBox::currentIndexChanged, this, &GenerationForm::showSampling);
    connect(network_, &QComboBox::currentIndexChanged, this, [this] {
        for (QWidget* w : std::initializer_list<QWidget*>{temperature_, sampling_, topK_, topP_})
            w->setEnabled(!baseline());
    });
    showSampling();
}

void GenerationForm::showSampling()
{
    const bool k = sampling_->currentIndex() == 0;
    topK_->setVisible(k);
    topP_->setVisible(!k);
}

bool GenerationForm::baseline() const { return network_->currentData().toString() == QLatin1String("cnnvae"); }

void GenerationForm::setBaselineAvailable(bool on)
{
    auto* model = qobject_cast<QStandardItemModel*>(network_->model());
    if (QStandardItem* item = model ? model->item(1) : nullptr) {
        item->setEnabled(on);
        item->setToolTip(on ? tr("The model's CNN-VAE") : tr("This model has no CNN-VAE (train one in the Train tab)"));
    }
    if (!on)
        network_->setCurrentIndex(0);
}

GenerationSettings GenerationForm::next()
{
    if (random_->isChecked())
        seed_->setValue(int(QRandomGenerator::global()->bounded(1, kMaxSeed)));
    GenerationSettings s;
    s.count = count_->value();
    s.temperature = temperature_->value();
    const bool k = sampling_->currentIndex() == 0;
    s.topK = k ? topK_->value() : 0;
    s.topP = k ? 0.0 : topP_->value();
    s.maxScore = maxScore_->value();
    s.seed = uint64_t(seed_->value());
    s.maxDrawn = maxDrawn_->value();
    s.tempoBpm = tempo_->value();
    return s;
}

void GenerationForm::showSettings(const GenerationSettings& s)
{
    count_->setValue(s.count);
    temperature_->setValue(s.temperature);
    sampling_->setCurrentIndex(s.topK > 0 ? 0 : 1);
    if (s.topK > 0)
        topK_->setValue(s.topK);
    else
        topP_->setValue(s.topP);
    maxScore_->setValue(s.maxScore);
    random_->setChecked(false);
    seed_->setValue(int(s.seed));
    tempo_->setValue(s.tempoBpm);
    maxDrawn_->setValue(int(s.maxDrawn));
}

} // namespace lm::ui
