#pragma once
// The "Train" tab: the form (what, on which loops, settings, estimate),
// Start / Pause / Resume / Cancel, live curves, epoch and batch progress,
// samples/s, elapsed time and ETA. The training runs as a job on its own
// runner into a new model folder of the store; a training that was
// cancelled, crashed or closed with the app is offered for resume from its
// last checkpoint.
#include "core/library/Models.h"

#include <QElapsedTimer>
#include <QWidget>

#include <any>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace lm::ui {

class JobRunner;
class LibrarySession;
class TrainCharts;
class TrainForm;

class TrainView : public QWidget {
    Q_OBJECT
public:
    explicit TrainView(QWidget* parent = nullptr);
    void setSession(LibrarySession* session);

    // Starts training `request` (from the form when not given) into a new
    // model folder; false with a message in the status line when it cannot.
    bool start();
    // Resumes the model folder's unfinished training (its plan in model.json).
    bool resumeSaved(const QString& name);
    void refreshResumable();

    JobRunner* job() const { return job_; }
    TrainForm* form() const { return form_; }
    TrainCharts* charts() const { return charts_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* resumeButton() const { return resume_; }
    QPushButton* cancelButton() const { return cancel_; }
    QComboBox* resumable() const { return resumable_; }
    QPushButton* resumeSavedButton() const { return resumeSaved_; }
    QProgressBar* epochProgress() const { return epochBar_; }
    QProgressBar* batchProgress() const { return batchBar_; }
    QLabel* status() const { return status_; }
    const QString& currentModel() const { return model_; }
    // The last epoch's report (for tests and tools).
    int lastEpoch() const { return lastEpoch_; }
    int firstEpochOfRun() const { return firstEpoch_; }

Q_SIGNALS:
    void trainingStarted(const QString& model);
    void trainingFinished(const QString& model, bool ok, bool cancelled, const QString& error);

protected:
    void showEvent(QShowEvent*) override;

private:
    bool run(const TrainRequest& request, const QString& name);
    void onPayload(const std::any& value);
    void onProgress(qint64 done);
    void onFinished(bool ok, const QString& error);
    void updateButtons();

    LibrarySession* session_ = nullptr;
    TrainForm* form_;
    TrainCharts* charts_;
    JobRunner* job_;
    QPushButton *start_, *pause_, *resume_, *cancel_, *resumeSaved_;
    QComboBox* resumable_;
    QProgressBar* epochBar_;
    QProgressBar* batchBar_;
    QLabel* status_;
    QLabel* rate_;
    QString model_;
    std::vector<std::string> parts_;
    TrainRequest request_;
    std::string runningPart_;
    QElapsedTimer clock_;
    qint64 lastDone_ = 0;
    double samples_ = 0;
    qint64 lastShown_ = -1000;
    int lastEpoch_ = 0;
    int firstEpoch_ = 0;
};

} // namespace lm::ui
