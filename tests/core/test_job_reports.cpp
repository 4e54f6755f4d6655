// The long jobs of core report through the one job contract and stop when
// cancelled: decoding audio, analysing a piece again, reading a loop set.
#include "AudioFixtures.h"
#include "Fixtures.h"

#include "core/audio/AudioReader.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/LoopSet.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lm;

class TestJobReports : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    std::string song(const char* name)
    {
        const std::string path = tmp_.filePath(name).toStdString();
        [&] { QVERIFY(test::writeAudio(path, test::repeatingBars(120, 16, 44100), 1, 44100)); }();
        return path;
    }

private Q_SLOTS:
    void decodingReportsItsFramesUpToTheEnd()
    {
        const std::string path = song("decode.wav");
        std::vector<JobProgress> seen;
        JobContext job([&seen](const JobProgress& p) { seen.push_back(p); });
        auto audio = readAudioMono(path, 8000, {}, &job);
        QVERIFY(audio.ok());
        QVERIFY(seen.size() >= 2);
        for (size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i].done > seen[i - 1].done);
        QCOMPARE(seen.back().done, audio->info.frames);
        QCOMPARE(seen.back().total, audio->info.frames);
        QVERIFY(QString::fromStdString(seen.back().message).contains("decode.wav"));
    }

    void aCancelledReanalysisKeepsTheEarlierOne()
    {
        const std::string dir = tmp_.filePath("re").toStdString();
        QDir().mkpath(QString::fromStdString(dir));
        const std::string path = dir + "/song.wav";
        QVERIFY(test::writeAudio(path, test::repeatingBars(120, 16, 22050), 1, 22050));
        auto db = LibraryDb::open(tmp_.filePath("re.sqlite").toStdString());
        QVERIFY(db.ok());
        JobContext import;
        ImportOptions o;
        o.roots = {dir};
        QVERIFY(importLibrary(**db, o, import).ok());
        const auto before = (*db)->fileInfo(path);
        QVERIFY(before && before->piece);
        QVERIFY((*db)->setTempoSetting(path, TempoSetting{240.0, 0.0}).ok());
        JobContext job;
        job.cancel();
        auto r = reanalyseFile(**db, path, {}, &job);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().message).contains("cancelled"));
        const auto after = (*db)->fileInfo(path);
        QCOMPARE(after->piece->bars, before->piece->bars); // not analysed at 240 BPM
        QCOMPARE(after->piece->tempoBpm, before->piece->tempoBpm);
        JobContext go;
        auto again = reanalyseFile(**db, path, {}, &go);
        QVERIFY(again.ok());
        QCOMPARE((*db)->fileInfo(path)->piece->bars, 2 * before->piece->bars);
    }

    void theLoopSetReportsAndStops()
    {
        const std::string dir = tmp_.filePath("set").toStdString();
        QDir().mkpath(QString::fromStdString(dir));
        test::writeCollection(dir, 12, 4);
        auto db = LibraryDb::open(tmp_.filePath("set.sqlite").toStdString());
        QVERIFY(db.ok());
        JobContext import;
        ImportOptions o;
        o.roots = {dir};
        QVERIFY(importLibrary(**db, o, import).ok());
        int reports = 0;
        JobContext job([&reports](const JobProgress& p) { reports += p.total > 0; });
        const LoopSet all = loadLoopSet(**db, {}, &job);
        QVERIFY(all.rolls.size() > 20);
        QVERIFY(reports >= 5); // one a file read
        JobContext stop;
        stop.cancel();
        const LoopSet none = loadLoopSet(**db, {}, &stop);
        QCOMPARE(none.rolls.size(), size_t(0));
        QVERIFY(QString::fromStdString(none.selection).contains("cancelled"));
    }
};

QTEST_MAIN(TestJobReports)
#include "test_job_reports.moc"
