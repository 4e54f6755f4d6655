#pragma once
// The open library as the window sees it: it owns the database connection of
// the GUI thread and the long jobs that change the library (import, scoring,
// tempo re-analysis), each on its own JobRunner, and announces what changed.
// Panels listen to its signals instead of being reloaded by the window.
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"

#include <QObject>

class QAction;
#include <QStringList>
#include <memory>
#include <optional>

namespace lm::ui {

class JobRunner;

class LibrarySession : public QObject {
    Q_OBJECT
public:
    explicit LibrarySession(QObject* parent = nullptr);
    ~LibrarySession() override; // cancels and joins every job

    // Opens (creating if needed) the library file; the error, or "" when open.
    QString open(const QString& path);
    LibraryDb* db() const { return db_.get(); }
    QString path() const;

    // The model whose detector scores the library (empty: none).
    void setModelDir(const QString& dir) { modelDir_ = dir; }
    const QString& modelDir() const { return modelDir_; }

    // Imports folders or files; paths that do not exist are named in
    // importRefused. False when nothing was started.
    bool importPaths(const QStringList& paths);
    // Whether imports count the keys part in the bar correlation (QSettings
    // "analysis/keysInCorrelation", off: the method's drums + bass). It applies
    // to the files an import reads from then on.
    static bool keysInCorrelation();
    static void setKeysInCorrelation(bool on);
    // A checkable menu action for that setting, owned by `parent`.
    static QAction* keysInCorrelationAction(QObject* parent);
    const ImportSummary& lastImport() const { return lastImport_; }
    // Scores every window with the model's detector, as a job.
    bool scoreLibrary();
    // Stores an audio piece's tempo (none: back to the estimate) and analyses
    // it again as a job; then scores its new windows.
    void applyTempo(const QString& path, std::optional<double> bpm, std::optional<double> downbeat);

    JobRunner* importJob() const { return import_; }
    JobRunner* scoreJob() const { return score_; }
    JobRunner* tempoJob() const { return tempo_; }
    bool busy() const;
    void cancelAll();
    void waitAll(); // for closing: after cancelAll, until every job has stopped

Q_SIGNALS:
    void opened();           // another library (or the first) is open
    void contentChanged();   // files or windows changed
    void scoresChanged();    // loop scores were stored
    void importFinished(bool ok, const QString& error);
    void importRefused(const QString& message);
    void tempoApplied(const QString& path, const QString& error);
    void libraryScored(const QString& error);

private:
    std::unique_ptr<LibraryDb> db_;
    QString modelDir_;
    JobRunner* import_;
    JobRunner* score_;
    JobRunner* tempo_;
    ImportSummary lastImport_;
    bool scoreAgain_ = false; // scoring was asked for while a pass ran
};

} // namespace lm::ui
