// What a new user hit in the browser (issue "What a new user hit"), each
// driven as the user met it: keys, clicks, the dialogs, the shown text.
#include "../core/AudioFixtures.h"
#include "GuiFixtures.h"

#include "ui/MainWindow.h"
#include "ui/LibraryPanel.h"
#include "ui/LoopsPanel.h"
#include "ui/dialogs/ImportReportDialog.h"
#include "ui/models/LibraryFilterProxy.h"
#include "ui/models/LibraryTableModel.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/views/MatrixChoice.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/ScoreFormat.h"
#include "ui/views/SsmView.h"

#include "core/library/LibraryDb.h"
#include "core/model/LoopFormat.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace lm;
using namespace lm::format;

namespace {

QAction* findAction(QWidget& w, const QString& text)
{
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text().remove('&').contains(text))
            return a;
    return nullptr;
}

QString countsText(ui::MainWindow& w)
{
    auto* l = w.statusBar()->findChild<QLabel*>(QStringLiteral("libraryCounts"));
    return l ? l->text() : QString();
}

// Answers the next modal file dialog with `name` typed and Return, as a user would.
void answerFileDialog(QObject* context, const QString& name, QString* proposed = nullptr)
{
    QTimer::singleShot(0, context, [name, proposed] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(edit);
        if (proposed)
            *proposed = edit->text();
        if (name.isEmpty()) {
            dialog->reject();
            return;
        }
        edit->setText(name);
        QTest::keyClick(edit, Qt::Key_Return);
    });
}

} // namespace

class TestBrowser : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString music_;

    void importAndWait(ui::MainWindow& w, const QString& folder) { test::importAndWait(w, folder); }
    // A window with the collection imported and scored with the bundled model.
    void openScored(ui::MainWindow& w, const QString& lib)
    {
        w.setShowImportReport(false);
        w.setModelDir(QStringLiteral(LM_DEFAULT_MODEL));
        QVERIFY(w.openLibrary(tmp_.filePath(lib)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy scored(&w, &ui::MainWindow::libraryScored);
        importAndWait(w, music_);
        QVERIFY(scored.wait(60000));
        QCOMPARE(scored.first().at(0).toString(), QString());
    }

private Q_SLOTS:
    void init() { QSettings().clear(); } // no window layout from an earlier test

    void initTestCase()
    {
        music_ = test::setUpCollection(tmp_.path(), 24, 5);
    }

    // Item 2: higher pitches go up; drum lanes below, kick lowest, names that fit.
    void pianoRollPitchAxisGoesUp()
    {
        ui::PianoRollView roll;
        roll.resize(860, 330); // about its size in a 1280 x 800 window
        std::vector<uint64_t> steps(kWindowSteps, 0);
        const int low = kDrumRows + (36 - kBassLowestPitch), high = kDrumRows + (60 - kBassLowestPitch); // C2, C4
        steps[0] = uint64_t(1) << low;
        steps[8] = uint64_t(1) << high;
        steps[4] = uint64_t(1) << 0; // kick
        roll.setWindow(steps, WindowCorrelation{}, 0, QStringLiteral("test"));
        QVERIFY(roll.rowRect(high).top() < roll.rowRect(low).top());
        QVERIFY(roll.rowRect(kRows - 1).top() <= roll.rollArea().top() + 0.01);
        QVERIFY(roll.rowRect(kDrumRows).bottom() <= roll.rowRect(kDrumRows - 1).top() + 0.01); // bass above drums
        QVERIFY(std::abs(roll.rowRect(0).bottom() - roll.rollArea().bottom()) < 0.01);          // kick at the bottom
        for (int r = 0; r < kDrumRows; ++r) // drum names no longer collide
            QVERIFY2(QFontMetricsF(roll.labelFont(r)).height() <= roll.rowRect(r).height() + 0.01,
                     qPrintable(ui::PianoRollView::rowName(r)));
        // What is painted is where rowRect says: the C4 cell is drawn in the C4 row.
        const QImage img = roll.grab().toImage();
        const double cw = roll.rollArea().width() / kWindowSteps;
        auto cellColour = [&](int row, int step) {
            const QRectF r = roll.rowRect(row);
            return img.pixelColor(QPointF(roll.rollArea().left() + (step + 0.5) * cw, r.center().y()).toPoint());
        };
        QCOMPARE(cellColour(high, 8), QColor(40, 90, 190));
        QCOMPARE(cellColour(low, 0), QColor(40, 90, 190));
        QCOMPARE(cellColour(0, 4), QColor(200, 80, 40));
        QVERIFY(cellColour(high, 0) != QColor(40, 90, 190));
    }

    // Item 5: natural name order A to Z, best loops first.
    void defaultSortsWorkForTheUser()
    {
        ui::MainWindow w;
        openScored(w, "sorts.sqlite");
        auto* lib = w.libraryPanel()->table();
        QCOMPARE(lib->horizontalHeader()->sortIndicatorSection(), int(ui::LibraryTableModel::Path));
        QCOMPARE(lib->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        auto* proxy = w.libraryPanel()->proxy();
        QStringList names;
        for (int r = 0; r < 12; ++r)
            names << proxy->index(r, ui::LibraryTableModel::Path).data().toString();
        QCOMPARE(names.mid(0, 3), (QStringList{"groove_0.mid", "groove_1.mid", "groove_2.mid"}));
        QCOMPARE(names.at(10), QString("groove_10.mid")); // after groove_9, not after groove_1
        QCOMPARE(names.at(9), QString("groove_9.mid"));

        auto* loops = w.loopsPanel()->table();
        QCOMPARE(loops->horizontalHeader()->sortIndicatorSection(), int(ui::LoopsTableModel::Score));
        QCOMPARE(loops->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        auto db = LibraryDb::open(w.libraryPath().toStdString());
        QVERIFY(db.ok());
        LoopQuery byScore;
        byScore.order = LoopQuery::Order::Score;
        const auto best = (*db)->loopRows(byScore, 0, 1);
        QCOMPARE(best.size(), size_t(1));
        QVERIFY(best[0].loopScore.has_value());
        auto* model = w.loopsPanel()->model();
        QVERIFY(model->rowCount() > 10);
        QCOMPARE(model->index(0, ui::LoopsTableModel::Score).data().toString(), ui::formatScore(*best[0].loopScore));
        QCOMPARE(model->index(0, ui::LoopsTableModel::File).data().toString(),
                 QFileInfo(QString::fromStdString(best[0].path)).fileName());
    }

    // Items 4, 6 and 8: Ctrl+F on the visible tab; export only with a window;
    // a focused table does not replace the piece on show; another library clears it.
    void keysFocusAndTheShownPiece()
    {
        ui::MainWindow w;
        openScored(w, "keys.sqlite");
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QAction* exportWindow = findAction(w, "Export Window");
        QVERIFY(exportWindow);
        QVERIFY(!exportWindow->isEnabled()); // nothing selected yet

        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("panelTabs"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(w.loopsPanel()));
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w.loopsPanel()->filterEdit()));

        // Choose a loop of a file that is not the library's first row.
        auto* loops = w.loopsPanel()->table();
        int row = 0;
        while (w.loopsPanel()->model()->index(row, ui::LoopsTableModel::File).data().toString() == "groove_0.mid")
            ++row;
        const QRect cell = loops->visualRect(w.loopsPanel()->model()->index(row, ui::LoopsTableModel::File));
        QTest::mouseClick(loops->viewport(), Qt::LeftButton, {}, cell.center());
        const QString shown = w.pieceView()->currentFile();
        QVERIFY(shown.endsWith(w.loopsPanel()->model()->index(row, ui::LoopsTableModel::File).data().toString()));
        QTRY_VERIFY(exportWindow->isEnabled()); // once the piece has loaded

        // The library tab, its table focused (no row selected there): the piece stays.
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(0).center());
        w.libraryPanel()->table()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(w.libraryPanel()->table()->hasFocus());
        QCOMPARE(w.pieceView()->currentFile(), shown);
        QString proposed;
        QTimer::singleShot(0, this, [&proposed] { // Ctrl+E proposes the shown piece's window; cancel
            QWidget* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == "exportDialog");
            proposed = QFileInfo(dialog->findChild<QLineEdit*>("exportTarget")->text()).fileName();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QVERIFY2(proposed.startsWith(QFileInfo(shown).completeBaseName() + "_bars"), qPrintable(proposed));
        QCOMPARE(w.pieceView()->currentFile(), shown);

        // Another library: nothing of the old one is shown, and nothing to export.
        QVERIFY(w.openLibrary(tmp_.filePath("other.sqlite")));
        QCOMPARE(w.pieceView()->currentFile(), QString());
        QCOMPARE(w.pieceView()->ssmView()->bars(), 0);
        QCOMPARE(w.pieceView()->rollView()->startBar(), -1);
        QVERIFY(!exportWindow->isEnabled());
    }

    // Item 7: a typed name gets the .sqlite the dialog's filter promised.
    void newLibraryAddsTheSuffix()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("first.sqlite")));
        w.show();
        QAction* newLib = findAction(w, "New Library");
        QVERIFY(newLib);
        answerFileDialog(this, tmp_.filePath("typed"));
        newLib->trigger();
        QCOMPARE(w.libraryPath(), tmp_.filePath("typed.sqlite"));
        QVERIFY(QFile::exists(tmp_.filePath("typed.sqlite")));
        QVERIFY(!QFile::exists(tmp_.filePath("typed")));
    }

    // Item 9: a missing folder is named, and nothing is imported.
    void missingImportFolderIsNamed()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("missing.sqlite")));
        w.show();
        QSignalSpy refused(&w, &ui::MainWindow::importRefused);
        QSignalSpy done(&w, &ui::MainWindow::importFinished);
        const QString missing = tmp_.filePath("does-not-exist");
        w.importPaths({missing});
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().at(0).toString().contains(missing));
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("importRefused"));
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(missing));
        QVERIFY(box->text().contains("no such file or folder"));
        QVERIFY(w.statusBar()->currentMessage().contains(missing));
        QCOMPARE(done.count(), 0);
        box->accept();
    }

    // Item 13: say why a piece has no bars, an assumed metre, why no window is kept.
    void piecesSayWhy()
    {
        const QString dir = tmp_.filePath("why");
        QDir().mkpath(dir);
        test::SongBuilder piano(480);
        piano.tempo(100).timeSig(4, 4).program(1, 0, 0);
        for (int i = 0; i < 64; ++i)
            piano.note(1, 0, 60 + i % 12, uint64_t(i) * 480, uint64_t(i) * 480 + 400);
        QVERIFY(writeFileAtomically((dir + "/piano_only.mid").toStdString(), encodeMidi(piano.build())).ok());
        test::SongBuilder sparse(480); // drums and bass, 16 bars, 2 drum hits and 1 bass note a bar
        sparse.tempo(120).program(2, 1, 33);
        for (int bar = 0; bar < 16; ++bar) {
            const uint64_t t = uint64_t(bar) * 1920;
            sparse.note(1, 9, 36, t, t + 100).note(1, 9, 38, t + 960, t + 1060).note(2, 1, 40, t, t + 100);
        }
        QVERIFY(writeFileAtomically((dir + "/sparse_no_ts.mid").toStdString(), encodeMidi(sparse.build())).ok());

        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("why.sqlite")));
        w.show();
        importAndWait(w, dir);
        ui::PieceView* piece = w.pieceView();
        QSignalSpy shown(piece, &ui::PieceView::pieceShown);
        piece->showFile(dir + "/piano_only.mid");
        QVERIFY(shown.wait(10000));
        // Issue 19: no drum and bass part, so the all-parts matrix, with the reason beside it.
        QCOMPARE(piece->ssmView()->bars(), 16);
        QVERIFY(piece->matrixChoice()->allPartsShown());
        const QString why = piece->matrixChoice()->reason()->text();
        QVERIFY2(why.contains("no drum part and no bass part: the matrix shows all parts"), qPrintable(why));
        QVERIFY2(piece->infoLabel()->text().contains("not usable for the models: no drums and no bass"),
                 qPrintable(piece->infoLabel()->text()));

        piece->showFile(dir + "/sparse_no_ts.mid");
        QVERIFY(shown.wait(10000));
        QCOMPARE(piece->ssmView()->bars(), 16);
        const QString info = piece->infoLabel()->text();
        QVERIFY2(info.contains("4/4 (assumed"), qPrintable(info));
        QVERIFY2(info.contains("no window has 32 drum and 32 bass cells"), qPrintable(info));
        QVERIFY2(info.contains("16 drum, 8 bass"), qPrintable(info)); // per window: 2 hits and 1 bass cell a bar
        const QString rule = piece->matrixChoice()->reason()->text(); // and next to the matrix (issue 19)
        QVERIFY2(rule.contains("No loops are mined from this file: no window has 32 drum and 32 bass cells"), qPrintable(rule));
        auto* proxy = w.libraryPanel()->proxy();
        bool seen = false;
        for (int r = 0; r < proxy->rowCount(); ++r)
            if (proxy->index(r, ui::LibraryTableModel::Path).data().toString() == "sparse_no_ts.mid") {
                QCOMPARE(proxy->index(r, ui::LibraryTableModel::Metre).data().toString(), QString("4/4 (assumed)"));
                seen = true;
            }
        QVERIFY(seen);
    }

    // Item 14: nothing clipped at common sizes; readable scores; "nothing skipped".
    void layoutAtCommonSizes()
    {
        ui::MainWindow w;
        openScored(w, "layout.sqlite");
        for (const QSize size : {QSize(1280, 800), QSize(1024, 700)}) {
            w.resize(size);
            QTest::qWait(0); // let the layout run
            QCoreApplication::processEvents();
            QLineEdit* edit = w.libraryPanel()->filterEdit(); // the tab on show
            QVERIFY2(edit->width() >= edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 24,
                     qPrintable(QString("%1 px for \"%2\"").arg(edit->width()).arg(edit->placeholderText())));
            w.libraryPanel()->selectRow(0);
            QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->ssmView()->bars() > 0);
            QVERIFY2(w.pieceView()->ssmView()->legendFits(), qPrintable(w.pieceView()->ssmView()->legendItems().join(" | ")));
        }
        // Hidden panels have their own width: check the loops filter with its tab on show.
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("panelTabs"));
        tabs->setCurrentIndex(1);
        QCoreApplication::processEvents();
        QLineEdit* loopsFilter = w.loopsPanel()->filterEdit();
        QVERIFY(loopsFilter->width() >= loopsFilter->fontMetrics().horizontalAdvance(loopsFilter->placeholderText()) + 24);
        tabs->setCurrentIndex(0);
        QCoreApplication::processEvents();
        QLineEdit* libFilter = w.libraryPanel()->filterEdit();
        QVERIFY(libFilter->width() >= libFilter->fontMetrics().horizontalAdvance(libFilter->placeholderText()) + 24);

        // Best scores: fixed point, never 1.87278e-05.
        auto* proxy = w.libraryPanel()->proxy();
        int scored = 0;
        for (int r = 0; r < proxy->rowCount(); ++r) {
            const QString s = proxy->index(r, ui::LibraryTableModel::BestScore).data().toString();
            if (s.isEmpty())
                continue;
            ++scored;
            QVERIFY2(!s.contains('e'), qPrintable(s));
        }
        QVERIFY(scored > 0);
        QCOMPARE(ui::formatScore(1.87278e-05), QString("0.000019"));
        QCOMPARE(ui::formatScore(0.0112), QString("0.0112"));
        QCOMPARE(ui::formatScore(0.5), QString("0.500"));

        ImportSummary nothing;
        nothing.seen = nothing.read = 3;
        ui::ImportReportDialog d(nothing);
        d.show();
        auto* none = d.findChild<QLabel*>(QStringLiteral("nothingSkipped"));
        QVERIFY(none && none->isVisible());
        QVERIFY(!d.table()->isVisible());
    }

    // Item 14 (audio hint) and item 15: arrows move the window; the strip says its score.
    void stripKeysToolTipsAndLegend()
    {
        ui::MainWindow w;
        openScored(w, "strip.sqlite");
        w.libraryPanel()->selectRow(0);
        ui::SsmView* ssm = w.pieceView()->ssmView();
        QTRY_VERIFY(!w.pieceView()->loading() && ssm->bars() > 10);
        QVERIFY(ssm->strip().size() >= 3);
        ssm->setFocus(Qt::TabFocusReason);
        QSignalSpy selected(ssm, &ui::SsmView::windowSelected);
        const int start = ssm->selectedWindow();
        QVERIFY(start >= 0);
        QTest::keyClick(ssm, start + 1 < int(ssm->strip().size()) ? Qt::Key_Right : Qt::Key_Left);
        QCOMPARE(selected.count(), 1);
        const int moved = selected.first().at(0).toInt();
        QCOMPARE(std::abs(moved - start), 1);
        QCOMPARE(w.pieceView()->rollView()->startBar(), moved);
        QTest::keyClick(ssm, Qt::Key_Home);
        QCOMPARE(w.pieceView()->rollView()->startBar(), 0);
        QTest::keyClick(ssm, Qt::Key_End);
        QCOMPARE(w.pieceView()->rollView()->startBar(), int(ssm->strip().size()) - 1);

        auto db = LibraryDb::open(w.libraryPath().toStdString());
        QVERIFY(db.ok());
        const auto stored = (*db)->windowsOf(w.pieceView()->currentFile().toStdString());
        const auto threshold = (*db)->loopThreshold();
        QVERIFY(threshold.has_value());
        int scored = 0;
        for (const StoredWindow& sw : stored) {
            if (!sw.loopScore)
                continue;
            ++scored;
            const QString tip = ssm->stripToolTip(int(sw.startBar));
            QVERIFY2(tip.contains(ui::formatScore(*sw.loopScore)), qPrintable(tip));
            QVERIFY2(tip.contains(*sw.loopScore < *threshold ? "a loop" : "not a loop"), qPrintable(tip));
        }
        QVERIFY(scored > 0);
        const QStringList legend = ssm->legendItems();
        QVERIFY(legend.join(' ').contains(ui::formatScore(*threshold)));
        QVERIFY(legend.join(' ').contains("not kept"));
    }

    // Item 3: a new tempo scores the piece's new windows and refreshes the counts.
    void tempoChangeScoresAgain()
    {
        const QString dir = tmp_.filePath("tempo");
        QDir().mkpath(dir);
        test::writeCollection(dir.toStdString(), 3, 9);
        const QString song = dir + "/song.wav";
        QVERIFY(test::writeAudio(song.toStdString(), test::toChannels(test::repeatingBars(120, 16, 22050), 1), 1, 22050));
        ui::MainWindow w;
        w.setShowImportReport(false);
        w.setModelDir(QStringLiteral(LM_DEFAULT_MODEL));
        QVERIFY(w.openLibrary(tmp_.filePath("tempo.sqlite")));
        w.show();
        QSignalSpy scored(&w, &ui::MainWindow::libraryScored);
        importAndWait(w, dir);
        QVERIFY(scored.wait(60000));
        w.libraryPanel()->filterEdit()->setText("song");
        w.libraryPanel()->selectRow(0);
        ui::PieceView* piece = w.pieceView();
        QTRY_COMPARE(piece->currentFile(), song);
        QTRY_VERIFY(!piece->loading());

        QSignalSpy applied(&w, &ui::MainWindow::tempoApplied);
        QTimer::singleShot(0, this, [] {
            QWidget* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == "tempoDialog");
            auto* bpm = dialog->findChild<QDoubleSpinBox*>("bpm");
            bpm->selectAll();
            QTest::keyClicks(bpm, "240");
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(piece->tempoButton(), Qt::LeftButton);
        QVERIFY(applied.wait(30000));
        QCOMPARE(applied.first().at(1).toString(), QString());
        QVERIFY(scored.count() == 2 || scored.wait(60000)); // the second pass follows the tempo change
        QCOMPARE(scored.last().at(0).toString(), QString());

        auto db = LibraryDb::open(w.libraryPath().toStdString());
        QVERIFY(db.ok());
        const auto windows = (*db)->windowsOf(song.toStdString());
        QVERIFY(windows.size() > 16); // 240 BPM: twice the bars, new windows
        for (const StoredWindow& sw : windows)
            QVERIFY2(sw.loopScore.has_value(), qPrintable(QString("window at bar %1 not scored").arg(sw.startBar)));
        const LibraryCounts c = (*db)->counts();
        QVERIFY2(countsText(w).contains(QString("%1 windows kept").arg(c.windowsKept)), qPrintable(countsText(w)));
        QTRY_VERIFY(!piece->loading()); // shown again with the new scores
        QCOMPARE(piece->ssmView()->strip().size(), windows.size());
        for (const ui::StripCell& cell : piece->ssmView()->strip())
            QVERIFY(cell.score.has_value());
    }

    // Item 16: --version and --help answer without a display.
    void versionAndHelpWithoutADisplay()
    {
        for (const QString& arg : {QStringLiteral("--version"), QStringLiteral("--help")}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove("DISPLAY");
            env.remove("WAYLAND_DISPLAY");
            env.remove("QT_QPA_PLATFORM");
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(LM_GUI), {arg});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(arg == "--version" ? out.startsWith("loopminer 0.") : out.contains("--import"), qPrintable(out));
        }
    }
};

QTEST_MAIN(TestBrowser)
#include "test_browser.moc"
