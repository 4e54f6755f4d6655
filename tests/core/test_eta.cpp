// The ETA of training on a virtual clock: a run of 5 epochs of 29 batches
// (1800 samples, batches of 64, the last one 8) whose first epoch is four times
// slower per sample than the rest, with 0.5 s of validation after each epoch.
// Bound: no two consecutive estimates differ by more than 10 % of the run's
// whole time (58.75 s here, so 5.875 s); the estimate on the last step is 0.
#include "core/base/Eta.h"

#include <QtTest>

#include <vector>

using namespace lm;

namespace {

struct Report {
    int epoch;
    double elapsed;
    int64_t done;
};

// Every progress report of the run: one per batch, one per epoch end.
std::vector<Report> slowFirstEpoch(int64_t n, int64_t batch, int epochs, double& total)
{
    std::vector<Report> out;
    double t = 0;
    const int64_t batches = (n + batch - 1) / batch;
    for (int e = 0; e < epochs; ++e) {
        for (int64_t b = 0; b < batches; ++b) {
            const int64_t rows = std::min(batch, n - b * batch);
            t += (e == 0 ? 1.0 : 0.25) * double(rows) / double(batch);
            out.push_back({e, t, e * n + std::min(n, (b + 1) * batch)});
        }
        t += 0.5; // validation and checkpoint
        out.push_back({e, t, (e + 1) * n});
    }
    total = t;
    return out;
}

} // namespace

class TestEta : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smoothOverASlowFirstEpochAndZeroAtTheEnd()
    {
        const int64_t n = 1800;
        const int epochs = 5;
        double total = 0;
        const auto reports = slowFirstEpoch(n, 64, epochs, total);
        QCOMPARE(total, 58.75);
        const EtaEstimator eta(n * epochs);
        double previous = -1, largestJump = 0;
        for (const Report& r : reports) {
            const double left = eta.secondsLeft(r.elapsed, r.done);
            QVERIFY(left >= 0);
            if (previous >= 0)
                largestJump = std::max(largestJump, std::abs(left - previous));
            previous = left;
        }
        QVERIFY2(largestJump <= 0.1 * total, qPrintable(QString("largest jump %1 s").arg(largestJump)));
        // The last batch and the last epoch's end: nothing left.
        QCOMPARE(eta.secondsLeft(reports[reports.size() - 2].elapsed, reports[reports.size() - 2].done), 0.0);
        QCOMPARE(eta.secondsLeft(reports.back().elapsed, reports.back().done), 0.0);
        // One step before the end the estimate is small but not yet 0.
        const Report& beforeLast = reports[reports.size() - 3];
        const double almost = eta.secondsLeft(beforeLast.elapsed, beforeLast.done);
        QVERIFY(almost > 0 && almost < 0.5);
    }

    // The mean per sample over this run: 100 of 1000 samples in 10 s leave 90 s.
    // A resumed run counts only the samples it did itself in its mean.
    void meanOverThisRun()
    {
        QCOMPARE(EtaEstimator(1000).secondsLeft(10, 100), 90.0);
        QCOMPARE(EtaEstimator(1000, 500).secondsLeft(10, 600), 40.0);
        QCOMPARE(EtaEstimator(1000, 500).secondsLeft(0, 500), 0.0); // nothing measured yet
        QCOMPARE(EtaEstimator(1000).secondsLeft(10, 1200), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestEta)
#include "test_eta.moc"
