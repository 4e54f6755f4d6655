// ml::scoreLibrary and the command line's `score`, on a real library imported
// from fixture MIDI files and a real (tiny) trained detector. What the library
// holds afterwards is read with plain SQL and checked against what the detector
// gives for each window's correlation, computed again from the MIDI file itself.
#include "../core/Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/io/MidiReader.h"
#include "core/library/Scoring.h"
#include "core/ml/LoopDetector.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

using namespace lm;
using namespace lm::ml;

namespace {

struct SqlWindow {
    std::string path;
    int64_t startBar = 0;
    bool kept = false;
    std::optional<double> score;
};

// What the library file holds, read with SQL, not through LibraryDb.
struct SqlLibrary {
    std::vector<SqlWindow> windows;
    std::map<std::string, std::optional<double>> bestScore; // files.best_score by path
    std::map<std::string, std::string> meta;
    bool ok = false;
};

std::optional<double> columnReal(sqlite3_stmt* st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(st, i);
}

SqlLibrary readLibrary(const QString& path)
{
    SqlLibrary out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return out;
    }
    auto each = [&](const char* sql, auto&& row) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return false;
        while (sqlite3_step(st) == SQLITE_ROW)
            row(st);
        sqlite3_finalize(st);
        return true;
    };
    auto text = [](sqlite3_stmt* st, int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
    out.ok = each("SELECT f.path, w.start_bar, w.kept, w.loop_score FROM windows w JOIN files f ON f.id = w.file_id",
                  [&](sqlite3_stmt* st) {
                      out.windows.push_back({text(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int(st, 2) != 0,
                                             columnReal(st, 3)});
                  })
             && each("SELECT path, best_score FROM files", [&](sqlite3_stmt* st) { out.bestScore[text(st, 0)] = columnReal(st, 1); })
             && each("SELECT key, value FROM meta", [&](sqlite3_stmt* st) { out.meta[text(st, 0)] = text(st, 1); });
    sqlite3_close(db);
    return out;
}

// The detector is a float32 network: a window scored in a batch of the whole
// library and on its own may differ in the last bits (1.1e-6 relative seen once
// the fixture's 3/4 grooves added their windows to the batch, method.md 10.2).
bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-5 * std::max(std::abs(b), 1e-6);
}

} // namespace

class TestScoreLibrary : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString music_, modelDir_;
    std::optional<LoopDetector> detector_;
    // Each window of each fixture file, from the file: (path, start bar) -> correlation, kept.
    std::map<std::pair<std::string, int64_t>, WindowInfo> fromFiles_;

    QString importFresh(const QString& name)
    {
        const QString path = tmp_.filePath(name);
        auto db = LibraryDb::open(path.toStdString());
        if (!db)
            return {};
        JobContext job;
        ImportOptions io;
        io.roots = {music_.toStdString()};
        io.threads = 1;
        auto r = importLibrary(**db, io, job);
        return r && r->read > 0 ? path : QString();
    }

    // The stored scores are what the detector computes for each window's correlation
    // (one window at a time, from the file's own analysis); best_score is the lowest
    // over a file's kept windows (NULL with none); `model` is recorded.
    void checkScored(const QString& libPath, const std::string& model)
    {
        const SqlLibrary lib = readLibrary(libPath);
        QVERIFY(lib.ok);
        QCOMPARE(lib.windows.size(), fromFiles_.size());
        std::map<std::string, double> best;
        for (const SqlWindow& w : lib.windows) {
            const auto it = fromFiles_.find({w.path, w.startBar});
            QVERIFY2(it != fromFiles_.end(), w.path.c_str());
            QCOMPARE(w.kept, it->second.kept);
            QVERIFY2(w.score.has_value(), qPrintable(QString("%1 bar %2 has no score").arg(w.path.c_str()).arg(w.startBar)));
            const double want = detector_->score({it->second.correlation}).at(0);
            QVERIFY2(close(*w.score, want), qPrintable(QString("%1 bar %2: stored %3, detector %4")
                                                           .arg(w.path.c_str()).arg(w.startBar).arg(*w.score, 0, 'g', 17)
                                                           .arg(want, 0, 'g', 17)));
            if (w.kept) {
                auto [b, fresh] = best.emplace(w.path, want);
                if (!fresh)
                    b->second = std::min(b->second, want);
            }
        }
        QVERIFY(!best.empty());
        int withoutKept = 0;
        for (const auto& [path, stored] : lib.bestScore) {
            const auto b = best.find(path);
            if (b == best.end()) {
                ++withoutKept;
                QVERIFY2(!stored.has_value(), path.c_str());
            } else {
                QVERIFY2(stored.has_value(), path.c_str());
                QVERIFY2(close(*stored, b->second), path.c_str());
            }
        }
        QVERIFY2(withoutKept > 0, "the fixture should have files without kept windows");
        QCOMPARE(lib.meta.count("loop_model"), size_t(1));
        QCOMPARE(QString::fromStdString(lib.meta.at("loop_model")), QString::fromStdString(model));
        QCOMPARE(std::stod(lib.meta.at("loop_threshold")), detector_->threshold());
    }

    int runCli(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr)
    {
        QProcess p;
        p.start(LM_CLI, args);
        if (!p.waitForFinished(120000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        music_ = tmp_.filePath("music");
        std::filesystem::create_directories(music_.toStdString());
        // Grooves, some in 3/4, one without bass, one cut in half: files with kept
        // windows and files with none.
        test::writeCollection(music_.toStdString(), 16, 21);
        for (const auto& e : std::filesystem::directory_iterator(music_.toStdString())) {
            auto midi = readMidiFile(e.path().string());
            if (!midi)
                continue;
            for (const WindowInfo& w : computeWindows(analysePiece(*midi)))
                fromFiles_[{e.path().string(), w.startBar}] = w;
        }
        QVERIFY(fromFiles_.size() > 50);
        qInfo("%zu windows in the fixture files", fromFiles_.size());

        // A tiny detector trained on the kept windows.
        const QString lib = importFresh("train.sqlite");
        QVERIFY(!lib.isEmpty());
        auto db = LibraryDb::open(lib.toStdString());
        QVERIFY(db.ok());
        std::vector<WindowCorrelation> kept;
        for (const WindowRecord& r : (*db)->windowRecords(true))
            kept.push_back(r.correlation);
        QVERIFY(kept.size() > 20);
        modelDir_ = tmp_.filePath("model");
        TrainOptions o;
        o.dir = modelDir_.toStdString();
        o.seed = 5;
        o.threads = 1;
        DetectorSettings s;
        s.autoencoderEpochs = 6;
        s.svddEpochs = 6;
        JobContext job;
        auto d = trainDetector(kept, s, o, job);
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().toString().c_str());
        detector_ = *d;
        QVERIFY(QFileInfo::exists(modelDir_ + "/" + LoopDetector::kFileName));
        // A detector that gave every window the same score would make the checks weak.
        const std::vector<double> scores = detector_->score(kept);
        QVERIFY(*std::min_element(scores.begin(), scores.end()) < *std::max_element(scores.begin(), scores.end()));
    }

    void scoreLibraryStoresTheDetectorsScores()
    {
        const QString libPath = importFresh("lib.sqlite");
        QVERIFY(!libPath.isEmpty());
        {
            const SqlLibrary before = readLibrary(libPath);
            QVERIFY(before.ok);
            for (const SqlWindow& w : before.windows)
                QVERIFY(!w.score.has_value());
            QCOMPARE(before.meta.count("loop_model"), size_t(0));
        }
        LibraryScoring r;
        {
            auto db = LibraryDb::open(libPath.toStdString());
            QVERIFY(db.ok());
            auto scored = scoreLibrary(**db, *detector_, "tiny detector");
            QVERIFY2(scored.ok(), scored.ok() ? "" : scored.error().toString().c_str());
            r = *scored;
        } // closed: what follows reads the file
        checkScored(libPath, "tiny detector");
        if (QTest::currentTestFailed())
            return;
        // The counts it returns are those of the stored scores.
        const SqlLibrary lib = readLibrary(libPath);
        int64_t under = 0;
        for (const SqlWindow& w : lib.windows)
            under += *w.score < detector_->threshold();
        QCOMPARE(r.windows, int64_t(lib.windows.size()));
        QCOMPARE(r.underThreshold, under);
        QVERIFY(under > 0 && under < r.windows);
    }

    // A library whose windows cannot be read is an error, and no threshold is stored.
    void anUnreadableLibraryIsAnError()
    {
        const QString libPath = importFresh("broken.sqlite");
        QVERIFY(!libPath.isEmpty());
        auto db = LibraryDb::open(libPath.toStdString());
        QVERIFY(db.ok());
        { // the library changes under the open connection (another program, a damaged copy)
            sqlite3* raw = nullptr;
            QCOMPARE(sqlite3_open(libPath.toUtf8().constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw, "ALTER TABLE windows RENAME COLUMN correlation TO gone", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        auto scored = scoreLibrary(**db, *detector_, "tiny detector");
        QVERIFY(!scored.ok());
        QVERIFY2(QString::fromStdString(scored.error().toString()).contains("broken.sqlite"),
                 scored.error().toString().c_str());
        QVERIFY(!(*db)->loopThreshold().has_value());
    }

    // Scoring reports the windows scored; a cancelled pass stores nothing.
    void scoringReportsAndACancelStoresNothing()
    {
        const QString libPath = importFresh("cancel.sqlite");
        QVERIFY(!libPath.isEmpty());
        auto db = LibraryDb::open(libPath.toStdString());
        QVERIFY(db.ok());
        JobContext stop;
        stop.cancel();
        auto cut = scoreLibrary(**db, *detector_, "tiny detector", &stop);
        QVERIFY(!cut.ok());
        QVERIFY(QString::fromStdString(cut.error().message).contains("cancelled"));
        QVERIFY(!(*db)->loopThreshold().has_value());
        JobProgress last;
        JobContext job([&last](const JobProgress& p) { last = p; });
        auto scored = scoreLibrary(**db, *detector_, "tiny detector", &job);
        QVERIFY(scored.ok());
        QCOMPARE(last.done, scored->windows);
        QCOMPARE(last.total, scored->windows);
    }

    void cliScoreCommand()
    {
        const QString libPath = importFresh("cli.sqlite");
        QVERIFY(!libPath.isEmpty());
        QByteArray out, err;
        QCOMPARE(runCli({"score", "--db", libPath, "--model", modelDir_}, &out, &err), 0);
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o["model"].toString(), modelDir_);
        QCOMPARE(o["threshold"].toDouble(), detector_->threshold());
        QCOMPARE(o["windows_scored"].toInteger(), qint64(fromFiles_.size()));
        checkScored(libPath, modelDir_.toStdString());
        if (QTest::currentTestFailed())
            return;

        // A missing model: 1, named, and the library keeps the scores it had.
        const QString noModel = tmp_.filePath("no-such-model");
        QCOMPARE(runCli({"score", "--db", libPath, "--model", noModel}, &out, &err), 1);
        QVERIFY2(err.contains(noModel.toUtf8()), err.constData());
        checkScored(libPath, modelDir_.toStdString());
        if (QTest::currentTestFailed())
            return;

        // A library in a folder that does not exist: 1, named.
        const QString noFolder = tmp_.filePath("no-such-folder/lib.sqlite");
        QCOMPARE(runCli({"score", "--db", noFolder, "--model", modelDir_}, &out, &err), 1);
        QVERIFY2(err.contains(noFolder.toUtf8()), err.constData());

        // No --model at all is a usage error (2).
        QCOMPARE(runCli({"score", "--db", libPath}, &out, &err), 2);
        QVERIFY2(err.contains("--model"), err.constData());

        // A library file that does not exist, in a folder that does: 1, named, and
        // nothing made there.
        const QString noLib = tmp_.filePath("no-such-library.sqlite");
        const int code = runCli({"score", "--db", noLib, "--model", modelDir_}, &out, &err);
        const bool made = QFileInfo::exists(noLib);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(noLib.toUtf8()), err.constData());
        QVERIFY(!made);
    }
};

QTEST_GUILESS_MAIN(TestScoreLibrary)
#include "test_score_library.moc"
