// One click for the other metrical level: the half and double buttons of the
// tempo dialog and of the piece view, clicked as a user clicks them, and the
// tempo the library then applies to the audio piece.
#include "../core/AudioFixtures.h"
#include "GuiFixtures.h"

#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/TempoDialog.h"
#include "ui/models/LibraryFilterProxy.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"
#include "ui/views/TempoOctaveButtons.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace lm;

class TestTempoButtons : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void dialogHalvesAndDoubles()
    {
        ui::TempoDialog d("song.wav", 84, 0.25);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* half = d.findChild<QPushButton*>("halfTempo");
        auto* dbl = d.findChild<QPushButton*>("doubleTempo");
        QVERIFY(half && dbl);
        if (qEnvironmentVariableIsSet("LM_TEMPO_SHOT")) // a picture of the dialog, for looking at
            QVERIFY(d.grab().save(qEnvironmentVariable("LM_TEMPO_SHOT") + "/tempo_dialog.png"));
        QTest::mouseClick(dbl, Qt::LeftButton);
        QCOMPARE(d.bpm(), 168.0);
        QTest::mouseClick(half, Qt::LeftButton);
        QTest::mouseClick(half, Qt::LeftButton);
        QCOMPARE(d.bpm(), 42.0);
        QCOMPARE(d.downbeat(), 0.25); // the downbeat stays: a bar line at either level
        // "Use the estimate again" turns the tempo controls off.
        QTest::keyClick(d.findChild<QCheckBox*>("useEstimate"), Qt::Key_Space);
        QVERIFY(!half->isEnabled() && !dbl->isEnabled());
    }

    void pieceViewAndDialogApplyTheOtherLevel()
    {
        const QString folder = tmp_.filePath("music");
        QDir().mkpath(folder);
        const QString song = folder + "/song.wav";
        QVERIFY(test::writeAudio(song.toStdString(), test::toChannels(test::repeatingBars(120, 16, 44100), 2), 2, 44100));
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("lib.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        test::importAndWait(w, folder);
        w.libraryPanel()->selectRow(0);
        ui::PieceView* piece = w.pieceView();
        QTRY_COMPARE(piece->currentFile(), song);
        QTRY_VERIFY(!piece->loading());
        QVERIFY(piece->isAudio());
        const double estimated = piece->audioGrid()->first;
        const double downbeat = piece->audioGrid()->second;
        QVERIFY2(std::abs(estimated - 120) < 2.4, qPrintable(QString::number(estimated)));
        QCOMPARE(piece->ssmView()->bars(), 16);
        ui::TempoOctaveButtons* octave = piece->tempoOctaveButtons();
        QVERIFY(octave->isVisible());
        if (qEnvironmentVariableIsSet("LM_TEMPO_SHOT")) { // and of a small window
            w.resize(820, 520);
            QCoreApplication::processEvents();
            QVERIFY(w.grab().save(qEnvironmentVariable("LM_TEMPO_SHOT") + "/tempo_small_window.png"));
        }

        // Half: one click, the library stores and applies half the tempo, bars twice as long.
        QSignalSpy applied(&w, &ui::MainWindow::tempoApplied);
        QTest::mouseClick(octave->halfButton(), Qt::LeftButton);
        QVERIFY(applied.wait(30000));
        QCOMPARE(applied.last().at(1).toString(), QString());
        QTRY_COMPARE(piece->ssmView()->bars(), 8);
        QCOMPARE(piece->audioGrid()->first, estimated / 2);
        QCOMPARE(piece->audioGrid()->second, downbeat);

        // Double: back to the estimate's level.
        QTest::mouseClick(octave->doubleButton(), Qt::LeftButton);
        QVERIFY(applied.wait(30000));
        QTRY_COMPARE(piece->ssmView()->bars(), 16);
        QCOMPARE(piece->audioGrid()->first, estimated);

        // The dialog's double button, then OK: the doubled tempo is applied.
        QTimer::singleShot(0, this, [] {
            QWidget* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == "tempoDialog");
            QTest::mouseClick(dialog->findChild<QPushButton*>("doubleTempo"), Qt::LeftButton);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(piece->tempoButton(), Qt::LeftButton);
        QVERIFY(applied.wait(30000));
        QTRY_COMPARE(piece->ssmView()->bars(), 32);
        QVERIFY2(std::abs(piece->audioGrid()->first - 2 * estimated) < 0.01,
                 qPrintable(QString::number(piece->audioGrid()->first)));
    }
};

QTEST_MAIN(TestTempoButtons)
#include "test_tempo_buttons.moc"
