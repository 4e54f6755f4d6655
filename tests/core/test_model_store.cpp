// The model store (core/library/ModelStore) on real folders: the bundled
// model always first and protected, rename / delete / activate with the
// active model falling back to the bundled one, unique new names, model.json
// merged atomically, metrics read from model headers and model.json, a
// checkpoint without a finished file offered for resume; and the CLI's
// `models list` / `models activate NAME` on the same folders.
#include "CliRun.h"

#include "core/library/ModelStore.h"
#include "core/ml/ModelFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using lm::ModelInfo;
using lm::ModelStore;

namespace {

// A model file with this header and a few payload bytes (the store reads only headers).
void writeModel(const QString& path, const QJsonObject& header)
{
    lm::ml::ModelFile f;
    f.header = header;
    f.payload = {'x', 'y', 'z'};
    QVERIFY(lm::ml::writeModelFile(path.toStdString(), f).ok());
}

QJsonObject detectorHeader(double threshold)
{
    return {{"kind", "detector"}, {"threshold", threshold}, {"data", "abc-12"}, {"windows", 12},
            {"settings", QJsonObject{{"batch", 64}}}, {"history", QJsonArray{1, 2, 3}}};
}

std::vector<std::string> names(const std::vector<ModelInfo>& list)
{
    std::vector<std::string> out;
    for (const ModelInfo& m : list)
        out.push_back(m.name);
    return out;
}

} // namespace

class TestModelStore : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString bundled_, root_;

    ModelStore store() const { return ModelStore(root_.toStdString(), bundled_.toStdString()); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(tmp_.isValid());
        bundled_ = tmp_.filePath("share/models/default");
        root_ = tmp_.filePath("data/models");
        QDir(tmp_.path()).removeRecursively();
        QVERIFY(QDir().mkpath(bundled_));
        writeModel(bundled_ + "/detector.lmm", detectorHeader(0.25));
        QFile info(bundled_ + "/model.json");
        QVERIFY(info.open(QIODevice::WriteOnly));
        info.write(R"({"loops": 544, "parts": {"vqvae": {"perplexity": 243}}})");
    }

    void bundledIsListedFirstAndActiveWhenNothingIsSet()
    {
        const auto list = store().list(); // the root does not even exist yet
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].name, std::string("default"));
        QVERIFY(list[0].bundled && list[0].active);
        QCOMPARE(list[0].info["loops"].toInt(), 544);
        QCOMPARE(list[0].metric("detector", "threshold").value_or(-1), 0.25); // from the header
        QCOMPARE(list[0].metric("vqvae", "perplexity").value_or(-1), 243.0);  // from model.json
        QVERIFY(!list[0].info["parts"].toObject()["detector"].toObject().contains("history")); // not copied
        QCOMPARE(list[0].parts, std::vector<std::string>{"detector"});
        QCOMPARE(store().activeDir(), bundled_.toStdString());
    }

    void createMakesUniqueFoldersWithADate()
    {
        ModelStore s = store();
        const auto a = s.create("groove");
        const auto b = s.create("groove");
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(*a, std::string("groove"));
        QCOMPARE(*b, std::string("groove 2"));
        QVERIFY(QFileInfo(root_ + "/groove 2/model.json").isFile());
        QCOMPARE(names(s.list()), (std::vector<std::string>{"default", "groove", "groove 2"}));
        QVERIFY(s.find("groove")->info["created"].toString().startsWith("20"));
        QVERIFY(!s.create("default").ok());
        QVERIFY(!s.create("../up").ok());
        QVERIFY(!s.create(".hidden").ok());
    }

    void infoIsMergedAndPartsReadFromFiles()
    {
        ModelStore s = store();
        const std::string name = *s.create("m");
        QVERIFY(s.updateInfo(name, {{"loops", 40}, {"selection", "all mined loops"}}).ok());
        QVERIFY(s.updatePart(name, "vqvae", {{"hamming_error", 0.01}}).ok());
        QVERIFY(s.updatePart(name, "vqvae", {{"perplexity", 99.5}}).ok());
        writeModel(root_ + "/m/detector.lmm", detectorHeader(0.5));
        writeModel(root_ + "/m/vqvae.ckpt", {{"kind", "vqvae"}, {"epoch", 3}});
        const ModelInfo m = *s.find(name);
        QCOMPARE(m.info["loops"].toInt(), 40);
        QCOMPARE(m.info["selection"].toString(), QString("all mined loops"));
        QCOMPARE(m.metric("vqvae", "hamming_error").value_or(-1), 0.01);
        QCOMPARE(m.metric("vqvae", "perplexity").value_or(-1), 99.5);
        QCOMPARE(m.metric("detector", "threshold").value_or(-1), 0.5);
        QCOMPARE(m.parts, std::vector<std::string>{"detector"});
        QCOMPARE(m.pending, std::vector<std::string>{"vqvae"}); // a checkpoint, no finished file
        QVERIFY(m.resumable());
        QStringList left = QDir(root_ + "/m").entryList(QDir::Files);
        QVERIFY2(!left.join(",").contains("tmp"), qPrintable(left.join(","))); // atomic writes leave nothing
        // A plan not finished is pending before its first checkpoint too.
        QVERIFY(s.updateInfo(name, {{"plan", QJsonObject{{"parts", QJsonArray{"detector", "vqvae", "prior"}}}}}).ok());
        QCOMPARE(s.find(name)->pending, (std::vector<std::string>{"vqvae", "prior"}));
    }

    void bundledCannotBeRenamedOrDeleted()
    {
        ModelStore s = store();
        QVERIFY(!s.rename("default", "mine").ok());
        const auto removed = s.remove("default");
        QVERIFY(!removed.ok());
        QVERIFY(removed.error().message.find("bundled") != std::string::npos);
        QVERIFY(QFileInfo(bundled_ + "/detector.lmm").isFile());
        QVERIFY(!s.updateInfo("default", {{"x", 1}}).ok());
    }

    void renameDeleteAndTheActiveModel()
    {
        ModelStore s = store();
        QVERIFY(s.create("a").ok());
        QVERIFY(s.create("b").ok());
        QVERIFY(s.activate("a").ok());
        QCOMPARE(s.activeName(), std::string("a"));
        QCOMPARE(ModelStore(root_.toStdString(), bundled_.toStdString()).activeName(), std::string("a")); // persisted
        QVERIFY(!s.rename("a", "b").ok()); // taken
        QVERIFY(!s.rename("a", "x/y").ok());
        QVERIFY(s.rename("a", "c").ok());
        QCOMPARE(s.activeName(), std::string("c")); // the active model keeps being active
        QVERIFY(QFileInfo(root_ + "/c/model.json").isFile());
        QVERIFY(!QFileInfo::exists(root_ + "/a"));
        QVERIFY(!s.activate("nothere").ok());
        QVERIFY(s.remove("c").ok());
        QVERIFY(!QFileInfo::exists(root_ + "/c"));
        QCOMPARE(s.activeName(), std::string("default")); // gone: back to the bundled model
        QCOMPARE(s.activeDir(), bundled_.toStdString());
        QVERIFY(!s.remove("c").ok());
        QCOMPARE(names(s.list()), (std::vector<std::string>{"default", "b"}));
    }

    void userRootFollowsTheEnvironment()
    {
        qputenv("LOOPMINER_DATA_HOME", "/x/lm");
        QCOMPARE(ModelStore::userRoot(), std::string("/x/lm/models"));
        qunsetenv("LOOPMINER_DATA_HOME");
        qputenv("XDG_DATA_HOME", "/x/xdg");
        QCOMPARE(ModelStore::userRoot(), std::string("/x/xdg/loopminer/models"));
        qunsetenv("XDG_DATA_HOME");
        qputenv("HOME", "/x/home");
        QCOMPARE(ModelStore::userRoot(), std::string("/x/home/.local/share/loopminer/models"));
    }

    void cliListsAndActivates()
    {
        qputenv("LOOPMINER_DATA_HOME", tmp_.filePath("data").toUtf8());
        QVERIFY(store().create("mine").ok());
        auto r = lm::test::runCli({"models"});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["active"].toString(), QString("default"));
        QJsonArray models = o["models"].toArray();
        QCOMPARE(models.size(), 2);
        QCOMPARE(models[0].toObject()["name"].toString(), QString("default"));
        QVERIFY(models[0].toObject()["bundled"].toBool());
        QCOMPARE(models[1].toObject()["name"].toString(), QString("mine"));
        r = lm::test::runCli({"models", "activate", "mine"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out).object()["active"].toBool());
        QCOMPARE(store().activeName(), std::string("mine"));
        r = lm::test::runCli({"models", "list"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["active"].toString(), QString("mine"));
        r = lm::test::runCli({"models", "activate", "nothere"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no model named 'nothere'"), r.err.constData());
        QCOMPARE(lm::test::runCli({"models", "activate"}).code, 2);
        QCOMPARE(lm::test::runCli({"models", "frobnicate"}).code, 2);
        QCOMPARE(store().activeName(), std::string("mine"));
        qunsetenv("LOOPMINER_DATA_HOME");
    }
};

QTEST_GUILESS_MAIN(TestModelStore)
#include "test_model_store.moc"
