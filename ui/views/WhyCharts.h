#pragma once
// The two pictures of the "why is this a loop" panel: a window's 8 x 8 bar
// matrix with the bars that break its repetition marked, and the library's
// loop-score histogram with the threshold and this window's score on it.
#include "core/library/ScoreHistogram.h"
#include "core/model/WindowCorrelation.h"

#include <QWidget>
#include <optional>
#include <vector>

namespace lm::ui {

// The 8 x 8 matrix of the window's 28 bar correlations (1 on the diagonal).
std::vector<double> windowMatrix(const WindowCorrelation& c);
// Each bar's mean similarity to the other seven.
std::vector<double> barMeans(const WindowCorrelation& c);
// The bars (0..7 in the window) with the lowest mean similarity to the rest;
// none when every bar's mean is the same (nothing breaks the repetition).
std::vector<int> breakingBars(const WindowCorrelation& c);

class WhyMatrix : public QWidget {
    Q_OBJECT
public:
    explicit WhyMatrix(QWidget* parent = nullptr);
    void setWindow(const WindowCorrelation& c, int startBar); // startBar < 0: nothing
    const std::vector<int>& marked() const { return marked_; }
    QSize sizeHint() const override { return {260, 260}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override { return w; } // square

protected:
    void paintEvent(QPaintEvent*) override;

private:
    std::vector<double> matrix_;
    std::vector<int> marked_;
    int startBar_ = -1;
};

class WhyHistogram : public QWidget {
    Q_OBJECT
public:
    explicit WhyHistogram(QWidget* parent = nullptr);
    void setHistogram(ScoreHistogram h);
    void setMarks(std::optional<double> score, std::optional<double> threshold);
    const ScoreHistogram& histogram() const { return histogram_; }
    int markedBin() const { return score_ ? histogram_.binOf(*score_) : -1; }
    QSize sizeHint() const override { return {260, 130}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    ScoreHistogram histogram_;
    std::optional<double> score_, threshold_;
};

} // namespace lm::ui
