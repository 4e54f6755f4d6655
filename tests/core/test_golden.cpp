// The golden files of method.md sections 1-3: windows, cells, correlations and
// rolls must equal the answers of an independent implementation.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/model/LoopFormat.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace lm;

class TestGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowsMatch_data()
    {
        QTest::addColumn<QString>("mid");
        QDir dir(LM_TEST_DATA "/golden");
        const auto names = dir.entryList({"*.mid"});
        QVERIFY(names.size() >= 12);
        for (const auto& n : names)
            QTest::newRow(qPrintable(n)) << dir.filePath(n);
    }

    void windowsMatch()
    {
        QFETCH(QString, mid);
        QString jsonPath = mid;
        jsonPath.replace(".mid", ".windows.json");
        QFile jf(jsonPath);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject exp = QJsonDocument::fromJson(jf.readAll()).object();

        auto midi = readMidiFile(mid.toStdString());
        QVERIFY(midi.ok());
        const PieceAnalysis a = analysePiece(*midi);
        QCOMPARE(a.usable, exp["usable"].toBool());
        QCOMPARE(a.ticksPerQuarter, exp["tpq"].toInt());
        const auto windows = computeWindows(a);
        const QJsonArray ew = exp["windows"].toArray();
        if (exp["usable"].toBool())
            QCOMPARE(a.bars(), int64_t(exp["bars"].toInt()));
        QCOMPARE(int(windows.size()), ew.size());
        for (int i = 0; i < ew.size(); ++i) {
            const QJsonObject e = ew[i].toObject();
            const WindowInfo& w = windows[size_t(i)];
            QCOMPARE(w.startBar, int64_t(e["start_bar"].toInt()));
            QCOMPARE(w.drumCells, int64_t(e["drum_cells"].toInt()));
            QCOMPARE(w.bassCells, int64_t(e["bass_cells"].toInt()));
            QCOMPARE(w.kept, e["kept"].toBool());
            const QJsonArray c = e["correlation"].toArray();
            QCOMPARE(c.size(), 28);
            for (int k = 0; k < 28; ++k)
                QVERIFY2(std::abs(w.correlation[size_t(k)] - c[k].toDouble()) <= 1e-6,
                         qPrintable(QString("window %1 value %2").arg(i).arg(k)));
        }

        // Rolls of the windows the golden set gives.
        QDir dir = QFileInfo(mid).dir();
        const QString stem = QFileInfo(mid).completeBaseName();
        for (const QString& rollName : dir.entryList({stem + ".roll-bar*.txt"})) {
            const int bar = QRegularExpression("roll-bar(\\d+)").match(rollName).captured(1).toInt();
            QFile rf(dir.filePath(rollName));
            QVERIFY(rf.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromLatin1(rf.readAll()).split('\n', Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), format::kRows);
            const auto steps = windowSteps(a, bar);
            for (int r = 0; r < format::kRows; ++r) {
                QString got;
                for (uint64_t m : steps)
                    got += ((m >> r) & 1u) ? '1' : '0';
                QCOMPARE(got, lines[r].trimmed());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "test_golden.moc"
