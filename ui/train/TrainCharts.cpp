#include "TrainCharts.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lm::ui {

namespace {

constexpr int kMaxBatchPoints = 1500; // drawn; every batch is kept
constexpr double kSmoothing = 0.1;    // weight of a new batch in the smoothed curve

QLineSeries* makeSeries(const QString& name, const QString& title, QChart* chart)
{
    auto* s = new QLineSeries(chart);
    s->setObjectName(name);
    s->setName(title);
    chart->addSeries(s);
    return s;
}

QValueAxis* makeAxis(const QString& title, QChart* chart, Qt::Alignment where)
{
    auto* a = new QValueAxis(chart);
    a->setTitleText(title);
    a->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(a, where);
    return a;
}

QVector<QPointF> decimated(const QVector<QPointF>& points)
{
    if (points.size() <= kMaxBatchPoints)
        return points;
    QVector<QPointF> out;
    const double step = double(points.size()) / kMaxBatchPoints;
    for (int i = 0; i < kMaxBatchPoints; ++i)
        out.push_back(points[int(i * step)]);
    out.push_back(points.back());
    return out;
}

void range(QValueAxis* axis, const std::initializer_list<const QVector<QPointF>*> sets, bool x)
{
    double lo = 1e300, hi = -1e300;
    for (const auto* s : sets)
        for (const QPointF& p : *s) {
            const double v = x ? p.x() : p.y();
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    if (lo > hi) {
        axis->setRange(0, 1);
        return;
    }
    if (x) { // epochs: whole numbers, at ticks of 1, 2, 5, 10, 20 ... epochs
        const double rough = std::max(1.0, hi / 6);
        const double decade = std::pow(10.0, std::floor(std::log10(rough)));
        const double step = rough <= decade ? decade : rough <= 2 * decade ? 2 * decade : rough <= 5 * decade ? 5 * decade : 10 * decade;
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setTickInterval(step);
        axis->setLabelFormat(QStringLiteral("%.0f"));
        axis->setRange(0, std::max(step, std::ceil(hi / step) * step));
        return;
    }
    const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(1e-9, std::abs(hi) * 0.1 + 1e-9);
    const double bottom = x ? lo : (lo >= 0 ? std::max(0.0, lo - pad) : lo - pad); // losses and rates stay >= 0
    axis->setRange(bottom, hi + (x ? 0 : pad));
}

} // namespace

TrainCharts::TrainCharts(QWidget* parent) : QWidget(parent)
{
    network_ = new QComboBox(this);
    network_->setObjectName(QStringLiteral("chartNetwork"));
    network_->setToolTip(tr("Which network's curves to show (the running one is chosen by itself)"));
    connect(network_, &QComboBox::currentTextChanged, this, [this](const QString& n) { showNetwork(n); });

    loss_ = new QChart;
    loss_->setTitle(tr("Loss"));
    loss_->setMargins(QMargins(4, 4, 4, 4));
    train_ = makeSeries(QStringLiteral("trainLoss"), tr("training (epoch)"), loss_);
    val_ = makeSeries(QStringLiteral("valLoss"), tr("validation (epoch)"), loss_);
    batch_ = makeSeries(QStringLiteral("batchLoss"), tr("per batch, smoothed"), loss_);
    phase_ = makeSeries(QStringLiteral("phaseMark"), tr("autoencoder | SVDD"), loss_);
    lossX_ = makeAxis(tr("epoch"), loss_, Qt::AlignBottom);
    lossY_ = makeAxis(tr("loss"), loss_, Qt::AlignLeft);
    for (QLineSeries* s : {train_, val_, batch_, phase_}) {
        s->attachAxis(lossX_);
        s->attachAxis(lossY_);
    }

    vq_ = new QChart;
    vq_->setTitle(tr("VQ-VAE (validation)"));
    vq_->setMargins(QMargins(4, 4, 4, 4));
    hamming_ = makeSeries(QStringLiteral("hamming"), tr("Hamming error"), vq_);
    perplexity_ = makeSeries(QStringLiteral("perplexity"), tr("perplexity"), vq_);
    vqX_ = makeAxis(tr("epoch"), vq_, Qt::AlignBottom);
    hammingY_ = makeAxis(tr("Hamming error"), vq_, Qt::AlignLeft);
    perplexityY_ = makeAxis(tr("perplexity"), vq_, Qt::AlignRight);
    hamming_->attachAxis(vqX_);
    hamming_->attachAxis(hammingY_);
    perplexity_->attachAxis(vqX_);
    perplexity_->attachAxis(perplexityY_);

    auto* lossView = new QChartView(loss_, this);
    lossView->setObjectName(QStringLiteral("lossChart"));
    lossView->setRenderHint(QPainter::Antialiasing);
    auto* vqView = new QChartView(vq_, this);
    vqView->setObjectName(QStringLiteral("vqChart"));
    vqView->setRenderHint(QPainter::Antialiasing);
    for (QChartView* v : {lossView, vqView})
        v->setMinimumSize(160, 120);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Curves of:"), this));
    top->addWidget(network_);
    top->addStretch(1);
    for (QChart* c : {loss_, vq_}) {
        c->legend()->setAlignment(Qt::AlignBottom);
        c->setLocalizeNumbers(true); // axis labels in the window's locale (QLocale(): a decimal comma in German)
    }
    auto* charts = new QVBoxLayout;
    charts->addWidget(lossView, 3);
    charts->addWidget(vqView, 2);
    charts->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(charts, 1);

    applyChartTheme();
    timer_.setInterval(200);
    connect(&timer_, &QTimer::timeout, this, [this] {
        if (dirty_)
            redraw();
    });
    timer_.start();
}

// QtCharts keep their own colours: the chart theme follows the palette (View > Theme).
void TrainCharts::applyChartTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QChart* c : {loss_, vq_}) {
        c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        c->setBackgroundBrush(palette().window()); // one surface with the panel around it
        c->setTitleBrush(palette().windowText());
        c->legend()->setLabelColor(palette().color(QPalette::WindowText));
    }
    // A theme resets the series' pens: the phase mark dashed, the batch curve thin.
    QPen dashed(dark ? QColor(160, 160, 160) : QColor(Qt::gray));
    dashed.setStyle(Qt::DashLine);
    phase_->setPen(dashed);
    QPen thin(dark ? QColor(110, 150, 210) : QColor(120, 160, 220));
    thin.setWidthF(1.0);
    batch_->setPen(thin);
}

void TrainCharts::changeEvent(QEvent* e)
{
    QWidget::changeEvent(e);
    if (e->type() == QEvent::PaletteChange)
        applyChartTheme();
}

QLineSeries* TrainCharts::series(const QString& name) const
{
    for (QLineSeries* s : {train_, val_, batch_, phase_, hamming_, perplexity_})
        if (s->objectName() == name)
            return s;
    return nullptr;
}

void TrainCharts::clear()
{
    curves_.clear();
    network_->clear();
    dirty_ = true;
    redraw();
}

void TrainCharts::add(const ml::TrainProgress& p)
{
    const QString name = QString::fromStdString(p.model);
    const bool fresh = curves_.find(p.model) == curves_.end();
    Curves& c = curves_[p.model];
    if (fresh) {
        c.firstPhase = p.phase;
        network_->addItem(name);
    }
    if (network_->currentText() != name)
        network_->setCurrentText(name); // follow the running network
    if (c.phaseChange < 0 && p.phase != c.firstPhase)
        c.phaseChange = p.epoch - 1;
    if (p.batch > 0 && p.batches > 0 && !p.epochEnd) {
        // The report carries the epoch's running mean: the batch's own loss is the difference.
        const double b = double(p.batch);
        const double loss = p.batch == 1 || p.batch <= c.lastBatch ? p.loss : b * p.loss - (b - 1) * c.lastMean;
        c.smoothed = c.started ? (1 - kSmoothing) * c.smoothed + kSmoothing * loss : loss;
        c.started = true;
        c.lastMean = p.loss;
        c.lastBatch = p.batch;
        c.batch.push_back({double(p.epoch - 1) + b / double(p.batches), c.smoothed});
    }
    if (p.epochEnd) {
        c.lastBatch = 0;
        c.train.push_back({double(p.epoch), p.loss});
        c.val.push_back({double(p.epoch), p.valLoss});
        for (const auto& [k, v] : p.metrics) {
            if (k == "hamming_error")
                c.hamming.push_back({double(p.epoch), v});
            else if (k == "perplexity")
                c.perplexity.push_back({double(p.epoch), v});
        }
    }
    dirty_ = true;
}

void TrainCharts::showNetwork(const QString&)
{
    dirty_ = true;
    redraw();
}

void TrainCharts::redraw()
{
    dirty_ = false;
    ++redraws_;
    static const Curves none;
    const auto it = curves_.find(network_->currentText().toStdString());
    const Curves& c = it == curves_.end() ? none : it->second;
    train_->replace(c.train);
    val_->replace(c.val);
    const QVector<QPointF> batch = decimated(c.batch);
    batch_->replace(batch);
    range(lossX_, {&c.train, &batch}, true);
    range(lossY_, {&c.train, &c.val, &batch}, false);
    QVector<QPointF> mark;
    if (c.phaseChange >= 0)
        mark = {{c.phaseChange, lossY_->min()}, {c.phaseChange, lossY_->max()}};
    phase_->replace(mark);
    phase_->setVisible(c.phaseChange >= 0);
    // The CNN-VAE on show has its own Hamming error (and no perplexity); otherwise the VQ-VAE's.
    const bool cnn = network_->currentText() == QLatin1String("cnnvae") && it != curves_.end();
    const auto vq = cnn ? it : curves_.find("vqvae");
    const Curves& v = vq == curves_.end() ? none : vq->second;
    vq_->setTitle(cnn ? tr("CNN-VAE (validation)") : tr("VQ-VAE (validation)"));
    hamming_->replace(v.hamming);
    perplexity_->replace(v.perplexity);
    range(vqX_, {&v.hamming}, true);
    range(hammingY_, {&v.hamming}, false);
    range(perplexityY_, {&v.perplexity}, false);
}

} // namespace lm::ui
