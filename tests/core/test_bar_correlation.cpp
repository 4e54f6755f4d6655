// Bar correlation of windows and the whole-piece self-similarity matrix.
#include "core/analysis/BarCorrelation.h"
#include "core/analysis/Windows.h"

#include <QtTest>

using namespace lm;

class TestBarCorrelation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identicalBarsGiveOnes()
    {
        std::vector<uint64_t> steps(128);
        for (size_t s = 0; s < steps.size(); ++s)
            steps[s] = (s % 4 == 0) ? 0b101 : 0;
        const auto c = windowCorrelation(steps, 0);
        for (double v : c)
            QCOMPARE(v, 1.0); // 1 - 0 / (0 + 1e-5)
    }

    void valuesFollowTheDefinition()
    {
        // Bar k has k cells set (row 0, steps 0..k-1) for k = 0..7, so d(i, j) = |i - j|.
        std::vector<uint64_t> steps(16 * 10, 0);
        const int64_t first = 16; // the window starts at bar 1 of the buffer
        for (int k = 0; k < 8; ++k)
            for (int s = 0; s < k; ++s)
                steps[size_t(first + 16 * k + s)] = 1;
        const auto c = windowCorrelation(steps, first);
        int p = 0;
        for (int i = 0; i < 8; ++i)
            for (int j = i + 1; j < 8; ++j) {
                const double expected = 1.0 - double(j - i) / (7.0 + 1e-5);
                QVERIFY2(std::abs(c[size_t(p)] - expected) < 1e-15, qPrintable(QString::number(p)));
                ++p;
            }
        QCOMPARE(p, 28);
        QVERIFY(c[6] < 1e-5); // the farthest pair (bar 0, bar 7) is near 0
    }

    void distanceCountsEveryRowOfAStep()
    {
        const uint64_t a[2] = {0x1FFFFFFFFFFFFFFull, 0};
        const uint64_t b[3] = {0, 0, 0b11};
        QCOMPARE(barDistance({a, 2}, {b, 3}), int64_t(57 + 2)); // the shorter bar is empty past its end
    }

    void noteDensityAndUniquePitchFollowMethodSection8()
    {
        std::vector<uint64_t> steps(128, 0);
        for (int s : {0, 4, 8, 12})
            steps[size_t(s)] |= 1;                // kick on the beats of bar 0
        for (int s = 0; s < 4; ++s)
            steps[size_t(s)] |= uint64_t(1) << 20; // one bass pitch on steps 0..3
        steps[16 + 5] = 0b110;                     // bar 1: two drum rows on one step
        double density = 0, unique = 0;
        loopMetrics(steps.data(), density, unique);
        QCOMPARE(density, (7.0 + 1.0) / 8.0); // bar 0: steps 0,1,2,3,4,8,12; bar 1: step 5
        QCOMPARE(unique, (2.0 + 2.0) / 8.0);  // bar 0: kick + bass; bar 1: two rows
    }

    void selfSimilarityIsSymmetricWithUnitDiagonal()
    {
        std::vector<uint64_t> steps(16 * 4, 0);
        steps[0] = 1;       // bar 0: one cell
        steps[16] = 1;      // bar 1 equals bar 0
        steps[32 + 5] = 3;  // bar 2: two other cells -> d(0,2) = 3
        // bar 3 empty -> d(0,3) = 1, d(2,3) = 2
        const auto m = selfSimilarity(steps, {0, 16, 32, 48}, 64);
        QCOMPARE(m.size(), size_t(16));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(m[size_t(i * 4 + i)], 1.0);
            for (int j = 0; j < 4; ++j)
                QCOMPARE(m[size_t(i * 4 + j)], m[size_t(j * 4 + i)]);
        }
        QCOMPARE(m[1], 1.0);
        QCOMPARE(m[2], 1.0 - 3.0 / (3.0 + 1e-5));
        QCOMPARE(m[3], 1.0 - 1.0 / (3.0 + 1e-5));
        QCOMPARE(m[2 * 4 + 3], 1.0 - 2.0 / (3.0 + 1e-5));
    }
};

QTEST_GUILESS_MAIN(TestBarCorrelation)
#include "test_bar_correlation.moc"
