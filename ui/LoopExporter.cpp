#include "LoopExporter.h"

#include "dialogs/ExportDialog.h"
#include "jobs/JobRunner.h"

#include "core/library/LibraryDb.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace lm::ui {

namespace {

struct Planned {
    LoopInfo info;
    std::string path;
    bool replace = false;
};

// Runs on the job's thread (or inline for a few files): reads each roll from
// its source file and writes it; a cancel stops between files (each written
// file is whole: temp name, then rename).
ExportReport writePlan(const std::vector<Planned>& plan, const LoopExportSettings& settings, JobContext* job)
{
    ExportReport r;
    LoopRollReader reader;
    for (size_t i = 0; i < plan.size(); ++i) {
        if (job && (job->cancelled() || !job->checkpoint())) { // a pause holds here, between files
            r.cancelled = true;
            break;
        }
        if (job)
            job->report(int64_t(i), int64_t(plan.size()), plan[i].path);
        auto roll = reader.read(plan[i].info);
        auto written = roll ? writeLoopFile(*roll, settings, plan[i].path, plan[i].replace) : Result<bool>(roll.error());
        if (written)
            r.files << QString::fromStdString(plan[i].path);
        else
            r.errors << QString::fromStdString(written.error().toString());
    }
    return r;
}

} // namespace

OverwriteChoice askOverwrite(QWidget* parent, const QString& file, bool many)
{
    QMessageBox box(QMessageBox::Question, LoopExporter::tr("File exists"),
                    LoopExporter::tr("%1 already exists in %2. Replace it?")
                        .arg(QFileInfo(file).fileName(), QDir::toNativeSeparators(QFileInfo(file).absolutePath())),
                    QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("overwriteQuestion"));
    QPushButton* replace = box.addButton(LoopExporter::tr("Replace"), QMessageBox::AcceptRole);
    replace->setObjectName(QStringLiteral("replace"));
    QPushButton *skip = nullptr, *replaceAll = nullptr, *skipAll = nullptr;
    if (many) {
        skip = box.addButton(LoopExporter::tr("Skip"), QMessageBox::RejectRole);
        skip->setObjectName(QStringLiteral("skip"));
        replaceAll = box.addButton(LoopExporter::tr("Replace All"), QMessageBox::YesRole);
        replaceAll->setObjectName(QStringLiteral("replaceAll"));
        skipAll = box.addButton(LoopExporter::tr("Skip All"), QMessageBox::NoRole);
        skipAll->setObjectName(QStringLiteral("skipAll"));
    }
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancel"));
    box.setDefaultButton(many ? skip : cancel); // Enter keeps the old file
    box.setEscapeButton(cancel);
    box.exec();
    const QAbstractButton* c = box.clickedButton();
    if (!c || c == cancel)
        return OverwriteChoice::Cancel;
    return c == replace ? OverwriteChoice::Replace
        : c == replaceAll ? OverwriteChoice::ReplaceAll
        : c == skipAll    ? OverwriteChoice::SkipAll
                          : OverwriteChoice::Skip;
}

QString exportOneWithDialog(QWidget* parent, const LoopRoll& loop)
{
    ExportDialog dialog(ExportDialog::Mode::File, 1, loop.info, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QString out = dialog.target();
    if (QFileInfo(out).suffix().isEmpty())
        out += QLatin1Char('.') + QString::fromStdString(exportExtension(loop.info));
    bool replace = false;
    if (QFileInfo::exists(out)) {
        if (askOverwrite(parent, out, false) != OverwriteChoice::Replace)
            return {};
        replace = true;
    }
    auto written = writeLoopFile(loop, dialog.settings(), out.toStdString(), replace);
    if (!written) {
        QMessageBox::warning(parent, LoopExporter::tr("Export failed"), QString::fromStdString(written.error().toString()));
        return {};
    }
    return out;
}

LoopExporter::LoopExporter(QWidget* window) : QObject(window), window_(window)
{
    job_ = new JobRunner(tr("Exporting loops"), this);
}

bool LoopExporter::exportWithDialog(LibraryDb* db, const std::vector<LoopId>& ids)
{
    if (!db || ids.empty() || job_->running())
        return false;
    // The dialog names its preview after the first loop, and offers the MIDI
    // options unless every loop is an audio piece's (a WAV cut).
    std::optional<LoopInfo> first;
    for (const LoopId& id : ids)
        if (auto info = loopInfo(*db, id); info && (!first || (first->audio && !info->audio))) {
            first = *info;
            if (!first->audio)
                break;
        }
    ExportDialog dialog(ExportDialog::Mode::Folder, int(ids.size()), first.value_or(LoopInfo{}), window_);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return exportLoops(db, ids, dialog.target(), dialog.settings());
}

bool LoopExporter::exportLoops(LibraryDb* db, const std::vector<LoopId>& ids, const QString& dir,
                               const LoopExportSettings& settings)
{
    if (!db || job_->running())
        return false;
    ExportReport pre;
    pre.folder = dir;
    std::vector<LoopInfo> infos;
    for (const LoopId& id : ids) {
        auto info = loopInfo(*db, id);
        if (info)
            infos.push_back(*info);
        else
            pre.errors << QString::fromStdString(info.error().toString());
    }
    if (!QDir().mkpath(dir)) {
        pre.errors.prepend(tr("%1: cannot make the folder").arg(dir));
        finish(pre);
        return true;
    }
    const std::vector<std::string> paths = exportPaths(infos, settings, dir.toStdString());
    std::vector<Planned> plan;
    std::optional<OverwriteChoice> all;
    for (size_t i = 0; i < infos.size(); ++i) {
        const QString path = QString::fromStdString(paths[i]);
        bool replace = false;
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
            const OverwriteChoice c = all ? *all : askOverwrite(window_, path, infos.size() > 1);
            if (c == OverwriteChoice::Cancel) {
                pre.cancelled = true;
                finish(pre);
                return true;
            }
            if (c == OverwriteChoice::ReplaceAll || c == OverwriteChoice::SkipAll)
                all = c;
            replace = c == OverwriteChoice::Replace || c == OverwriteChoice::ReplaceAll;
            if (!replace) {
                ++pre.skipped;
                continue;
            }
        }
        plan.push_back({infos[i], paths[i], replace});
    }
    auto merged = [pre](ExportReport r) {
        r.folder = pre.folder;
        r.skipped += pre.skipped;
        r.errors = pre.errors + r.errors;
        return r;
    };
    if (int(plan.size()) <= kInlineFiles) {
        finish(merged(writePlan(plan, settings, nullptr)));
        return true;
    }
    job_->disconnect(this);
    connect(job_, &JobRunner::finished, this, [this, merged] {
        finish(merged(std::any_cast<ExportReport>(job_->result())));
    });
    return job_->start([plan, settings](JobContext& job) {
        return JobOutcome{QString(), writePlan(plan, settings, &job)};
    });
}

QString LoopExporter::summary(const ExportReport& r)
{
    const int n = int(r.files.size());
    QString text = r.cancelled && n == 0
        ? tr("Export cancelled")
        : (n == 1 ? tr("Exported 1 loop to %1") : tr("Exported %1 loops to %2").arg(n))
              .arg(QDir::toNativeSeparators(r.folder));
    if (r.cancelled && n > 0)
        text += tr(" (cancelled)");
    if (r.skipped)
        text += r.skipped == 1 ? tr("; 1 existing file kept") : tr("; %1 existing files kept").arg(r.skipped);
    if (!r.errors.isEmpty())
        text += tr("; %1 failed: %2").arg(r.errors.size()).arg(r.errors.first());
    return text;
}

void LoopExporter::finish(ExportReport report)
{
    report_ = std::move(report);
    Q_EMIT finished(summary(report_));
}

} // namespace lm::ui
