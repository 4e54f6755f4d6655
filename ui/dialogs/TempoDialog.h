#pragma once
// Asks for an audio piece's tempo and first downbeat, or for the estimate again;
// half and double buttons switch the tempo to the next metrical level in one click.
#include <QDialog>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QPushButton;

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
    QPushButton* half_;
    QPushButton* double_;
};

} // namespace lm::ui
