// The model commands of the command-line tool (train, score, generate,
// evaluate) with inputs that are not there: exit 1, a message naming the
// missing input, and nothing created (no library, no model or output folder).
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliModels : public QObject {
    Q_OBJECT

    struct Run {
        int code;
        QByteArray out, err;
    };
    static Run cli(const QStringList& args, const QString& dir)
    {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(LM_CLI, args);
        p.waitForFinished(120000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    static QStringList entries(const QString& dir)
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }

private Q_SLOTS:
    void missingInputExitsOneAndCreatesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("train detector") << QStringList{"train", "detector", "--db", "nothere.sqlite", "--out", "m3"}
                                        << "nothere.sqlite: no such library";
        QTest::newRow("train vqvae") << QStringList{"train", "vqvae", "--db", "nothere.sqlite", "--out", "m3"}
                                     << "nothere.sqlite: no such library";
        QTest::newRow("train prior") << QStringList{"train", "prior", "--db", "nothere.sqlite", "--out", "m3"}
                                     << "nothere.sqlite: no such library";
        QTest::newRow("score") << QStringList{"score", "--db", "nothere.sqlite", "--model", "m3"}
                               << "nothere.sqlite: no such library";
        QTest::newRow("evaluate") << QStringList{"evaluate", "--db", "nothere.sqlite", "--model", "m3"}
                                  << "nothere.sqlite: no such library";
        QTest::newRow("generate") << QStringList{"generate", "--model", "m3", "--out", "gen", "-n", "1"} << "m3";
    }

    void missingInputExitsOneAndCreatesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        QTemporaryDir tmp;
        const Run r = cli(args, tmp.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(entries(tmp.path()), QStringList{});
    }

    // An empty library: the error names the library (where the windows are
    // missing), not the output folder, and the output folder is not made.
    void trainingOnAnEmptyLibraryNamesTheLibrary()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir("empty"));
        QCOMPARE(cli({"scan", "empty", "--db", "lib.sqlite", "--quiet"}, tmp.path()).code, 0);
        const Run r = cli({"train", "detector", "--db", "lib.sqlite", "--out", "m3"}, tmp.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("lib.sqlite: only 0 kept windows to train the detector on"), r.err.constData());
        QVERIFY2(!r.err.contains("m3"), r.err.constData());
        QCOMPARE(entries(tmp.path()), (QStringList{"empty", "lib.sqlite"}));
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "test_cli_models.moc"
