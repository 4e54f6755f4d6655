#pragma once
// What to train, on which loops, with which settings: the training view's
// form. It makes the TrainRequest (core/library/Models.h) and estimates the
// time before the training starts.
#include "core/library/Models.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lm::ui {

class LibrarySession;

class TrainForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainForm(QWidget* parent = nullptr);
    void setSession(LibrarySession* session);
    // Where "the loops panel's selection" comes from (the loops panel's filter).
    void setSelectionSource(std::function<LoopQuery()> source) { selection_ = std::move(source); }
    // Kept generated loops as a choice (false: disabled, with a tooltip why).
    void setGeneratedLoopsAvailable(bool on);

    // The request for these settings (folders left empty: the view fills them in).
    TrainRequest request() const;
    QString modelName() const;
    // Seconds the networks of `parts` take with these settings (a rough figure).
    double estimateSeconds(const std::vector<std::string>& parts) const;
    void updateEstimate();

    // For tests and tools.
    QComboBox* what() const { return what_; }
    QComboBox* loops() const { return loops_; }
    QComboBox* detectorData() const { return detector_; }
    QComboBox* metre() const { return metre_; } // the loops' time signature (the models: 4/4)
    QLabel* metreNote() const { return metreNote_; }
    void updateMetreNote(const TrainRequest& r);
    void makeMetreRow();
    void makeDetectorRow();
    QLineEdit* folder() const { return folder_; }
    QLineEdit* name() const { return name_; }
    QSpinBox* spin(const QString& objectName) const;
    QDoubleSpinBox* learningRate() const { return lr_; }
    QLabel* estimate() const { return estimate_; }

private:
    QSpinBox* addSpin(const QString& name, const QString& label, int min, int max, int value, const QString& tip);
    void updateEnabled();
    int64_t loopCount() const;

    LibrarySession* session_ = nullptr;
    std::function<LoopQuery()> selection_;
    QComboBox* what_;
    QComboBox* loops_;
    QComboBox* detector_;
    QLabel* detectorWhy_;
    QComboBox* metre_;
    QLabel* metreNote_;
    QLineEdit* folder_;
    QPushButton* browse_;
    QLineEdit* name_;
    QDoubleSpinBox* lr_;
    QLabel* estimate_;
    QFormLayout* settings_;
    std::vector<QSpinBox*> spins_;
};

} // namespace lm::ui
