#pragma once
// The piano roll of one 8-bar window: drum rows by name, bass rows by note
// name, bar lines; beside it the window's 8 x 8 bar-correlation matrix.
#include "core/analysis/BarCorrelation.h"

#include <QWidget>
#include <vector>

namespace lm::ui {

class PianoRollView : public QWidget {
    Q_OBJECT
public:
    explicit PianoRollView(QWidget* parent = nullptr);

    // steps: 128 masks of the stacked 57 rows; startBar only labels the bars.
    void setWindow(std::vector<uint64_t> steps, const WindowCorrelation& correlation, int startBar,
                   const QString& title);
    void clear();
    int startBar() const { return startBar_; }
    int activeCells() const;

    static QString rowName(int row);

protected:
    void paintEvent(QPaintEvent*) override;

private:
    std::vector<uint64_t> steps_;
    WindowCorrelation correlation_{};
    int startBar_ = -1;
    QString title_;
};

} // namespace lm::ui
