#include "LibrarySession.h"

#include "jobs/JobRunner.h"

#include "core/library/Models.h"

#include <QAction>
#include <QFileInfo>
#include <QSettings>

namespace lm::ui {

namespace {
QString text(const Error& e) { return QString::fromStdString(e.toString()); }
} // namespace

LibrarySession::LibrarySession(QObject* parent) : QObject(parent)
{
    import_ = new JobRunner(tr("Importing"), this);
    score_ = new JobRunner(tr("Scoring loops"), this);
    tempo_ = new JobRunner(tr("Analysing again"), this);
}

LibrarySession::~LibrarySession()
{
    cancelAll();
    waitAll();
}

QString LibrarySession::path() const { return db_ ? QString::fromStdString(db_->path()) : QString(); }

bool LibrarySession::busy() const { return import_->running() || score_->running() || tempo_->running(); }

void LibrarySession::cancelAll()
{
    for (JobRunner* r : {import_, score_, tempo_})
        r->cancel();
}

void LibrarySession::waitAll()
{
    for (JobRunner* r : {import_, score_, tempo_})
        r->wait();
}

QString LibrarySession::open(const QString& file)
{
    if (busy())
        return tr("Wait for the running job to finish (or cancel it) before opening another library.");
    auto db = LibraryDb::open(file.toStdString());
    if (!db)
        return text(db.error());
    db_ = std::move(*db);
    Q_EMIT opened();
    return {};
}

bool LibrarySession::keysInCorrelation() { return QSettings().value(QStringLiteral("analysis/keysInCorrelation"), false).toBool(); }

void LibrarySession::setKeysInCorrelation(bool on) { QSettings().setValue(QStringLiteral("analysis/keysInCorrelation"), on); }

QAction* LibrarySession::keysInCorrelationAction(QObject* parent)
{
    auto* keys = new QAction(tr("Count the &Keys in the Bar Correlation"), parent);
    keys->setObjectName(QStringLiteral("keysInCorrelation"));
    keys->setCheckable(true);
    keys->setChecked(keysInCorrelation());
    keys->setToolTip(tr("Files imported from now on count the keys part's cells in their bar correlations"));
    connect(keys, &QAction::toggled, keys, [](bool on) { setKeysInCorrelation(on); });
    return keys;
}

bool LibrarySession::importPaths(const QStringList& requested)
{
    if (!db_ || import_->running() || requested.isEmpty())
        return false;
    QStringList missing;
    ImportOptions options;
    options.keysInCorrelation = keysInCorrelation();
    for (const QString& p : requested) {
        if (QFileInfo::exists(p))
            options.roots.push_back(p.toStdString());
        else
            missing << p;
    }
    if (!missing.isEmpty())
        Q_EMIT importRefused(tr("Cannot import %1: no such file or folder.").arg(missing.join(QStringLiteral(", "))));
    if (options.roots.empty())
        return false;
    const std::string lib = db_->path();
    import_->disconnect(this);
    connect(import_, &JobRunner::finished, this, [this](bool ok, const QString& error) {
        lastImport_ = import_->result().has_value() ? std::any_cast<ImportSummary>(import_->result()) : ImportSummary{};
        Q_EMIT contentChanged();
        // Score again only when there is something new: windows read in this
        // import, or scores from another model.
        if (ok && !modelDir_.isEmpty()
            && (lastImport_.read > 0 || db_->loopModel() != std::optional<std::string>(modelDir_.toStdString())))
            scoreLibrary();
        Q_EMIT importFinished(ok, error);
    });
    return import_->start([lib, options](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib); // the worker's own connection
        if (!db)
            return {text(db.error()), {}};
        auto r = importLibrary(**db, options, job);
        if (!r)
            return {text(r.error()), {}};
        return {QString(), *r};
    });
}

bool LibrarySession::scoreLibrary()
{
    if (!db_ || modelDir_.isEmpty())
        return false;
    if (score_->running()) {
        scoreAgain_ = true; // the pass under way may miss new windows
        return true;
    }
    const std::string lib = db_->path(), dir = modelDir_.toStdString();
    score_->disconnect(this);
    connect(score_, &JobRunner::finished, this, [this](bool, const QString& error) {
        Q_EMIT scoresChanged();
        Q_EMIT libraryScored(error);
        if (scoreAgain_) {
            scoreAgain_ = false;
            scoreLibrary();
        }
    });
    return score_->start([lib, dir](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib);
        if (!db)
            return {text(db.error()), {}};
        auto r = models().scoreLibrary(**db, dir, job);
        if (!r)
            return {text(r.error()), {}};
        return {QString(), *r};
    });
}

void LibrarySession::applyTempo(const QString& file, std::optional<double> bpm, std::optional<double> downbeat)
{
    if (!db_)
        return;
    const std::string path = file.toStdString();
    auto stored = bpm || downbeat ? db_->setTempoSetting(path, TempoSetting{bpm, downbeat}) : db_->clearTempoSetting(path);
    if (!stored || tempo_->running()) {
        Q_EMIT tempoApplied(file, stored ? tr("%1 is still being analysed").arg(file) : text(stored.error()));
        return;
    }
    const std::string lib = db_->path();
    tempo_->disconnect(this);
    connect(tempo_, &JobRunner::finished, this, [this, file](bool ok, const QString& error) {
        Q_EMIT contentChanged();
        if (ok) // the piece's windows are new rows: score them
            scoreLibrary();
        Q_EMIT tempoApplied(file, error);
    });
    tempo_->start([lib, path](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib);
        auto r = db ? reanalyseFile(**db, path, {}, &job) : Result<ImportedFile>(db.error());
        return {r ? QString() : text(r.error()), {}};
    });
}

} // namespace lm::ui
