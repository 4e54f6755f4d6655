// The one job runner: progress and payloads reach the GUI thread queued,
// pause holds a job at its next checkpoint, cancel stops it, the destructor
// joins; and closing the window while an import and a scoring pass run
// stops both and leaves a sound library.
#include "../core/Fixtures.h"

#include "ui/LibrarySession.h"
#include "ui/MainWindow.h"
#include "ui/jobs/JobRunner.h"
#include "ui/jobs/JobsBar.h"

#include "core/library/LibraryDb.h"

#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QToolButton>
#include <QtTest>

#include <atomic>

using namespace lm;

class TestJobs : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void progressPayloadAndResultArriveOnTheGuiThread()
    {
        ui::JobRunner runner(QStringLiteral("count"));
        QSignalSpy progress(&runner, &ui::JobRunner::progress);
        QSignalSpy payload(&runner, &ui::JobRunner::payload);
        QSignalSpy finished(&runner, &ui::JobRunner::finished);
        QThread* gui = QThread::currentThread();
        QThread* seen = nullptr;
        connect(&runner, &ui::JobRunner::progress, this, [&seen] { seen = QThread::currentThread(); });
        QVERIFY(runner.start([](JobContext& job) -> ui::JobOutcome {
            for (int i = 1; i <= 10; ++i) {
                JobProgress p{i, 10, "step " + std::to_string(i), {}};
                if (i == 5)
                    p.payload = 5.5; // e.g. an epoch's metrics
                job.report(p);
            }
            return {QString(), 42};
        }));
        QVERIFY(runner.running());
        QVERIFY(!runner.start([](JobContext&) { return ui::JobOutcome{}; })); // one at a time
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(std::any_cast<int>(runner.result()), 42);
        QVERIFY(!runner.running());
        QCOMPARE(seen, gui);
        QVERIFY(progress.count() >= 1);
        QCOMPARE(progress.last().at(0).toDouble(), 1.0); // the last update always arrives
        QCOMPARE(progress.last().at(3).toString(), QString("step 10"));
        QCOMPARE(payload.count(), 1);
        QCOMPARE(std::any_cast<double>(payload.first().at(0).value<std::any>()), 5.5);
    }

    void aFailingJobReportsItsError()
    {
        ui::JobRunner runner(QStringLiteral("fail"));
        QSignalSpy finished(&runner, &ui::JobRunner::finished);
        runner.start([](JobContext&) -> ui::JobOutcome { throw std::runtime_error("disk on fire"); });
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toString(), QString("disk on fire"));
    }

    void pauseHoldsAtACheckpointAndCancelStops()
    {
        ui::JobRunner runner(QStringLiteral("loop"));
        std::atomic<int> steps{0};
        QSignalSpy finished(&runner, &ui::JobRunner::finished);
        QSignalSpy paused(&runner, &ui::JobRunner::pausedChanged);
        runner.start([&steps](JobContext& job) -> ui::JobOutcome {
            while (job.checkpoint())
                ++steps;
            return {QStringLiteral("cancelled"), {}};
        });
        QTRY_VERIFY(steps.load() > 0);
        runner.setPaused(true);
        QCOMPARE(paused.count(), 1);
        QTRY_VERIFY(runner.context()->waitingInPause()); // held inside checkpoint()
        const int held = steps.load();
        QVERIFY(runner.context()->waitingInPause());
        QCOMPARE(steps.load(), held); // nothing moves while it is held
        runner.setPaused(false);
        QTRY_VERIFY(steps.load() > held);
        runner.setPaused(true);
        QTRY_VERIFY(runner.context()->waitingInPause());
        runner.cancel(); // cancel also ends a pause
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toString(), QString("cancelled"));
    }

    void theDestructorCancelsAndJoins()
    {
        std::atomic<bool> exited{false};
        auto* runner = new ui::JobRunner(QStringLiteral("forever"));
        runner->start([&exited](JobContext& job) -> ui::JobOutcome {
            while (!job.cancelled())
                QThread::yieldCurrentThread();
            exited = true;
            return {};
        });
        delete runner;
        QVERIFY(exited.load()); // joined: the job's thread ended before delete returned
    }

    void jobsBarShowsTheRunningJobAndCancelsIt()
    {
        ui::JobsBar bar;
        ui::JobRunner runner(QStringLiteral("Importing"));
        bar.watch(&runner);
        QSignalSpy finished(&runner, &ui::JobRunner::finished);
        QVERIFY(!bar.isVisibleTo(nullptr) || !bar.isVisible());
        runner.start([](JobContext& job) -> ui::JobOutcome {
            job.report(3, 10, "groove_3.mid");
            while (!job.cancelled())
                QThread::yieldCurrentThread();
            return {QStringLiteral("cancelled"), {}};
        });
        bar.show();
        QCOMPARE(bar.shown(), &runner);
        QTRY_VERIFY(bar.text().contains("groove_3.mid"));
        QVERIFY2(bar.text().contains("3 of 10"), qPrintable(bar.text()));
        QCOMPARE(bar.progressBar()->value(), 300);
        QTest::mouseClick(bar.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(bar.shown(), nullptr);
        QVERIFY(!bar.isVisible());
    }

    // Closing the window while an import and a scoring pass run stops both,
    // joins their threads and leaves a library that passes the integrity check.
    void closingWhileJobsRunLeavesASoundLibrary()
    {
        const QString first = tmp_.filePath("first"), more = tmp_.filePath("more");
        QDir().mkpath(first);
        QDir().mkpath(more);
        test::writeCollection(first.toStdString(), 300, 21);
        test::writeCollection(more.toStdString(), 3000, 22);
        const QString lib = tmp_.filePath("close.sqlite");
        auto* w = new ui::MainWindow;
        w->setShowImportReport(false);
        QVERIFY(w->openLibrary(lib));
        w->show();
        QSignalSpy imported(w, &ui::MainWindow::importFinished);
        w->importPaths({first}); // no model yet: nothing scored
        QVERIFY(imported.wait(60000));
        w->setModelDir(QStringLiteral(LM_DEFAULT_MODEL));
        QVERIFY(w->session()->scoreLibrary());
        w->importPaths({more});
        QVERIFY(w->session()->scoreJob()->running());
        QVERIFY(w->session()->importJob()->running());
        QVERIFY(w->close());
        QVERIFY(w->session()->importJob()->context()->cancelled());
        QVERIFY(w->session()->scoreJob()->context()->cancelled());
        delete w; // must not block or crash
        auto db = LibraryDb::open(lib.toStdString());
        QVERIFY(db.ok());
        QVERIFY((*db)->integrityCheck().ok());
        QVERIFY((*db)->counts().files < 3300); // the second import was cut short
        QVERIFY((*db)->counts().files >= 300);
    }
};

QTEST_MAIN(TestJobs)
#include "test_jobs.moc"
