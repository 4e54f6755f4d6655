#include "JobRunner.h"

#include <QMetaObject>
#include <QPointer>

namespace lm::ui {

JobRunner::JobRunner(const QString& name, QObject* parent) : QObject(parent), name_(name) {}

JobRunner::~JobRunner()
{
    cancel();
    wait();
}

void JobRunner::cancel()
{
    if (job_)
        job_->cancel();
}

void JobRunner::setPaused(bool on)
{
    if (!job_ || job_->paused() == on)
        return;
    job_->setPaused(on);
    Q_EMIT pausedChanged(on);
}

bool JobRunner::paused() const { return job_ && job_->paused(); }

void JobRunner::wait()
{
    if (thread_.joinable())
        thread_.join();
}

bool JobRunner::start(Work work)
{
    if (running_)
        return false;
    wait();
    running_ = true;
    result_.reset();
    QPointer<JobRunner> self(this);
    auto throttle = std::make_shared<ProgressThrottle>();
    job_ = std::make_unique<JobContext>([self, throttle](const JobProgress& p) {
        if (p.payload.has_value()) {
            QMetaObject::invokeMethod(self, [self, value = p.payload] {
                if (self)
                    Q_EMIT self->payload(value);
            }, Qt::QueuedConnection);
        }
        if (!throttle->due(p.done, p.total))
            return; // at most 20 updates a second, and always the last
        const QString message = QString::fromStdString(p.message);
        QMetaObject::invokeMethod(self, [self, p, message] {
            if (self)
                Q_EMIT self->progress(p.fraction(), p.done, p.total, message);
        }, Qt::QueuedConnection);
    });
    JobContext* job = job_.get();
    Q_EMIT started();
    thread_ = std::thread([self, work = std::move(work), job] {
        JobOutcome outcome;
        try {
            outcome = work(*job);
        } catch (const std::exception& e) { // a job's own failure, never the app's
            outcome.error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(self, [self, outcome = std::move(outcome)]() mutable {
            if (!self)
                return;
            self->result_ = std::move(outcome.value);
            self->running_ = false;
            self->wait();
            Q_EMIT self->finished(outcome.error.isEmpty(), outcome.error);
        }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace lm::ui
