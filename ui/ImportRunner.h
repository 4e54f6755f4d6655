#pragma once
// Runs a library import on a worker thread through the core job API and
// reports to the GUI thread with queued signals; the window never blocks.
#include "core/base/JobContext.h"
#include "core/io/LibraryImport.h"

#include <QObject>
#include <QStringList>
#include <memory>
#include <thread>

namespace lm::ui {

class ImportRunner : public QObject {
    Q_OBJECT
public:
    explicit ImportRunner(QObject* parent = nullptr);
    ~ImportRunner() override;

    // Starts importing `roots` into the library file at `dbPath` (its own connection).
    bool start(const QString& dbPath, const QStringList& roots);
    void cancel();
    bool running() const { return running_; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total, const QString& file);
    void finished(bool ok, const QString& error);

public:
    const ImportSummary& summary() const { return summary_; }

private:
    void join();

    std::unique_ptr<JobContext> job_;
    std::thread thread_;
    ImportSummary summary_;
    bool running_ = false;
};

} // namespace lm::ui
