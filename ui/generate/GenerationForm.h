#pragma once
// The Generation panel's settings: count, temperature, top-k or top-p (one
// at a time), the rejection threshold (max loop score), the seed (a new
// random one for each run unless "Random" is off; always shown, so that a
// result can be made again), the tempo and a limit on draws.
#include "core/model/LibraryRecords.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace lm::ui {

class GenerationForm : public QWidget {
    Q_OBJECT
public:
    explicit GenerationForm(QWidget* parent = nullptr);

    // The settings of the next run. With "Random" on, draws a new seed first
    // and shows it in the seed box.
    GenerationSettings next();
    // Shows these settings (a batch of the history, to make it again); "Random" goes off.
    void showSettings(const GenerationSettings& s);

    QSpinBox* count() const { return count_; }
    QDoubleSpinBox* temperature() const { return temperature_; }
    QComboBox* sampling() const { return sampling_; } // "Top-k" or "Top-p"
    QSpinBox* topK() const { return topK_; }
    QDoubleSpinBox* topP() const { return topP_; }
    QDoubleSpinBox* maxScore() const { return maxScore_; }
    QSpinBox* seed() const { return seed_; }
    QCheckBox* randomSeed() const { return random_; }
    QDoubleSpinBox* tempo() const { return tempo_; }
    QSpinBox* maxDrawn() const { return maxDrawn_; }
    // The network that generates: the VQ-VAE with its prior, or the model's CNN-VAE baseline.
    QComboBox* network() const { return network_; }
    bool baseline() const;
    void setBaselineAvailable(bool on); // the model folder has a CNN-VAE (off: the choice is disabled)

private:
    void showSampling();

    QSpinBox* count_;
    QDoubleSpinBox* temperature_;
    QComboBox* sampling_;
    QSpinBox* topK_;
    QDoubleSpinBox* topP_;
    QDoubleSpinBox* maxScore_;
    QSpinBox* seed_;
    QCheckBox* random_;
    QDoubleSpinBox* tempo_;
    QSpinBox* maxDrawn_;
    QComboBox* network_;
};

} // namespace lm::ui
