#include "ImportRunner.h"

#include <QMetaObject>
#include <QPointer>
#include <chrono>

namespace lm::ui {

ImportRunner::ImportRunner(QObject* parent) : QObject(parent) {}

ImportRunner::~ImportRunner()
{
    cancel();
    join();
}

void ImportRunner::join()
{
    if (thread_.joinable())
        thread_.join();
}

void ImportRunner::cancel()
{
    if (job_)
        job_->cancel();
}

bool ImportRunner::start(const QString& dbPath, const QStringList& roots)
{
    if (running_)
        return false;
    join();
    running_ = true;
    summary_ = {};
    QPointer<ImportRunner> self(this);
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    job_ = std::make_unique<JobContext>([self, last](int64_t done, int64_t total, const std::string& text) {
        const auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(50) && done != total)
            return; // at most 20 updates a second
        *last = now;
        const QString file = QString::fromStdString(text);
        QMetaObject::invokeMethod(self, [self, done, total, file] {
            if (self)
                Q_EMIT self->progress(done, total, file);
        }, Qt::QueuedConnection);
    });
    ImportOptions options;
    for (const QString& r : roots)
        options.roots.push_back(r.toStdString());
    const std::string path = dbPath.toStdString();
    JobContext* job = job_.get();
    thread_ = std::thread([this, self, path, options, job] {
        bool ok = false;
        QString error;
        ImportSummary summary;
        auto db = LibraryDb::open(path);
        if (!db) {
            error = QString::fromStdString(db.error().toString());
        } else if (auto r = importLibrary(**db, options, *job); r) {
            ok = true;
            summary = std::move(*r);
        } else {
            error = QString::fromStdString(r.error().toString());
        }
        QMetaObject::invokeMethod(self, [this, self, ok, error, summary = std::move(summary)]() mutable {
            if (!self)
                return;
            summary_ = std::move(summary);
            running_ = false;
            join();
            Q_EMIT finished(ok, error);
        }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace lm::ui
