// Does training stall the window? Opens the real MainWindow (offscreen) on
// a library of N fixture grooves, starts a training of all three networks
// from the Train tab with its default settings (fewer epochs), and measures
// the event loop the whole time with a 5 ms timer: the longest gap between
// two ticks beyond the 5 ms is the longest stall (goal under 50 ms, at most
// 100 ms). Also prints the 99th percentile, the reports the view took in and
// how often it redrew its charts.
//   train_stall_bench [GROOVES 40] [EPOCHS 5]
#include "Fixtures.h"

#include "ui/MainWindow.h"
#include "ui/jobs/JobRunner.h"
#include "ui/train/TrainCharts.h"
#include "ui/train/TrainForm.h"
#include "ui/train/TrainView.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <thread>

using namespace lm;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& m) {
        if (!m.contains(QLatin1String("propagateSizeHints")) && !m.contains(QLatin1String("XDG_RUNTIME_DIR")))
            std::fprintf(stderr, "%s\n", qPrintable(m)); // the offscreen plugin's notes are not ours
    });
    QTemporaryDir tmp;
    qputenv("LOOPMINER_DATA_HOME", tmp.filePath("data").toUtf8()); // the user's models stay as they are
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int grooves = argc > 1 ? std::atoi(argv[1]) : 40;
    const int epochs = argc > 2 ? std::atoi(argv[2]) : 5;
    const QString music = tmp.filePath("music");
    QDir().mkpath(music);
    test::writeCollection(music.toStdString(), grooves, 3);

    ui::MainWindow w;
    w.setShowImportReport(false);
    w.openLibrary(tmp.filePath("lib.sqlite"));
    w.show();
    {
        QEventLoop wait;
        QObject::connect(&w, &ui::MainWindow::importFinished, &wait, &QEventLoop::quit);
        w.importPaths({music});
        wait.exec();
    }
    w.showPanel("training");
    ui::TrainView* view = w.trainView();
    ui::TrainForm* form = view->form();
    form->detectorData()->setCurrentIndex(form->detectorData()->findData(int(DetectorSource::SameLoops)));
    form->loops()->setCurrentIndex(form->loops()->findData(int(LoopSource::AllMined)));
    for (const char* s : {"vqvaeEpochs", "priorEpochs"})
        form->spin(QString::fromLatin1(s))->setValue(epochs);
    form->spin(QStringLiteral("detectorEpochs"))->setValue(epochs * 10);

    const double estimate = form->estimateSeconds({"detector", "vqvae", "prior"});
    std::vector<double> gaps;
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    qint64 last = -1;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            gaps.push_back(std::max(0.0, double(now - last) / 1e6 - 5.0));
        last = now;
    });
    int payloads = 0;
    QObject::connect(view->job(), &ui::JobRunner::payload, [&](const std::any&) { ++payloads; });
    bool ok = false;
    QString error;
    QEventLoop done;
    QObject::connect(view, &ui::TrainView::trainingFinished, [&](const QString&, bool good, bool, const QString& e) {
        ok = good;
        error = e;
        done.quit();
    });
    clock.start();
    tick.start();
    if (!view->start()) {
        std::fprintf(stderr, "train_stall_bench: the training did not start\n");
        return 1;
    }
    done.exec();
    tick.stop();
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (!ok) {
        std::fprintf(stderr, "train_stall_bench: training failed: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const double worst = sorted.empty() ? 0 : sorted.back();
    const double p99 = sorted.empty() ? 0 : sorted[size_t(double(sorted.size() - 1) * 0.99)];
    std::printf("training of all three networks in the Train tab: %.1f s, %d grooves, %d epochs (detector %d + %d), "
                "%u cores, %d threads for training\n",
                seconds, grooves, epochs, epochs * 10, epochs * 10, std::thread::hardware_concurrency(),
                form->spin(QStringLiteral("threads"))->value());
    std::printf("the Train tab's estimate before the start: %.1f s\n", estimate);
    std::printf("reports taken in: %d, chart redraws: %d, timer ticks: %zu\n", payloads, view->charts()->redraws(),
                gaps.size());
    std::printf("longest event-loop stall: %.1f ms (goal under 50 ms, at most 100 ms); 99th percentile %.1f ms\n", worst,
                p99);
    return 0;
}
