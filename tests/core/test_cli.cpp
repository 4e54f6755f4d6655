// The command-line tool as a user runs it: JSON on stdout, exit codes 0/1/2;
// its number options and progress line; its data found beside it.
#include "CliRun.h"
#include "AudioFixtures.h"
#include "app/cli/CliCommon.h"
#include "app/cli/ProgressLine.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCli : public QObject {
    Q_OBJECT

    using Run = lm::test::CliRun;
    static Run cli(const QStringList& args, const QString& dir = {}) { return lm::test::runCli(args, dir); }
    static QStringList entries(const QString& dir) { return lm::test::entries(dir); }

private Q_SLOTS:
    void windowsPrintsJson()
    {
        const Run r = cli({"windows", LM_TEST_DATA "/golden/01_groove_tpq480.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["usable"].toBool(), true);
        QCOMPARE(o["bars"].toInt(), 16);
        QCOMPARE(o["windows"].toArray().size(), 9);
        QCOMPARE(o["windows"].toArray()[0].toObject()["correlation"].toArray().size(), 28);
    }

    void unusableFileSaysWhy()
    {
        const Run r = cli({"windows", LM_TEST_DATA "/golden/07_no_bass.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["usable"].toBool(), false);
        QCOMPARE(o["reason"].toString(), QString("no bass"));
        QVERIFY(o["windows"].toArray().isEmpty());
    }

    void threeFourFileGivesWindowsOfItsOwnMetre() // method.md 10.2
    {
        const Run r = cli({"windows", LM_TEST_DATA "/golden/06_three_four.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["usable"].toBool(), true);
        const QJsonArray w = o["windows"].toArray();
        QCOMPARE(w.size(), 5);
        for (const QJsonValue& v : w) {
            QCOMPARE(v.toObject()["metre"].toString(), QString("3/4"));
            QCOMPARE(v.toObject()["bar_steps"].toInt(), 12);
            QCOMPARE(v.toObject()["correlation"].toArray().size(), 28);
        }
        const Run roll = cli({"roll", LM_TEST_DATA "/golden/06_three_four.mid", "--start-bar", "2"});
        QCOMPARE(roll.code, 0);
        QCOMPARE(roll.out.split('\n').first().size(), 96); // 8 bars of 12 steps
    }

    void ssmOfAThreeFourPiece()
    {
        const Run r = cli({"ssm", LM_TEST_DATA "/golden/06_three_four.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const int n = o["bars"].toInt();
        QVERIFY(n > 0);
        QCOMPARE(o["matrix"].toArray().size(), n);
        QCOMPARE(o["bar_starts"].toArray()[1].toInt(), 12); // 3/4 bars of 12 steps
    }

    void rollPrints57Rows()
    {
        const Run r = cli({"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid", "--start-bar", "3"});
        QCOMPARE(r.code, 0);
        const auto lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 57);
        for (const auto& l : lines)
            QCOMPARE(l.size(), 128);
    }

    void badInputExitsOneWithTheFileNamed()
    {
        QTemporaryDir tmp;
        const QString bad = tmp.filePath("broken.mid");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("MThd\0\0\0\6\0\1\0\1\1\xE0MTrk\0\0\1\0", 22);
        f.close();
        const Run r = cli({"windows", bad});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("broken.mid"));
        QVERIFY(r.err.contains("byte 18"));
        QVERIFY(r.out.isEmpty());
    }

    // A missing input is bad input (exit 1) with a message naming it, and the
    // command creates nothing: no library, no output file.
    void missingInputExitsOneAndCreatesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("scan, no folder") << QStringList{"scan", "nothere", "--db", "x.sqlite"} << "nothere";
        QTest::newRow("scan, one of two folders") << QStringList{"scan", ".", "gone", "--db", "x.sqlite"} << "gone";
        QTest::newRow("windows") << QStringList{"windows", "nofile.mid"} << "nofile.mid";
        QTest::newRow("windows, audio") << QStringList{"windows", "nofile.wav"} << "nofile.wav";
        QTest::newRow("ssm") << QStringList{"ssm", "nofile.mid"} << "nofile.mid";
        QTest::newRow("roll") << QStringList{"roll", "nofile.mid", "--start-bar", "0"} << "nofile.mid";
        QTest::newRow("tempo, no library") << QStringList{"tempo", "nofile.wav", "--db", "x.sqlite", "--bpm", "120"}
                                           << "nofile.wav";
        QTest::newRow("export-audio, no file")
            << QStringList{"export-audio", "nofile.wav", "--start-bar", "0", "--out", "o.wav", "--bpm", "120", "--downbeat", "0"}
            << "nofile.wav";
        QTest::newRow("export-audio, no library")
            << QStringList{"export-audio", "nofile.wav", "--start-bar", "0", "--out", "o.wav", "--db", "x.sqlite"}
            << "x.sqlite";
    }

    void missingInputExitsOneAndCreatesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        lm::test::checkMissingInput(args, named);
    }

    // tempo on a library that exists but a file that does not: the library is
    // left as it was (no tempo setting stored for a file that is not there).
    void tempoOfAMissingFileLeavesTheLibraryAlone()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir("empty"));
        QCOMPARE(cli({"scan", "empty", "--db", "lib.sqlite", "--quiet"}, tmp.path()).code, 0);
        QFile lib(tmp.filePath("lib.sqlite"));
        QVERIFY(lib.open(QIODevice::ReadOnly));
        const QByteArray before = lib.readAll();
        lib.close();
        const Run r = cli({"tempo", "nofile.wav", "--db", "lib.sqlite", "--bpm", "120"}, tmp.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("nofile.wav: no such file"), r.err.constData());
        QVERIFY(lib.open(QIODevice::ReadOnly));
        QVERIFY(lib.readAll() == before);
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"frobnicate"}).code, 2);
        QCOMPARE(cli({"windows"}).code, 2);
        QCOMPARE(cli({"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid"}).code, 2);
        QCOMPARE(cli({"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid", "--start-bar", "x"}).code, 2);
        QCOMPARE(cli({"scan", "/tmp"}).code, 2);
        QCOMPARE(cli({"windows", "--bogus", "a.mid"}).code, 2);
    }

    // The one number parser: the whole text, a number of the type, in range.
    void numberParserTakesOnlyWholeNumbersInRange()
    {
        using lm::cli::parseNumber;
        QCOMPARE(parseNumber<int>("12", 1, 100), std::optional<int>(12));
        QCOMPARE(parseNumber<int>("100", 1, 100), std::optional<int>(100));
        QCOMPARE(parseNumber<int>("0", 1, 100), std::nullopt);
        QCOMPARE(parseNumber<int>("101", 1, 100), std::nullopt);
        QCOMPARE(parseNumber<int>("12x", 1, 100), std::nullopt);
        QCOMPARE(parseNumber<int>("1.5", 1, 100), std::nullopt);
        QCOMPARE(parseNumber<int>("", 1, 100), std::nullopt);
        QCOMPARE(parseNumber<int>(" 5", 1, 100), std::nullopt);
        QCOMPARE(parseNumber<int>("4294967297", 0, 1 << 30), std::nullopt); // not wrapped to 1
        QCOMPARE(parseNumber<double>("0.25", 0.0, 1.0), std::optional<double>(0.25));
        QCOMPARE(parseNumber<double>("nan", 0.0, 1.0), std::nullopt);
        QCOMPARE(parseNumber<double>("inf", 0.0, 1e300), std::nullopt);
        QCOMPARE(parseNumber<double>("1e-3", 1e-3, 100.0), std::optional<double>(1e-3));
        QCOMPARE(parseNumber<int64_t>("-1", int64_t(0), int64_t(10)), std::nullopt);
        QCOMPARE(QString::fromStdString(lm::cli::numberNeeded("epochs", 1, 100000)),
                 QString("--epochs needs a whole number from 1 to 100000"));
        QCOMPARE(QString::fromStdString(lm::cli::numberNeeded("n", 1, 16)), QString("-n needs a whole number from 1 to 16"));
        QCOMPARE(QString::fromStdString(lm::cli::numberNeeded("max-score", 0.0, 1e9)),
                 QString("--max-score needs a number from 0 to 1000000000"));
    }

    // A bad number is a usage error (exit 2) that names the option, its range
    // and what was given, before anything is read or created.
    void badNumberNamesTheOptionAndItsRange_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("scan --threads") << QStringList{"scan", ".", "--db", "x.sqlite", "--threads", "many"}
                                        << "--threads needs a whole number from 0 to 1024, not 'many'";
        QTest::newRow("roll --start-bar") << QStringList{"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid", "--start-bar", "-2"}
                                          << "--start-bar needs a whole number from 0 to";
        QTest::newRow("windows --bpm") << QStringList{"windows", "song.wav", "--bpm", "1000"}
                                       << "--bpm needs a number from 20 to 400, not '1000'";
        QTest::newRow("export-audio --bars")
            << QStringList{"export-audio", "song.wav", "--start-bar", "0", "--bars", "0", "--out", "o.wav"}
            << "--bars needs a whole number from 1 to 1000000, not '0'";
    }

    void badNumberNamesTheOptionAndItsRange()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const Run r = cli(args, tmp.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{});
    }

    // The progress line on a virtual clock: a log gets whole lines at most once
    // a second, a terminal one rewritten line at most 20 times a second; the
    // last update always shows, and an update held back shows at the end.
    void progressLineIsThrottledAndShowsTheLast()
    {
        using namespace std::chrono_literals;
        auto t0 = lm::cli::ProgressLine::Clock::time_point{} + 1h;
        auto now = t0;
        auto contents = [](std::FILE* f) { // what was written so far
            std::fflush(f);
            std::rewind(f);
            QByteArray all;
            char buf[4096];
            for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
                all.append(buf, qsizetype(n));
            std::fseek(f, 0, SEEK_END);
            return all;
        };
        auto output = [&](bool terminal, const std::function<void(lm::cli::ProgressLine&)>& feed) {
            std::FILE* f = std::tmpfile();
            {
                lm::cli::ProgressLine line("scan", f, terminal, [&] { return now; });
                feed(line);
            }
            const QByteArray all = contents(f);
            std::fclose(f);
            return all;
        };
        // 100 updates 20 ms apart (2 s), then the last.
        auto feedAll = [&](lm::cli::ProgressLine& line) {
            for (int i = 0; i < 100; ++i, now += 20ms)
                line.show(i, 100, "file" + std::to_string(i));
            line.show(100, 100, "done");
        };
        now = t0;
        const QByteArray log = output(false, feedAll);
        QCOMPARE(log, QByteArray("scan: 0/100 file0\nscan: 50/100 file50\nscan: 100/100 done\n"));
        now = t0;
        const QByteArray tty = output(true, feedAll);
        QCOMPARE(tty.count('\r'), 35); // at 0, 60, 120 ... 1980 ms (every third 20 ms step), then the last
        QVERIFY(tty.startsWith("\rscan: 0/100 file0\033[K\rscan: 3/100 file3\033[K"));
        QVERIFY(tty.endsWith("\rscan: 100/100 done\033[K\n"));
        QCOMPARE(tty.count('\n'), 1);
        // A job that stops short of its total: the held-back update still shows when the line ends.
        now = t0;
        const QByteArray stopped = output(false, [&](lm::cli::ProgressLine& line) {
            line.show(1, 10, "a");
            now += 100ms;
            line.show(2, 10, "b");
        });
        QCOMPARE(stopped, QByteArray("scan: 1/10 a\nscan: 2/10 b\n"));
        // The last update shows at once, though it comes within the interval.
        now = t0;
        std::FILE* f = std::tmpfile();
        {
            lm::cli::ProgressLine line("train", f, false, [&] { return now; });
            line.show("epoch 1/2", false);
            now += 10ms;
            line.show("epoch 2/2", true);
            QCOMPARE(contents(f), QByteArray("train: epoch 1/2\ntrain: epoch 2/2\n"));
        }
        std::fclose(f);
        // Quiet: nothing.
        lm::cli::ProgressLine quiet("scan", true);
        quiet.show(1, 1, "x");
    }

    // --prefer-bpm reaches every tempo estimate: export-audio, which estimates
    // the tempo itself when none is given, folds 110 BPM into 150..300 as 220
    // (as windows does) and so cuts bars half as long.
    void exportAudioHonoursPreferBpm()
    {
        QTemporaryDir tmp;
        const QString song = tmp.filePath("song.wav");
        QVERIFY(lm::test::writeAudio(song.toStdString(), lm::test::repeatingBars(110, 10, 32000), 1, 32000));
        auto bpmOf = [&](const QStringList& extra) {
            const Run r = cli(QStringList{"export-audio", song, "--start-bar", "1", "--bars", "2", "--out",
                                          tmp.filePath("cut.wav")} + extra);
            if (r.code != 0)
                qWarning("%s", r.err.constData());
            return QJsonDocument::fromJson(r.out).object()["bpm"].toDouble();
        };
        const double plain = bpmOf({});
        QVERIFY2(std::abs(plain - 110) < 2.2, qPrintable(QString::number(plain)));
        const double preferred = bpmOf({"--prefer-bpm", "150:300"});
        QVERIFY2(std::abs(preferred - 220) < 4.4, qPrintable(QString::number(preferred)));
        const Run windows = cli({"windows", song, "--prefer-bpm", "150:300"});
        QCOMPARE(QJsonDocument::fromJson(windows.out).object()["bpm"].toDouble(), preferred);
    }

    // No absolute source or build path is compiled into the binaries (as
    // UTF-8, or as UTF-16 where QStringLiteral keeps it), and a copy of bin/
    // and share/ elsewhere finds its own data.
    void binariesHoldNoBuildPaths()
    {
#ifndef LM_RELEASE_BUILD
        QSKIP("not a Release build: its debug information names the source files (CI checks the Release build)");
#endif
        const QByteArray source = QByteArray(LM_SOURCE_DIR) + "/", build = QByteArray(LM_BUILD_DIR) + "/";
        auto utf16 = [](const QByteArray& s) {
            return QByteArray(reinterpret_cast<const char*>(QString::fromUtf8(s).utf16()), s.size() * 2);
        };
        QStringList binaries{LM_CLI, LM_GUI};
        if (QFile::exists(QFileInfo(LM_CLI).dir().filePath("loopminer-cli-models.so")))
            binaries << QFileInfo(LM_CLI).dir().filePath("loopminer-cli-models.so");
        for (const QString& b : binaries) {
            QFile f(b);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(b));
            const QByteArray bytes = f.readAll();
            for (const QByteArray& path : {source, build}) {
                QVERIFY2(!bytes.contains(path), qPrintable(b + " holds " + path));
                QVERIFY2(!bytes.contains(utf16(path)), qPrintable(b + " holds " + path + " (UTF-16)"));
            }
        }
    }

    void copiedBuildTreeFindsItsData()
    {
        QTemporaryDir tmp;
        const QDir buildBin = QFileInfo(LM_CLI).dir();
        QVERIFY(QDir(tmp.path()).mkpath("bin"));
        QVERIFY(QFile::copy(LM_CLI, tmp.filePath("bin/loopminer-cli")));
        QCOMPARE(QProcess::execute("cp", {"-r", buildBin.filePath("../share"), tmp.path()}), 0);
        QProcess p;
        p.start(tmp.filePath("bin/loopminer-cli"), {"version"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QString root = QDir(tmp.path()).canonicalPath();
        QCOMPARE(o["data_dir"].toString(), root + "/share/loopminer");
        QCOMPARE(o["default_model"].toString(), root + "/share/loopminer/models/default");
        QCOMPARE(o["demo"].toString(), root + "/share/loopminer/demo");
        QVERIFY(QFile::exists(o["default_model"].toString() + "/detector.lmm"));
        QVERIFY(QFile::exists(o["default_model"].toString() + "/prior.lmm"));
#ifdef LM_HAVE_DEMO // made with mma and LibTorch at build time
        QVERIFY(QDirIterator(o["demo"].toString(), {"*.mid"}, QDir::Files, QDirIterator::Subdirectories).hasNext());
#endif
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
