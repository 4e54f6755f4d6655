#pragma once
// Exporting loops from the window: one loop to a file (Ctrl+E in the piece
// view) or a selection to a folder (the loops panel's Export Selected), with
// the options of ExportDialog. An existing file is never replaced without
// asking (Replace / Skip / Replace All / Skip All / Cancel); a batch of more
// than a few files runs as a job on its own JobRunner.
#include "core/library/LoopExport.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <vector>

class QWidget;

namespace lm {
class LibraryDb;
}

namespace lm::ui {

class JobRunner;

enum class OverwriteChoice { Replace, Skip, ReplaceAll, SkipAll, Cancel };
// A QMessageBox (object name "overwriteQuestion") about `file`; `many`: more
// files of the batch may follow (adds Replace All, Skip All and Skip).
OverwriteChoice askOverwrite(QWidget* parent, const QString& file, bool many);

// One loop to a file: ExportDialog, then the question when the file exists.
// The file written, or "" (cancelled, refused, or failed with a message box).
QString exportOneWithDialog(QWidget* parent, const LoopRoll& loop);

struct ExportReport {
    QString folder;
    QStringList files;  // written
    int skipped = 0;    // existing files the user kept
    QStringList errors; // loops that could not be written, with why
    bool cancelled = false;
};

class LoopExporter : public QObject {
    Q_OBJECT
public:
    static constexpr int kInlineFiles = 4; // more than this: a job
    explicit LoopExporter(QWidget* window);

    // Asks for the options (ExportDialog, folder mode), then exports. False when
    // nothing was started (no ids, dialog cancelled, a job still running).
    bool exportWithDialog(LibraryDb* db, const std::vector<LoopId>& ids);
    // Exports to `dir` with `settings`; still asks about existing files.
    bool exportLoops(LibraryDb* db, const std::vector<LoopId>& ids, const QString& dir,
                     const LoopExportSettings& settings);

    JobRunner* job() const { return job_; }
    const ExportReport& lastReport() const { return report_; }
    // "Exported 12 loops to /music/loops (2 kept as they were)"
    static QString summary(const ExportReport& report);

Q_SIGNALS:
    void finished(const QString& message); // for the status bar; lastReport() has the details

private:
    void finish(ExportReport report);

    QWidget* window_;
    JobRunner* job_;
    ExportReport report_;
};

} // namespace lm::ui
