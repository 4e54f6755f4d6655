#pragma once
// The jobs area of the status bar: the running job's name, message and
// progress, with Pause (for jobs that can pause) and Cancel. It watches any
// number of runners and shows the one started last that is still running.
#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace lm::ui {

class JobRunner;

class JobsBar : public QWidget {
    Q_OBJECT
public:
    explicit JobsBar(QWidget* parent = nullptr);
    void watch(JobRunner* runner, bool canPause = false);
    JobRunner* shown() const { return shown_; }
    QToolButton* cancelButton() const { return cancel_; }
    QToolButton* pauseButton() const { return pause_; }
    QProgressBar* progressBar() const { return bar_; }
    QString text() const;

private:
    void showJob(JobRunner* runner);
    void refresh();

    QLabel* label_;
    QProgressBar* bar_;
    QToolButton* pause_;
    QToolButton* cancel_;
    QList<QPointer<JobRunner>> running_; // started order
    QList<JobRunner*> pausable_;
    QPointer<JobRunner> shown_;
};

} // namespace lm::ui
