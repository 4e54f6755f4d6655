// The workstation driven as a user drives it: import a folder, watch rows
// appear, cancel an import, filter the table, click the heatmap and the strip.
#include "../core/AudioFixtures.h"
#include "GuiFixtures.h"

#include "ui/MainWindow.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"
#include "ui/jobs/JobsBar.h"
#include "ui/LibraryPanel.h"
#include "ui/LoopsPanel.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/dialogs/ImportReportDialog.h"
#include "ui/models/LibraryFilterProxy.h"
#include "ui/models/LibraryTableModel.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"

#include "core/audio/AudioReader.h"
#include "core/io/MidiReader.h"
#include "core/analysis/Windows.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QDialogButtonBox>
#include <QToolButton>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace lm;

class TestWorkstation : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString music_;

    void importAndWait(ui::MainWindow& w, const QString& folder) { test::importAndWait(w, folder); }

private Q_SLOTS:
    void initTestCase()
    {
        music_ = test::setUpCollection(tmp_.path(), 40, 11);
    }

    void importShowsRowsAndTheModelsAreSound()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("a.sqlite")));
        auto* model = w.libraryPanel()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(w.libraryPanel()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        importAndWait(w, music_);
        QVERIFY(reset.count() >= 1);
        QCOMPARE(model->totalFiles(), 40);
        QTRY_VERIFY(model->rowCount() > 0); // the view fetches rows lazily
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 40);

        // Filter by typing, then "usable only" by clicking.
        QTest::keyClicks(w.libraryPanel()->filterEdit(), "groove_1");
        QCOMPARE(w.libraryPanel()->proxy()->rowCount(), 11); // groove_1, groove_10..19
        w.libraryPanel()->filterEdit()->clear();
        QCheckBox* usable = w.libraryPanel()->usableOnly();
        QTest::mouseClick(usable, Qt::LeftButton, {}, QPoint(8, usable->height() / 2));
        QVERIFY(usable->isChecked());
        QCOMPARE(w.libraryPanel()->proxy()->rowCount(), 36); // 40 less 2 without bass and 2 truncated (3/4 is usable)
    }

    void clickingTheHeatmapAndTheStripChangesTheRoll()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("b.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        importAndWait(w, music_);
        w.libraryPanel()->selectRow(0);
        ui::SsmView* ssm = w.pieceView()->ssmView();
        ui::PianoRollView* roll = w.pieceView()->rollView();
        QTRY_VERIFY(!w.pieceView()->loading() && ssm->bars() > 10); // loaded as a job
        QCOMPARE(roll->startBar(), 0);
        QSignalSpy shown(w.pieceView(), &ui::PieceView::windowShown);
        QTest::mouseClick(ssm, Qt::LeftButton, {}, ssm->cellCentre(3, 1));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toInt(), 3);
        QCOMPARE(roll->startBar(), 3);
        QCOMPARE(ssm->selectedWindow(), 3);
        QTest::mouseClick(ssm, Qt::LeftButton, {}, ssm->stripCentre(2));
        QCOMPARE(roll->startBar(), 2);
        QVERIFY(roll->activeCells() > 0);

        // Selecting another file in the table shows that piece.
        const QString before = w.pieceView()->currentFile();
        QTableView* table = w.libraryPanel()->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        QVERIFY(w.pieceView()->currentFile() != before);
    }

    void cancelledImportLeavesAConsistentLibrary()
    {
        const QString big = tmp_.filePath("big");
        QDir().mkpath(big);
        test::writeCollection(big.toStdString(), 1500, 12);
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("c.sqlite")));
        w.show();
        QSignalSpy done(&w, &ui::MainWindow::importFinished);
        w.importPaths({big});
        QVERIFY(w.jobsBar()->isVisible());
        QCOMPARE(w.jobsBar()->shown(), w.session()->importJob());
        QVERIFY(w.session()->importJob()->running());
        // Cancel at once: the import of 1,500 files takes a fraction of a second, and a
        // deterministic test cancels before it can finish (mid-import cancels and kills
        // are tested in test_library).
        QTest::mouseClick(w.jobsBar()->cancelButton(), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QVERIFY(w.session()->lastImport().cancelled);
        QVERIFY(!w.jobsBar()->isVisible());
        auto db = LibraryDb::open(tmp_.filePath("c.sqlite").toStdString());
        QVERIFY(db.ok());
        QVERIFY((*db)->integrityCheck().ok());
        const int64_t stored = (*db)->counts().files;
        QVERIFY(stored < 1500);
        QCOMPARE(w.libraryPanel()->model()->totalFiles(), stored);
        // Importing again finishes the job.
        importAndWait(w, big);
        QCOMPARE(w.libraryPanel()->model()->totalFiles(), 1500);

        // Filtering and sorting reach every file, not only the rows fetched so far.
        auto* model = w.libraryPanel()->model();
        QVERIFY(model->rowCount() < 1500);
        QTest::keyClicks(w.libraryPanel()->filterEdit(), "groove_149");
        QCOMPARE(w.libraryPanel()->proxy()->rowCount(), 11); // groove_149, groove_1490..1499
        w.libraryPanel()->filterEdit()->clear();
        QHeaderView* header = w.libraryPanel()->table()->horizontalHeader();
        const int x = header->sectionViewportPosition(ui::LibraryTableModel::Bars) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(model->query().order, FileQuery::Order::Bars);
        QVERIFY(model->query().descending);
        qlonglong most = 0;
        for (const auto& r : (*db)->fileRows(FileQuery{}, 0, 2000))
            most = std::max<qlonglong>(most, r.bars);
        QCOMPARE(w.libraryPanel()->proxy()->index(0, ui::LibraryTableModel::Bars).data().toLongLong(), most);
    }

    void loopsPanelListsMinedLoopsAndShowsTheChosenOne()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("d.sqlite")));
        auto* model = w.loopsPanel()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        importAndWait(w, music_);
        auto db = LibraryDb::open(tmp_.filePath("d.sqlite").toStdString());
        QVERIFY(db.ok());
        QCOMPARE(model->totalRows(), (*db)->counts().windowsKept);
        QVERIFY(model->totalRows() > 100);

        // Sorting by clicking a header. The order is set first (the default order is not
        // this test's business); then each click on that header flips it. Unique pitch,
        // not note density: every kept loop of this collection has density 16.
        QTableView* loopsTable = w.loopsPanel()->table();
        QHeaderView* header = loopsTable->horizontalHeader();
        const int column = ui::LoopsTableModel::UniquePitch;
        auto sortedBy = [&](bool descending, double& first) {
            QCOMPARE(int(model->query().order), column);
            QCOMPARE(model->query().descending, descending);
            QCOMPARE(header->sortIndicatorSection(), column);
            QCOMPARE(header->sortIndicatorOrder(), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
            QVERIFY(model->rowCount() >= 2);
            first = model->index(0, column).data().toDouble();
            double previous = first;
            for (int r = 1; r < model->rowCount(); ++r) {
                const double v = model->index(r, column).data().toDouble();
                QVERIFY2(descending ? v <= previous : v >= previous, qPrintable(QString("row %1: %2 after %3").arg(r).arg(v).arg(previous)));
                previous = v;
            }
        };
        loopsTable->sortByColumn(column, Qt::DescendingOrder);
        double most = 0, least = 0, again = 0;
        sortedBy(true, most);
        const int x = header->sectionViewportPosition(column) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        sortedBy(false, least);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        sortedBy(true, again);
        if (QTest::currentTestFailed())
            return;
        // The loops differ in unique pitch, so the two orders start with different loops.
        QVERIFY2(most > least, qPrintable(QString("most %1, least %2").arg(most).arg(least)));
        QCOMPARE(again, most);
        // Densest first, for the ceiling below.
        loopsTable->sortByColumn(ui::LoopsTableModel::NoteDensity, Qt::DescendingOrder);
        QVERIFY(model->query().descending);
        const double top = model->index(0, ui::LoopsTableModel::NoteDensity).data().toDouble();
        const double next = model->index(1, ui::LoopsTableModel::NoteDensity).data().toDouble();
        QVERIFY(top >= next);

        // A density ceiling under the densest loop drops it and keeps only loops under the ceiling.
        const int64_t all = model->totalRows();
        QDoubleSpinBox* ceiling = w.loopsPanel()->maxDensity();
        ceiling->setFocus();
        QTest::keyClick(ceiling, Qt::Key_A, Qt::ControlModifier);
        const double limit = top - 0.25;
        QTest::keyClicks(ceiling, QString::number(limit, 'f', 2));
        QVERIFY(model->totalRows() < all);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->index(r, ui::LoopsTableModel::NoteDensity).data().toDouble() <= limit);
        QTest::keyClick(ceiling, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(ceiling, QStringLiteral("16"));
        QCOMPARE(model->totalRows(), all);

        // Choosing a loop shows its piece and window.
        QTableView* table = w.loopsPanel()->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        QTest::keyClick(table, Qt::Key_Down);
        const QModelIndex current = table->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(w.pieceView()->currentFile(), current.data(ui::LoopsTableModel::FullPathRole).toString());
        QTRY_VERIFY(!w.pieceView()->loading());
        QCOMPARE(w.pieceView()->rollView()->startBar(), current.data(ui::LoopsTableModel::StartBarRole).toInt());
    }

    void reportListsEverySkippedFile()
    {
        ImportSummary s;
        s.seen = 3;
        s.skipped = {{"/x/b.mid", "not 4/4"}, {"/x/a.mid", "byte 18: track 0: no end-of-track event"}};
        ui::ImportReportDialog d(s);
        QCOMPARE(d.table()->rowCount(), 2);
        d.table()->sortItems(0);
        QCOMPARE(d.table()->item(0, 0)->text(), QString("/x/a.mid"));
        QVERIFY(d.reportText().contains("/x/b.mid\tnot 4/4"));
    }

    void audioPiecesKindAndScoreFiltersTempoAndExport()
    {
        const QString mixed = tmp_.filePath("mixed");
        QDir().mkpath(mixed);
        test::writeCollection(mixed.toStdString(), 6, 3);
        const QString song = mixed + "/song.wav";
        QVERIFY(test::writeAudio(song.toStdString(), test::toChannels(test::repeatingBars(120, 16, 44100), 2), 2, 44100));
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("mixed.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        importAndWait(w, mixed);
        auto* panel = w.libraryPanel();
        QCOMPARE(panel->proxy()->rowCount(), 7);

        // Kind filter: choose "Audio" in the combo with the keyboard.
        QComboBox* kind = panel->kindFilter();
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_End);
        QCOMPARE(kind->currentData().toString(), QString("audio"));
        QCOMPARE(panel->proxy()->rowCount(), 1);

        // Selecting the audio row shows its stored matrix and strip; the roll area says it is audio.
        panel->selectRow(0);
        ui::PieceView* piece = w.pieceView();
        QTRY_COMPARE(piece->currentFile(), song);
        QTRY_VERIFY(!piece->loading());
        QVERIFY(piece->isAudio());
        QCOMPARE(piece->ssmView()->bars(), 16);
        QVERIFY(piece->tempoButton()->isVisible());
        QCOMPARE(piece->selectedWindow(), 0);

        // Ctrl+E's work: the selected window cut as audio at the file's rate.
        const QString cut = tmp_.filePath("cut.wav");
        QCOMPARE(w.pieceView()->exportWindowTo(cut), QString());
        auto info = probeAudio(cut.toStdString());
        QVERIFY(info.ok());
        QCOMPARE(info->sampleRate, 44100);
        QCOMPARE(info->channels, 2);
        QVERIFY(std::abs(info->seconds() - 8 * 240.0 / piece->audioGrid()->first) < 0.001);

        // The tempo dialog: set 60 BPM and downbeat 0, as a user types them.
        QSignalSpy applied(&w, &ui::MainWindow::tempoApplied);
        QTimer::singleShot(0, this, [] {
            QWidget* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == "tempoDialog");
            auto* bpm = dialog->findChild<QDoubleSpinBox*>("bpm");
            auto* downbeat = dialog->findChild<QDoubleSpinBox*>("downbeat");
            bpm->selectAll();
            QTest::keyClicks(bpm, "60");
            downbeat->selectAll();
            QTest::keyClicks(downbeat, "0");
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(piece->tempoButton(), Qt::LeftButton);
        QVERIFY(applied.wait(30000));
        QCOMPARE(applied.first().at(1).toString(), QString());
        QTRY_COMPARE(piece->ssmView()->bars(), 8);
        QCOMPARE(piece->audioGrid()->first, 60.0);

        // A MIDI window exported as MIDI reads back as the same roll.
        kind->setCurrentIndex(1);
        QCOMPARE(panel->proxy()->rowCount(), 6);
        panel->selectRow(0);
        QTRY_VERIFY(!piece->loading() && !piece->isAudio() && piece->selectedWindow() >= 0);
        const auto steps = piece->selectedSteps();
        const QString mid = tmp_.filePath("window.mid");
        QCOMPARE(w.pieceView()->exportWindowTo(mid), QString());
        auto back = readMidiFile(mid.toStdString());
        QVERIFY(back.ok());
        const PieceAnalysis again = analysePiece(*back);
        QCOMPARE(again.bars(), int64_t(8));
        QVERIFY(windowSteps(again, 0) == steps);

        // Score range and "under threshold" once the library has loop scores.
        LibraryDb* db = nullptr;
        auto lib = LibraryDb::open(tmp_.filePath("mixed.sqlite").toStdString());
        QVERIFY(lib.ok());
        db = lib->get();
        std::vector<std::pair<int64_t, double>> scores;
        auto loops = db->loopRows(LoopQuery{}, 0, 1000);
        for (size_t i = 0; i < loops.size(); ++i)
            scores.push_back({loops[i].windowId, i % 2 ? 0.5 : 0.001 * double(i + 1)});
        QVERIFY(db->storeLoopScores(scores, 0.01, "test").ok());
        panel->reload();
        kind->setCurrentIndex(0);
        const int all = panel->proxy()->rowCount();
        QDoubleSpinBox* maxScore = panel->maxScore();
        maxScore->setFocus();
        maxScore->selectAll();
        QTest::keyClicks(maxScore, "0.004");
        QTest::keyClick(maxScore, Qt::Key_Enter);
        int expected = 0;
        for (const FileRow& r : db->fileRows(FileQuery{}, 0, 100))
            expected += r.bestScore && *r.bestScore <= 0.004;
        QVERIFY(expected > 0 && expected < all);
        QCOMPARE(panel->proxy()->rowCount(), expected);
        w.loopsPanel()->reload();
        QCheckBox* only = w.loopsPanel()->loopsOnly();
        QTest::mouseClick(only, Qt::LeftButton, {}, QPoint(8, only->height() / 2));
        int under = 0;
        for (const auto& sc : scores)
            under += sc.second <= 0.01;
        QCOMPARE(int(w.loopsPanel()->model()->totalRows()), under);
    }

    void fileNewAndOpenLibraryThroughTheMenu()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("first.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* newLib = nullptr;
        QAction* openLib = nullptr;
        for (QAction* a : w.findChildren<QAction*>()) {
            if (a->text().contains("New Library"))
                newLib = a;
            if (a->text().contains("Open Library"))
                openLib = a;
        }
        QVERIFY(newLib && openLib);
        // The file dialog is answered as a user would: type the name, press Enter.
        auto answer = [this](const QString& name) {
            QTimer::singleShot(50, this, [name] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto* edit = dialog->findChild<QLineEdit*>("fileNameEdit");
                QVERIFY(edit);
                edit->setText(name);
                QTest::keyClick(edit, Qt::Key_Return);
            });
        };
        const QString second = tmp_.filePath("second.sqlite");
        answer(second);
        newLib->trigger();
        QCOMPARE(w.libraryPath(), second);
        QVERIFY(QFile::exists(second));
        QCOMPARE(w.libraryPanel()->proxy()->rowCount(), 0);
        answer(tmp_.filePath("first.sqlite"));
        openLib->trigger();
        QCOMPARE(w.libraryPath(), tmp_.filePath("first.sqlite"));
        // A file that is not a library: a message, and the open library stays.
        QFile junk(tmp_.filePath("junk.sqlite"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a database at all, just some text");
        junk.close();
        QTimer::singleShot(400, this, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->accept();
        });
        answer(tmp_.filePath("junk.sqlite"));
        openLib->trigger();
        QCOMPARE(w.libraryPath(), tmp_.filePath("first.sqlite"));
    }

    void opensNoNetworkSocket()
    {
        // After an import and a scoring pass, no socket of this process is an
        // internet socket (sockets in /proc/self/fd against /proc/net/{tcp,udp}{,6}).
        ui::MainWindow w;
        w.setShowImportReport(false);
        w.setModelDir(QStringLiteral(LM_DEFAULT_MODEL));
        QVERIFY(w.openLibrary(tmp_.filePath("net.sqlite")));
        QSignalSpy scored(&w, &ui::MainWindow::libraryScored);
        importAndWait(w, music_);
        QVERIFY(scored.wait(60000));
        QCOMPARE(scored.first().at(0).toString(), QString());
        QSet<QString> inodes;
        for (const QFileInfo& fd : QDir("/proc/self/fd").entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
            const QByteArray raw = QFile::encodeName(fd.filePath());
            char buf[256] = {0};
            const ssize_t n = ::readlink(raw.constData(), buf, sizeof buf - 1);
            if (n > 0 && QByteArray(buf, int(n)).startsWith("socket:["))
                inodes.insert(QString::fromLatin1(QByteArray(buf + 8, int(n) - 9)));
        }
        for (const char* table : {"/proc/self/net/tcp", "/proc/self/net/tcp6", "/proc/self/net/udp", "/proc/self/net/udp6"}) {
            QFile f(table);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QList<QByteArray> lines = f.readAll().split('\n');
            for (int i = 1; i < lines.size(); ++i) {
                const QList<QByteArray> cols = lines[i].simplified().split(' ');
                if (cols.size() > 9)
                    QVERIFY2(!inodes.contains(QString::fromLatin1(cols[9])), table);
            }
        }
        // And a file's strip now has its windows' loop scores, and the library a threshold.
        {
            auto db = LibraryDb::open(tmp_.filePath("net.sqlite").toStdString());
            QVERIFY(db.ok());
            QVERIFY((*db)->loopThreshold().has_value());
            const auto kept = (*db)->windowRecords(true);
            QVERIFY(!kept.empty());
            const std::string file = kept.front().path;
            QSignalSpy shown(w.pieceView(), &ui::PieceView::pieceShown);
            w.pieceView()->showFile(QString::fromStdString(file));
            QVERIFY(shown.wait(10000));
            const std::vector<ui::StripCell>& strip = w.pieceView()->ssmView()->strip();
            const std::vector<StoredWindow> stored = (*db)->windowsOf(file);
            QCOMPARE(strip.size(), stored.size());
            for (const StoredWindow& sw : stored) {
                QVERIFY(sw.loopScore.has_value());
                const ui::StripCell& cell = strip.at(size_t(sw.startBar));
                QCOMPARE(cell.kept, sw.kept);
                QVERIFY2(cell.score.has_value(), qPrintable(QString("no score at bar %1").arg(sw.startBar)));
                QCOMPARE(*cell.score, *sw.loopScore);
            }
        }
        // Importing the same folder again reads nothing new: no second scoring pass. The
        // window decides before it says the import finished, and a pass it starts shows
        // "Scoring loops with ..." in the status bar until it ends.
        importAndWait(w, music_);
        QCOMPARE(w.session()->lastImport().read, int64_t(0));
        // The session decides to score before it announces the import's end.
        QVERIFY(!w.session()->scoreJob()->running());
        QCOMPARE(scored.count(), 1);
    }

    void escapeOnTheImportProgressCancels()
    {
        const QString big = tmp_.filePath("esc");
        QDir().mkpath(big);
        test::writeCollection(big.toStdString(), 1500, 13);
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("esc.sqlite")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w)); // shortcuts reach the active window
        QSignalSpy done(&w, &ui::MainWindow::importFinished);
        w.importPaths({big});
        QVERIFY(w.jobsBar()->isVisible());
        QTest::keyClick(&w, Qt::Key_Escape); // the jobs area's shortcut cancels the job on show
        QVERIFY(done.wait(60000));
        QVERIFY(w.session()->lastImport().cancelled);
        auto db = LibraryDb::open(tmp_.filePath("esc.sqlite").toStdString());
        QVERIFY(db.ok());
        QVERIFY((*db)->integrityCheck().ok());
        QVERIFY((*db)->counts().files < 1500);
    }
};

QTEST_MAIN(TestWorkstation)
#include "test_workstation.moc"
