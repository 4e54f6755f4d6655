#pragma once
// The training view's live curves (QtCharts): training and validation loss
// per epoch and a smoothed per-batch loss of one network, with the
// detector's change from autoencoder to SVDD marked; the VQ-VAE's Hamming
// error and codebook perplexity per epoch. Reports only append to plain
// vectors; a timer redraws at most 5 times a second, so the GUI thread
// never spends long on a chart however fast the batches come.
#include "core/ml/Training.h"

#include <QPointF>
#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <map>
#include <string>

class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QValueAxis;

namespace lm::ui {

class TrainCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainCharts(QWidget* parent = nullptr);

    void clear();
    // One report of the running training (per batch, and each epoch's end).
    void add(const ml::TrainProgress& p);
    // Redraws now (the timer does it otherwise).
    void redraw();

    // For tests: the series (object names "trainLoss", "valLoss", "batchLoss",
    // "phaseMark", "hamming", "perplexity") and the network shown.
    QLineSeries* series(const QString& name) const;
    QComboBox* networkChoice() const { return network_; }
    int redraws() const { return redraws_; }

protected:
    void changeEvent(QEvent* e) override;

private:
    void applyChartTheme();
    struct Curves {
        QVector<QPointF> train, val, batch, hamming, perplexity;
        double phaseChange = -1; // epoch where the second phase began
        std::string firstPhase;
        double smoothed = 0;
        bool started = false;
        double lastMean = 0;
        int64_t lastBatch = 0;
    };
    void showNetwork(const QString& name);

    std::map<std::string, Curves> curves_;
    QComboBox* network_;
    QChart* loss_;
    QChart* vq_;
    QLineSeries *train_, *val_, *batch_, *phase_, *hamming_, *perplexity_;
    QValueAxis *lossX_, *lossY_, *vqX_, *hammingY_, *perplexityY_;
    QTimer timer_;
    bool dirty_ = false;
    int redraws_ = 0;
};

} // namespace lm::ui
