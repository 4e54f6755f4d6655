#pragma once
// Asks for an audio piece's tempo and first downbeat, or for the estimate again.
#include <QDialog>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;

namespace lm::ui {

class TempoDialog : public QDialog {
    Q_OBJECT
public:
    TempoDialog(const QString& fileName, double bpm, double downbeat, QWidget* parent = nullptr);
    bool useEstimate() const;
    double bpm() const;
    double downbeat() const;

private:
    QDoubleSpinBox* bpm_;
    QDoubleSpinBox* downbeat_;
    QCheckBox* estimate_;
};

} // namespace lm::ui
