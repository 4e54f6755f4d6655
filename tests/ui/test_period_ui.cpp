// The period in the window (method.md 10.1) and the "why is this a loop"
// dock: the loops panel's period filter and column driven by QTest, the
// strip's marks, and the why panel's marked bars and histogram bin for a
// window whose scores were set by hand.
#include "../core/PeriodFixtures.h"
#include "GuiFixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "ui/LoopsPanel.h"
#include "ui/dialogs/ExportDialog.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"
#include "ui/views/WhyCharts.h"
#include "ui/views/WhyPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

#include <cmath>

using namespace lm;
using namespace lm::test;

namespace {
// Scores set by hand: every kept window 1e-4, one 0.1, and window 0 of fill.mid 10^-1.9375:
// log10 from -4 to -1 in 24 bins of 0.125, so that window lies in bin floor(2.0625 / 0.125) = 16.
const double kFillScore = std::pow(10.0, -1.9375);
constexpr double kThreshold = 0.01;
} // namespace

class TestPeriodUi : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString lib_;
    std::string music_;

    ui::WhyPanel* whyPanel(ui::MainWindow& w) { return w.findChild<ui::WhyPanel*>(); }

    void openLibrary(ui::MainWindow& w)
    {
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(lib_));
        w.resize(1280, 820);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
    }

private Q_SLOTS:
    void init() { QSettings().clear(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        music_ = tmp_.filePath("music").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(music_)));
        std::vector<int> distinct;
        for (int t = 0; t < 16; ++t)
            distinct.push_back(t);
        QVERIFY(writePeriodSong(music_ + "/period2.mid", repeatTypes({0, 1}, 16)));
        QVERIFY(writePeriodSong(music_ + "/period4.mid", repeatTypes({0, 1, 2, 3}, 16)));
        QVERIFY(writePeriodSong(music_ + "/period8.mid", repeatTypes({0, 1, 2, 3, 4, 5, 6, 7}, 24)));
        QVERIFY(writePeriodSong(music_ + "/none.mid", distinct));
        // One groove bar seven times, then a fill (type 5): period 1, the fill breaks it.
        QVERIFY(writePeriodSong(music_ + "/fill.mid", repeatTypes({0, 0, 0, 0, 0, 0, 0, 5}, 16)));
        lib_ = tmp_.filePath("lib.sqlite");
        auto db = LibraryDb::open(lib_.toStdString(), LibraryOpen::Create);
        QVERIFY(db);
        JobContext job;
        ImportOptions o;
        o.roots = {music_};
        QVERIFY(importLibrary(**db, o, job));
        std::vector<std::pair<int64_t, double>> scores;
        for (const WindowRecord& r : (*db)->windowRecords(true)) {
            double s = 1e-4;
            if (r.path == music_ + "/fill.mid" && r.startBar == 0)
                s = kFillScore;
            else if (r.path == music_ + "/none.mid" && r.startBar == 0)
                s = 0.1;
            scores.emplace_back(r.id, s);
        }
        QCOMPARE(scores.size(), size_t(9 + 9 + 17 + 9 + 9));
        QVERIFY((*db)->storeLoopScores(scores, kThreshold, "hand-made"));
    }

    // The loops panel: choose a period with the keyboard, the list follows, in SQL.
    void loopsPanelPeriodFilter()
    {
        ui::MainWindow w;
        openLibrary(w);
        w.findChild<QTabWidget*>(QStringLiteral("panelTabs"))->setCurrentWidget(w.loopsPanel());
        ui::LoopsPanel* panel = w.loopsPanel();
        ui::LoopsTableModel* model = panel->model();
        QTRY_COMPARE(model->rowCount(), 53);
        QCOMPARE(model->headerData(ui::LoopsTableModel::Period, Qt::Horizontal).toString(), QStringLiteral("Period"));
        QComboBox* period = panel->periodFilter();
        QCOMPARE(period->currentText(), QStringLiteral("Any period"));
        period->setFocus(Qt::TabFocusReason);
        auto rowsOf = [model] {
            QMap<QString, QList<QString>> byFile; // file -> the Period column's texts
            for (int r = 0; r < model->rowCount(); ++r)
                byFile[model->index(r, ui::LoopsTableModel::File).data().toString()]
                    << model->index(r, ui::LoopsTableModel::Period).data().toString();
            return byFile;
        };
        // fill.mid's windows have periods 1 2 0 0 0 0 2 1 1 (see test_period's fillSong).
        QTest::keyClick(period, Qt::Key_Down); // 1 bar
        QTRY_COMPARE(period->currentText(), QStringLiteral("Period 1 bar"));
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(rowsOf().keys(), QStringList{"fill.mid"});
        QCOMPARE(rowsOf().value("fill.mid"), QList<QString>(3, "1"));
        QTest::keyClick(period, Qt::Key_Down); // 2 bars
        QTRY_COMPARE(model->rowCount(), 11);
        QCOMPARE(rowsOf().value("period2.mid"), QList<QString>(9, "2"));
        QCOMPARE(rowsOf().value("fill.mid"), QList<QString>(2, "2"));
        QCOMPARE(rowsOf().size(), 2);
        QTest::keyClick(period, Qt::Key_Down);
        QTest::keyClick(period, Qt::Key_Down); // 8 bars: windows 0..8 of period8.mid
        QCOMPARE(period->currentText(), QStringLiteral("Period 8 bars"));
        QTRY_COMPARE(model->rowCount(), 9);
        QCOMPARE(rowsOf().value("period8.mid"), QList<QString>(9, "8"));
        QTest::keyClick(period, Qt::Key_Down); // no period: none.mid, and windows 9..16 of period8.mid
        QCOMPARE(period->currentText(), QStringLiteral("No period"));
        QTRY_COMPARE(model->rowCount(), 21);
        QCOMPARE(rowsOf().value("none.mid"), QList<QString>(9, "none"));
        QCOMPARE(rowsOf().value("period8.mid"), QList<QString>(8, "none"));
        QCOMPARE(rowsOf().value("fill.mid"), QList<QString>(4, "none"));
        QTest::keyClick(period, Qt::Key_Home);
        QTRY_COMPARE(model->rowCount(), 53);
    }

    // The strip: every window's period, and its tooltip says it.
    void stripShowsPeriods()
    {
        ui::MainWindow w;
        openLibrary(w);
        w.pieceView()->showFile(QString::fromStdString(music_ + "/period8.mid"));
        ui::SsmView* ssm = w.pieceView()->ssmView();
        QTRY_VERIFY(!w.pieceView()->loading() && ssm->strip().size() == 17);
        for (int i = 0; i < 17; ++i) {
            QCOMPARE(ssm->strip()[size_t(i)].period.value_or(-1), i <= 8 ? 8 : 0);
            QVERIFY(ssm->stripToolTip(i).contains(i <= 8 ? "repeats every 8 bars" : "no period"));
        }
    }

    // The why panel: the fill bar marked, the window's bin, the verdict, the period, the source.
    void whyPanelExplainsTheSelectedWindow()
    {
        ui::MainWindow w;
        openLibrary(w);
        ui::WhyPanel* why = whyPanel(w);
        QVERIFY(why);
        QDockWidget* dock = w.findChild<QDockWidget*>(QStringLiteral("whyDock"));
        QVERIFY(!dock->isVisible()); // on demand: the piece view's "Why?" button opens it
        auto* button = w.findChild<QToolButton*>(QStringLiteral("whyButton"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(dock->isVisible());
        if (why->histogram()->histogram().empty())
            QVERIFY(QSignalSpy(why, &ui::WhyPanel::histogramLoaded).wait(10000));
        QCOMPARE(why->histogram()->histogram().total, int64_t(53));
        w.pieceView()->showFile(QString::fromStdString(music_ + "/fill.mid"));
        ui::SsmView* ssm = w.pieceView()->ssmView();
        QTRY_VERIFY(!w.pieceView()->loading() && ssm->strip().size() == 9);
        QTest::mouseClick(ssm, Qt::LeftButton, {}, ssm->stripCentre(0));
        QCOMPARE(w.pieceView()->selectedWindow(), 0);
        QCOMPARE(why->markedBars(), std::vector<int>{7}); // bar 8, the fill
        QCOMPARE(why->windowBin(), 16);
        QCOMPARE(why->histogram()->histogram().counts[16], int64_t(1));
        QVERIFY2(why->verdictLabel()->text().contains("Not a loop"), qPrintable(why->verdictLabel()->text()));
        QVERIFY(why->breaksLabel()->text().contains("Bar 8 breaks"));
        QVERIFY2(why->periodLabel()->text().contains("Repeats every bar"), qPrintable(why->periodLabel()->text()));
        QVERIFY(why->periodLabel()->text().contains("r(1)&nbsp;0.916")); // (6 + 1 - 26/44) / 7
        QVERIFY(why->sourceLabel()->text().contains("fill.mid"));
        QVERIFY(why->sourceLabel()->text().contains("Drums (drums), Bass (bass)"));
        QVERIFY(why->sourceLabel()->text().contains("Bars 1–8 · 120.0 BPM"));
        if (const QByteArray dir = qgetenv("LM_SHOT_DIR"); !dir.isEmpty()) // a look at it, for people
            w.grab().save(QString::fromUtf8(dir) + "/why_fill_window0.png");
        // Right: window 1, whose fill is its 7th bar, scored 1e-4 (bin 0): a loop, of period 2.
        ssm->setFocus(Qt::TabFocusReason);
        QTest::keyClick(ssm, Qt::Key_Right);
        QCOMPARE(why->markedBars(), std::vector<int>{6});
        QCOMPARE(why->windowBin(), 0);
        QVERIFY(why->verdictLabel()->text().contains("A loop"));
        QVERIFY(why->periodLabel()->text().contains("Repeats every 2 bars"));
        QVERIFY(why->sourceLabel()->text().contains("Bars 2–9"));
        // A period-2 window: every bar as like the rest, nothing marked.
        w.pieceView()->showFile(QString::fromStdString(music_ + "/period2.mid"));
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->currentFile().endsWith("period2.mid")
                    && w.pieceView()->selectedWindow() == 0);
        QTRY_VERIFY(why->sourceLabel()->text().contains("period2.mid"));
        QVERIFY(why->markedBars().empty());
        QVERIFY(why->periodLabel()->text().contains("Repeats every 2 bars"));
        // Ctrl+I hides and shows the dock.
        QTest::keyClick(&w, Qt::Key_I, Qt::ControlModifier);
        QTRY_VERIFY(!dock->isVisible());
        QTest::keyClick(&w, Qt::Key_I, Qt::ControlModifier);
        QTRY_VERIFY(dock->isVisible());
    }

    // A small window: the dock keeps its matrix square and readable, its texts wrapped inside it.
    void smallWindow()
    {
        ui::MainWindow w;
        openLibrary(w);
        w.resize(1000, 640);
        w.pieceView()->showFile(QString::fromStdString(music_ + "/fill.mid"));
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->selectedWindow() == 0);
        ui::WhyPanel* why = whyPanel(w);
        QTRY_VERIFY(!why->markedBars().empty());
        QDockWidget* dock = w.findChild<QDockWidget*>(QStringLiteral("whyDock"));
        QTest::mouseClick(w.findChild<QToolButton*>(QStringLiteral("whyButton")), Qt::LeftButton);
        QTRY_VERIFY(dock->isVisible());
        QVERIFY(dock->width() >= 260 && dock->width() < 500);
        QVERIFY(why->matrix()->width() >= 180);
        QVERIFY(std::abs(why->matrix()->height() - why->matrix()->width()) <= 2);
        QVERIFY(why->verdictLabel()->width() <= dock->width());
        if (const QByteArray dir = qgetenv("LM_SHOT_DIR"); !dir.isEmpty()) // a look at it, for people
            w.grab().save(QString::fromUtf8(dir) + "/why_small_window.png");
    }

    // Ctrl+E on a 2-bar loop, "Cut at its period" clicked, 2 repeats: a file of 4 bars, the loop's 2 twice.
    void exportDialogCutsAtThePeriod()
    {
        ui::MainWindow w;
        openLibrary(w);
        w.pieceView()->showFile(QString::fromStdString(music_ + "/period2.mid"));
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->selectedWindow() == 0);
        const QString out = tmp_.filePath("cut.mid");
        bool answered = false;
        QTimer poll; // answers the modal dialog when it is up (polls the UI's state, waits on no clock)
        poll.setInterval(5);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* d = qobject_cast<ui::ExportDialog*>(QApplication::activeModalWidget());
            if (!d || answered)
                return;
            answered = true;
            QCOMPARE(d->atPeriodCheck()->text(), QStringLiteral("Cut at its period (2 bars)"));
            QVERIFY(!d->atPeriodCheck()->isChecked());
            QTest::mouseClick(d->atPeriodCheck(), Qt::LeftButton, {}, QPoint(8, d->atPeriodCheck()->height() / 2));
            QVERIFY(d->atPeriodCheck()->isChecked());
            QCOMPARE(d->repeatSpin()->suffix(), QStringLiteral(" × 2 bars"));
            d->repeatSpin()->selectAll();
            QTest::keyClicks(d->repeatSpin(), "2");
            d->targetEdit()->selectAll();
            QTest::keyClicks(d->targetEdit(), out);
            QTest::mouseClick(d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        poll.start();
        QSignalSpy exported(w.pieceView(), &ui::PieceView::exported);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(exported.size(), 1);
        auto midi = readMidiFile(out.toStdString());
        QVERIFY(midi);
        const PieceAnalysis a = analysePiece(*midi);
        QCOMPARE(a.bars(), int64_t(4));
        const std::vector<uint64_t> got = windowSteps(a, 0), loop = w.pieceView()->selectedSteps();
        for (int s = 0; s < 64; ++s)
            QCOMPARE(got[size_t(s)], loop[size_t(s % 32)]);
        QCOMPARE(QSettings().value("export/atPeriod").toBool(), true); // remembered, and drags use it
    }

    void breakingBarsRule()
    {
        WindowCorrelation all{};
        all.fill(1.0);
        QVERIFY(ui::breakingBars(all).empty()); // a perfect loop: nothing breaks
        WindowCorrelation c{};
        c.fill(0.9);
        c[0] = 0.1; // bars 1 and 2 unlike each other: both lowest
        QCOMPARE(ui::breakingBars(c), (std::vector<int>{0, 1}));
    }
};

QTEST_MAIN(TestPeriodUi)
#include "test_period_ui.moc"
