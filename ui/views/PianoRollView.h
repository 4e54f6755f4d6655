#pragma once
// The piano roll of one 8-bar window: drum rows by name, bass rows by note
// name, bar lines; beside it the window's 8 x 8 bar-correlation matrix.
#include "core/analysis/BarCorrelation.h"

#include <QWidget>
class QPainter;
#include <vector>

namespace lm::ui {

class PianoRollView : public QWidget {
    Q_OBJECT
public:
    explicit PianoRollView(QWidget* parent = nullptr);

    // steps: 8 bars of masks of the stacked 57 rows (128 in 4/4, 8 x 12 in 3/4
    // ...: the bar lines follow); startBar only labels the bars. Clears the keys.
    void setWindow(std::vector<uint64_t> steps, const WindowCorrelation& correlation, int startBar,
                   const QString& title);
    // A keys part over the same steps (48 rows, C3 to B6), drawn above the bass.
    void setKeys(std::vector<uint64_t> keys);
    bool hasKeys() const { return !keys_.empty(); }
    int keysCells() const;
    QRectF keysRowRect(int row) const; // row 0 = C3 (pitch 48) .. 47 = B6
    int barSteps() const { return steps_.empty() ? 16 : int(steps_.size()) / 8; }
    void clear();
    int startBar() const { return startBar_; }
    int activeCells() const;

    static QString rowName(int row);
    // Where a row is drawn at the current size: higher pitches go up (bass
    // C5 above C1, as in every DAW), the drum lanes below the bass with the
    // kick at the bottom; drum lanes are twice as tall so their names fit.
    QRectF rowRect(int row) const;
    QRectF rollArea() const;
    QFont labelFont(int row) const;
    // The audition's playhead: a line at the window's step 0..127, none at -1.
    void setPlayhead(int step);
    int playhead() const { return playhead_; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    void paintKeys(QPainter& p, const QRectF& roll, double cw);
    std::vector<uint64_t> steps_;
    std::vector<uint64_t> keys_;
    WindowCorrelation correlation_{};
    int startBar_ = -1;
    QString title_;
    int playhead_ = -1;
};

} // namespace lm::ui
