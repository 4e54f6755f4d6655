// The latent space of the VQ-VAE (method.md 10): spherical interpolation,
// a walk from loop A to loop B with the bundled default model (step 0 is A's
// reconstruction, the last step B's, and the walk moves away from A), and
// the CLI's interpolate command writing the steps as MIDI files.
#include "../core/CliRun.h"
#include "../core/Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/base/FileBytes.h"
#include "core/library/LatentLoops.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/LibraryMap.h"
#include "core/library/LoopEmbeddings.h"
#include "core/library/LoopRolls.h"
#include "core/library/Novelty.h"
#include "core/ml/LatentInterpolation.h"
#include "core/ml/TorchInfo.h"
#include "core/model/LoopFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace lm;
using namespace lm::ml;

class TestLatent : public QObject {
    Q_OBJECT
    const std::string dir_ = LM_DEFAULT_MODEL;
    QTemporaryDir tmp_;

    // Grooves of the demo library (bench/make_corpus: writeCollection(..., 24, 7)), which
    // the default model learnt: groove i of it is makeGroove(7 * 100003 + i).
    static uint32_t demoSeed(uint32_t i) { return 7u * 100003u + i; }

    QString writeGroove(uint32_t seed)
    {
        const QString path = tmp_.filePath(QString("groove_%1.mid").arg(seed));
        if (!writeMidiFile(path.toStdString(), test::makeGroove(seed)).ok())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() { setTorchThreads(2); }

    void slerpFollowsTheArc()
    {
        const float a[2] = {1, 0}, b[2] = {0, 1};
        QCOMPARE(slerp(a, b, 2, 0.0), (std::vector<float>{1, 0}));
        const std::vector<float> end = slerp(a, b, 2, 1.0);
        QVERIFY(std::abs(end[0]) < 1e-6f && std::abs(end[1] - 1) < 1e-6f);
        // Half-way between two orthogonal unit vectors: on the circle (length 1),
        // where a straight line would pass at length 0.707.
        const std::vector<float> mid = slerp(a, b, 2, 0.5);
        QVERIFY2(std::abs(std::hypot(mid[0], mid[1]) - 1.0) < 1e-6, qPrintable(QString::number(mid[0])));
        QVERIFY(std::abs(mid[0] - mid[1]) < 1e-6f);
        // Parallel vectors: a straight line between the two lengths.
        const float c[2] = {2, 0}, d[2] = {4, 0};
        QCOMPARE(slerp(c, d, 2, 0.5), (std::vector<float>{3, 0}));
    }

    void walkGoesFromAToBWithTheDefaultModel()
    {
        auto vqvae = VqVae::load(dir_);
        auto detector = LoopDetector::load(dir_);
        QVERIFY(vqvae.ok() && detector.ok());
        for (auto [sa, sb] : {std::pair{demoSeed(0), demoSeed(2)}, std::pair{demoSeed(3), demoSeed(9)}}) {
            auto a = readLoopRoll(writeGroove(sa).toStdString());
            auto b = readLoopRoll(writeGroove(sb).toStdString());
            QVERIFY2(a.ok() && b.ok(), a.ok() ? b.error().toString().c_str() : a.error().toString().c_str());
            const auto steps = interpolateLoops(*vqvae, *detector, *a, *b, 8);
            QCOMPARE(steps.size(), size_t(8));
            QCOMPARE(steps.front().roll, reconstruct(*vqvae, *a));
            QCOMPARE(steps.back().roll, reconstruct(*vqvae, *b));
            QCOMPARE(steps.front().t, 0.0);
            QCOMPARE(steps.back().t, 1.0);
            QString trace;
            for (size_t i = 0; i < steps.size(); ++i) {
                trace += QString(" %1/%2").arg(steps[i].fromA, 0, 'f', 4).arg(steps[i].fromB, 0, 'f', 4);
                QCOMPARE(steps[i].fromA, differingFraction(steps[i].roll, *a));
                QVERIFY(steps[i].loopScore >= 0);
            }
            qInfo("differs from A / from B per step:%s", qPrintable(trace));
            // Away from A (not necessarily strictly), towards B. A decoded step may differ
            // from both ends by a few cells more than the next one does (seen: 2 cells,
            // 0.03 %, one step past the middle), so a fall of at most 8 cells (0.11 %) is allowed.
            const double cell = 1.0 / double(format::kRows * format::kWindowSteps);
            for (size_t i = 1; i < steps.size(); ++i) {
                QVERIFY2(steps[i].fromA >= steps[i - 1].fromA - 8 * cell, qPrintable(trace));
                QVERIFY2(steps[i].fromB <= steps[i - 1].fromB + 8 * cell, qPrintable(trace));
            }
            QVERIFY2(steps[steps.size() / 2].fromA > steps.front().fromA || steps[steps.size() / 2 - 1].fromA > steps.front().fromA,
                     qPrintable(trace));
            QVERIFY(steps.back().fromA > steps.front().fromA);
            QVERIFY(steps.back().fromB < steps.front().fromB);
        }
    }

    void commandLineWritesEveryStep()
    {
        const QString a = writeGroove(demoSeed(0)), b = writeGroove(demoSeed(2)), out = tmp_.filePath("walk");
        const test::CliRun r = test::runCli({"interpolate", "--model", QString::fromStdString(dir_), a, b, "--steps", "6",
                                             "--out", out});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray steps = o["steps"].toArray();
        QCOMPARE(steps.size(), 6);
        auto vqvae = VqVae::load(dir_);
        QVERIFY(vqvae.ok());
        for (int i = 0; i < 6; ++i) {
            const QJsonObject s = steps[i].toObject();
            const QString file = QString("%1/step_%2.mid").arg(out).arg(i, 2, 10, QChar('0'));
            QCOMPARE(s["file"].toString(), file);
            QVERIFY(s.contains("loop_score") && s.contains("differs_from_a") && s.contains("differs_from_b"));
            QVERIFY(s["differs_from_a"].toDouble() >= 0 && s["differs_from_a"].toDouble() <= 1);
            auto back = readLoopRoll(file.toStdString());
            QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
            if (i == 0)
                QCOMPARE(*back, reconstruct(*vqvae, *readLoopRoll(a.toStdString())));
            if (i == 5)
                QCOMPARE(*back, reconstruct(*vqvae, *readLoopRoll(b.toStdString())));
        }
        QCOMPARE(steps[0].toObject()["differs_from_a"].toDouble() < steps[5].toObject()["differs_from_a"].toDouble(), true);
        QVERIFY(QFile::exists(out + "/interpolation.json"));
        // The steps are never written over without --overwrite.
        const QByteArray before = [&] { QFile f(out + "/step_00.mid"); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        const test::CliRun again = test::runCli({"interpolate", "--model", QString::fromStdString(dir_), b, a, "--out", out});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains("step_00.mid") && again.err.contains("exists"), again.err.constData());
        QFile f(out + "/step_00.mid");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        // Bad usage: a step count out of range, one file only.
        QCOMPARE(test::runCli({"interpolate", a, b, "--steps", "1", "--out", out}).code, 2);
        QCOMPARE(test::runCli({"interpolate", a, "--out", out}).code, 2);
        const test::CliRun missing = test::runCli({"interpolate", a, tmp_.filePath("nope.mid"), "--out", tmp_.filePath("x")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("nope.mid"));
    }

    // A library of grooves in which one file is there twice: the loops of the
    // copy are the nearest of the original's, at distance 0.
    void similarFindsTheDuplicateFirst()
    {
        const QString music = tmp_.filePath("dup");
        QDir().mkpath(music);
        for (uint32_t seed : {21u, 22u, 23u})
            QVERIFY(writeMidiFile((music + QString("/groove_%1.mid").arg(seed)).toStdString(), test::makeGroove(seed)).ok());
        QVERIFY(QFile::copy(music + "/groove_22.mid", music + "/copy_of_22.mid"));
        const QString lib = tmp_.filePath("dup.sqlite");
        QCOMPARE(test::runCli({"scan", music, "--db", lib, "--quiet"}).code, 0);
        // A window of groove_22 whose roll no other window has but the same bar of the copy
        // (a groove repeats, so many windows of a file can be the same loop).
        int64_t original = 0, copy = 0;
        {
            auto db = LibraryDb::open(lib.toStdString());
            QVERIFY(db.ok());
            std::map<std::vector<uint64_t>, std::vector<WindowRecord>> byRoll;
            for (const WindowRecord& w : (*db)->windowRecords()) {
                auto roll = loopRoll(**db, LoopId{LoopId::Source::Mined, w.id});
                QVERIFY(roll.ok());
                byRoll[roll->steps].push_back(w);
            }
            for (const auto& [roll, windows] : byRoll)
                if (windows.size() == 2 && windows[0].startBar == windows[1].startBar && original == 0) {
                    const bool firstIsCopy = windows[0].path.find("copy_of_22") != std::string::npos;
                    original = firstIsCopy ? windows[1].id : windows[0].id;
                    copy = firstIsCopy ? windows[0].id : windows[1].id;
                }
        }
        QVERIFY(original > 0 && copy > 0);
        const test::CliRun r = test::runCli({"similar", "--db", lib, "--id", QString("m%1").arg(original), "-k", "5",
                                             "--model", QString::fromStdString(dir_)});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray hits = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hits.size(), 5);
        QCOMPARE(hits[0].toObject()["id"].toString(), QString("m%1").arg(copy));
        QCOMPARE(hits[0].toObject()["distance"].toDouble(-1), 0.0);
        for (int i = 0; i < hits.size(); ++i) {
            QVERIFY(hits[i].toObject()["id"].toString() != QString("m%1").arg(original)); // itself left out
            if (i > 0)
                QVERIFY(hits[i].toObject()["distance"].toDouble() >= hits[i - 1].toObject()["distance"].toDouble());
        }
        QVERIFY2(r.err.contains("encoded"), r.err.constData());
        // The codes are in the library now: a second query encodes nothing.
        const test::CliRun again = test::runCli({"similar", "--db", lib, "--id", QString("m%1").arg(copy), "--model",
                                                 QString::fromStdString(dir_)});
        QCOMPARE(again.code, 0);
        QVERIFY2(!again.err.contains("encoded"), again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out).array()[0].toObject()["id"].toString(), QString("m%1").arg(original));
        // Bad ids: a usage error for a malformed one, a named failure for one not there.
        QCOMPARE(test::runCli({"similar", "--db", lib, "--id", "x1"}).code, 2);
        const test::CliRun none = test::runCli({"similar", "--db", lib, "--id", "m999999", "--model", QString::fromStdString(dir_)});
        QCOMPARE(none.code, 1);
        QVERIFY2(none.err.contains("m999999"), none.err.constData());
    }

    // The distance is that of the quantised latents, and the codes follow the model and the library.
    void embeddingsFollowTheModelAndTheLibrary()
    {
        const QString music = tmp_.filePath("follow");
        QDir().mkpath(music);
        QVERIFY(writeMidiFile((music + "/a.mid").toStdString(), test::makeGroove(31)).ok());
        const QString model = tmp_.filePath("model");
        QDir().mkpath(model);
        for (const QString& f : QDir(QString::fromStdString(dir_)).entryList({"*.lmm"}, QDir::Files))
            QVERIFY(QFile::copy(QString::fromStdString(dir_) + "/" + f, model + "/" + f));
        auto db = LibraryDb::open(tmp_.filePath("follow.sqlite").toStdString());
        QVERIFY(db.ok());
        JobContext job;
        ImportOptions o;
        o.roots = {music.toStdString()};
        QVERIFY(importLibrary(**db, o, job).ok());
        auto first = refreshEmbeddings(**db, model.toStdString());
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().toString().c_str());
        const int64_t n = int64_t(first->size());
        QVERIFY(n > 2);
        QCOMPARE(first->encoded, n);
        QVERIFY(!storedEmbeddings(**db, tmp_.filePath("nowhere").toStdString()));
        QCOMPARE(int64_t(storedEmbeddings(**db, model.toStdString())->size()), n);
        // The codes are the VQ-VAE's, and the distance is that of their codebook vectors.
        auto vqvae = VqVae::load(model.toStdString());
        const LoopSet set = loadLoopSet(**db);
        const auto codes = vqvae->encode({set.rolls[0], set.rolls[1]});
        const auto row0 = first->rowOf(LoopId{LoopId::Source::Mined, set.windows[0].id});
        const auto row1 = first->rowOf(LoopId{LoopId::Source::Mined, set.windows[1].id});
        QVERIFY(row0 && row1);
        for (int t = 0; t < kLatentSteps; ++t)
            QCOMPARE(int(first->codes[*row0 * kLoopCodes + size_t(t)]), codes[0][size_t(t)]);
        const std::vector<float> book = vqvae->codebook();
        double sum = 0;
        for (int t = 0; t < kLatentSteps; ++t)
            for (int d = 0; d < kLatentDim; ++d) {
                const double x = book[size_t(codes[0][size_t(t)] * kLatentDim + d)] - book[size_t(codes[1][size_t(t)] * kLatentDim + d)];
                sum += x * x;
            }
        const LatentIndex index(first->space);
        QVERIFY(std::abs(index.distance(first->codes.data() + *row0 * kLoopCodes, first->codes.data() + *row1 * kLoopCodes)
                         - std::sqrt(sum)) < 1e-4 * (1 + std::sqrt(sum)));
        // Nothing new: nothing encoded. A new file: only its loops.
        QCOMPARE(refreshEmbeddings(**db, model.toStdString())->encoded, int64_t(0));
        QVERIFY(writeMidiFile((music + "/b.mid").toStdString(), test::makeGroove(32)).ok());
        QVERIFY(importLibrary(**db, o, job).ok());
        auto more = refreshEmbeddings(**db, model.toStdString());
        QVERIFY(more.ok());
        QVERIFY(more->encoded > 0 && more->encoded == int64_t(more->size()) - n);
        // Another VQ-VAE in the model's folder: everything is encoded again.
        QVERIFY(QFile::remove(model + "/vqvae.lmm"));
        QVERIFY(!storedEmbeddings(**db, model.toStdString()));
        QVERIFY(QFile::copy(QString::fromStdString(dir_) + "/vqvae.lmm", model + "/vqvae.lmm"));
        QFile touched(model + "/vqvae.lmm");
        QVERIFY(touched.open(QIODevice::ReadWrite));
        QVERIFY(touched.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        touched.close();
        auto again = refreshEmbeddings(**db, model.toStdString());
        QVERIFY(again.ok());
        QCOMPARE(again->encoded, int64_t(again->size()));
    }

    // Novelty: a copy, a near copy and a new loop against a reference of two training rolls.
    void noveltyTellsCopiesFromNewLoops()
    {
        auto vqvae = VqVae::load(dir_);
        QVERIFY(vqvae.ok());
        auto a = readLoopRoll(writeGroove(demoSeed(0)).toStdString());
        auto b = readLoopRoll(writeGroove(demoSeed(2)).toStdString());
        QVERIFY(a.ok() && b.ok());
        LatentSpace space;
        space.codes = vqvae->settings().codes;
        space.dim = kLatentDim;
        space.codebook = vqvae->codebook();
        auto codesOf = [&](const Roll& r) {
            const CodeSequence c = vqvae->encode({r}).front();
            return std::vector<uint16_t>(c.begin(), c.end());
        };
        std::vector<uint16_t> codes = codesOf(*a);
        const std::vector<uint16_t> cb = codesOf(*b);
        codes.insert(codes.end(), cb.begin(), cb.end());
        const NoveltyReference ref(space, {*a, *b}, codes);
        const Novelty same = ref.measure(*b, cb.data());
        QCOMPARE(int(same.kind), int(NoveltyKind::Copy));
        QCOMPARE(same.cells, int64_t(0));
        QCOMPARE(same.nearestCells, int64_t(1));
        QCOMPARE(same.latent, 0.0);
        Roll near = *b;
        near[5] ^= uint64_t(1) << 2; // one cell more or less
        const Novelty one = ref.measure(near, codesOf(near).data());
        QCOMPARE(int(one.kind), int(NoveltyKind::NearCopy));
        QCOMPARE(one.cells, int64_t(1));
        Roll other(size_t(format::kWindowSteps), 0);
        for (int st = 0; st < format::kWindowSteps; st += 3)
            other[size_t(st)] = uint64_t(1) << (9 + st % 40);
        const Novelty fresh = ref.measure(other, codesOf(other).data());
        QCOMPARE(int(fresh.kind), int(NoveltyKind::New));
        QVERIFY(fresh.jaccard > kNearCopyJaccard && fresh.latent > 0);
        const NoveltySummary s = summarise({same, one, fresh});
        QCOMPARE(s.copies, int64_t(1));
        QCOMPARE(s.nearCopies, int64_t(1));
        QCOMPARE(s.copyShare(), 2.0 / 3.0);
    }

    // The map command: one point per loop of the library, for PCA and t-SNE; and
    // evaluate's novelty on the demo grooves the default model learnt.
    void mapAndEvaluateOnTheCommandLine()
    {
        const QString music = tmp_.filePath("mapmusic");
        QDir().mkpath(music);
        for (uint32_t i : {0u, 1u, 2u, 3u})
            QVERIFY(writeMidiFile((music + QString("/demo_%1.mid").arg(i)).toStdString(), test::makeGroove(demoSeed(i))).ok());
        const QString lib = tmp_.filePath("map.sqlite");
        QCOMPARE(test::runCli({"scan", music, "--db", lib, "--quiet"}).code, 0);
        int64_t loops = 0;
        {
            auto db = LibraryDb::open(lib.toStdString());
            loops = (*db)->countLoops(LoopQuery{});
        }
        QVERIFY(loops > 20);
        for (const QString method : {"pca", "tsne"}) {
            const QString out = tmp_.filePath("map_" + method + ".json");
            const test::CliRun r = test::runCli({"map", "--db", lib, "--out", out, "--method", method, "--model",
                                                 QString::fromStdString(dir_), "--quiet"});
            QVERIFY2(r.code == 0, r.err.constData());
            const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
            QCOMPARE(summary["loops"].toInt(), int(loops));
            QVERIFY(summary["trustworthiness_10"].toDouble() > 0.5);
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonArray points = QJsonDocument::fromJson(f.readAll()).object()["points"].toArray();
            QCOMPARE(points.size(), int(loops)); // one point per loop
            QSet<QString> ids;
            for (const auto& p : points) {
                ids.insert(p.toObject()["id"].toString());
                QVERIFY(std::isfinite(p.toObject()["x"].toDouble()) && std::isfinite(p.toObject()["y"].toDouble()));
                QCOMPARE(p.toObject()["source"].toString(), QString("mined"));
            }
            QCOMPARE(ids.size(), int(loops));
            // The map is never written over without --overwrite.
            QCOMPARE(test::runCli({"map", "--db", lib, "--out", out, "--model", QString::fromStdString(dir_)}).code, 1);
        }
        QCOMPARE(test::runCli({"map", "--db", lib, "--out", tmp_.filePath("m.json"), "--method", "umap"}).code, 2);

        const test::CliRun ev = test::runCli({"evaluate", "--model", QString::fromStdString(dir_), "--db", lib, "-n", "12",
                                              "--repeats", "1", "--quiet"}, {}, 300000);
        QVERIFY2(ev.code == 0, ev.err.constData());
        const QJsonObject novelty = QJsonDocument::fromJson(ev.out).object()["novelty"].toObject();
        qInfo("evaluate novelty: %s", QJsonDocument(novelty).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(novelty["loops"].toInt(), 12);
        const int copies = novelty["exact_copies"].toInt(-1), near = novelty["near_copies"].toInt(-1);
        QVERIFY(copies >= 0 && near >= 0 && copies + near <= 12);
        QCOMPARE(novelty["copy_share"].toDouble(), (copies + near) / 12.0);
    }
};

QTEST_GUILESS_MAIN(TestLatent)
#include "test_latent.moc"
