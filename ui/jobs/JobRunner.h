#pragma once
// Runs one long core job at a time on a thread of its own and reports to the
// GUI thread with queued signals: progress (throttled), then finished. The
// GUI thread never waits on the work; cancel() asks the job to stop at its
// next step, and the destructor cancels and joins, so no job outlives its
// window. Pause and resume reach jobs that call JobContext::checkpoint().
#include "core/base/JobContext.h"

#include <QObject>
#include <QString>
#include <QVariant>
#include <any>
#include <functional>
#include <memory>
#include <thread>

namespace lm::ui {

// What a job gives back: an error ("" when it succeeded) and any value.
struct JobOutcome {
    QString error;
    std::any value;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    using Work = std::function<JobOutcome(JobContext&)>;

    explicit JobRunner(const QString& name, QObject* parent = nullptr);
    ~JobRunner() override;

    // False (and nothing started) while a job of this runner is running.
    bool start(Work work);
    void cancel();
    void setPaused(bool on);
    bool paused() const;
    bool running() const { return running_; }
    // Blocks until the running job (if any) has stopped; its finished signal
    // still arrives through the event loop. For closing the window.
    void wait();
    const QString& name() const { return name_; }
    // The last finished job's value (empty before one finished).
    const std::any& result() const { return result_; }
    // The running job's context (nullptr when none ran yet); for tests and tools.
    const JobContext* context() const { return job_.get(); }

Q_SIGNALS:
    void started();
    // fraction in [0, 1], or -1 while the total is unknown.
    void progress(double fraction, qint64 done, qint64 total, const QString& message);
    // The job's own payload (e.g. a training epoch's metrics), unthrottled.
    void payload(const std::any& value);
    void pausedChanged(bool paused);
    void finished(bool ok, const QString& error);

private:
    QString name_;
    std::unique_ptr<JobContext> job_;
    std::thread thread_;
    std::any result_;
    bool running_ = false;
};

} // namespace lm::ui
